using Scriban;
using Scriban.Parsing;
using Scriban.Runtime;
using Scriban.Syntax;

namespace Orchestrator.Templating;

/// <summary>
/// Parses, evaluates and renders Scriban expressions and templates under <see cref="SandboxLimits"/>.
/// Thread-safe and meant to be shared: every call runs in its own context; parsed scripts are cached.
/// </summary>
/// <remarks>
/// Scripts see only the values passed in, converted by <see cref="ScriptValues.ToScript"/> into Scriban objects, arrays and
/// primitives, with keys exactly as given. Undefined variables, unknown members (<c>input.missing</c>) and unknown
/// functions are errors; <c>include</c> is refused; no .NET member is reachable through reflection.
/// Test for an optional key with <c>object.has_key input "key"</c>. An array index out of range gives <c>null</c>.
/// </remarks>
public sealed class ScriptSandbox
{
    private readonly ParsedScriptCache _expressions = new(ScriptMode.ScriptOnly);
    private readonly ParsedScriptCache _templates = new(ScriptMode.Default);

    /// <summary>A sandbox with <see cref="SandboxLimits.Default"/>.</summary>
    public ScriptSandbox()
        : this(SandboxLimits.Default)
    {
    }

    /// <summary>A sandbox with the given limits; each must be positive.</summary>
    public ScriptSandbox(SandboxLimits limits)
    {
        ArgumentNullException.ThrowIfNull(limits);
        limits.Validate();
        Limits = limits;
    }

    /// <summary>The limits every call runs under.</summary>
    public SandboxLimits Limits { get; }

    /// <summary>Parses an expression (Scriban code without <c>{{ }}</c>) without running it.</summary>
    /// <returns>The parse errors; empty when the expression is valid.</returns>
    public IReadOnlyList<ScriptError> ValidateExpression(string expression)
    {
        ArgumentNullException.ThrowIfNull(expression);
        return _expressions.Get(expression).Errors;
    }

    /// <summary>
    /// Evaluates an expression such as <c>input.count &gt; 3 &amp;&amp; variables.name == "x"</c> and returns its value as a plain
    /// .NET value (see <see cref="ScriptValues.FromScript"/>). Several statements may be given; the last one's value is returned.
    /// </summary>
    /// <param name="expression">Scriban code without <c>{{ }}</c>.</param>
    /// <param name="globals">The top-level variables, converted with <see cref="ScriptValues.ToScript"/>.</param>
    /// <param name="ct">Stops the evaluation with an <see cref="OperationCanceledException"/>.</param>
    /// <exception cref="ScriptException">The expression does not parse, fails, hits a limit or runs out of time.</exception>
    /// <exception cref="ArgumentException">A global holds a value that cannot be exposed to scripts.</exception>
    public object? Evaluate(string expression, IReadOnlyDictionary<string, object?> globals, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(expression);
        var parsed = _expressions.Get(expression);
        var result = Run(parsed, expression, globals, ct, static (template, context) => template.Evaluate(context));
        try
        {
            return ScriptValues.FromScript(result);
        }
        catch (ArgumentException e)
        {
            throw new ScriptException(new ScriptError($"the result cannot be returned: {e.Message}", 1, 1), e);
        }
    }

    /// <summary>Parses a template (text with <c>{{ }}</c> code blocks) without rendering it.</summary>
    /// <returns>The parse errors; empty when the template is valid.</returns>
    public IReadOnlyList<ScriptError> ValidateTemplate(string template)
    {
        ArgumentNullException.ThrowIfNull(template);
        return _templates.Get(template).Errors;
    }

    /// <summary>Renders a template over a model whose entries become the top-level variables.</summary>
    /// <param name="template">Text with <c>{{ }}</c> code blocks.</param>
    /// <param name="model">The top-level variables, converted with <see cref="ScriptValues.ToScript"/>.</param>
    /// <param name="ct">Stops the render with an <see cref="OperationCanceledException"/>.</param>
    /// <exception cref="ScriptException">The template does not parse, fails, hits a limit or runs out of time.</exception>
    /// <exception cref="ArgumentException">The model holds a value that cannot be exposed to scripts.</exception>
    public string Render(string template, IReadOnlyDictionary<string, object?> model, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(template);
        var parsed = _templates.Get(template);
        return Run(parsed, template, model, ct, static (compiled, context) => compiled.Render(context));
    }

    private T Run<T>(
        ParsedScript parsed,
        string text,
        IReadOnlyDictionary<string, object?> globals,
        CancellationToken ct,
        Func<Template, TemplateContext, T> run)
    {
        ArgumentNullException.ThrowIfNull(globals);
        if (parsed.Errors.Count > 0)
        {
            throw new ScriptException(parsed.Errors[0]);
        }

        var scriptGlobals = ScriptValues.ToGlobals(globals);
        ct.ThrowIfCancellationRequested();

        using var deadline = CancellationTokenSource.CreateLinkedTokenSource(ct);
        deadline.CancelAfter(Limits.TimeLimit);
        var context = CreateContext(scriptGlobals, deadline.Token);
        try
        {
            return run(parsed.Template, context);
        }
        catch (Exception e) when (deadline.IsCancellationRequested && ScriptFailures.IsAbort(e))
        {
            if (ct.IsCancellationRequested)
            {
                throw new OperationCanceledException("The script was cancelled.", e, ct);
            }

            throw ScriptFailures.TimeLimitExceeded(Limits, e as ScriptRuntimeException, text);
        }
        catch (ScriptRuntimeException e)
        {
            throw ScriptFailures.FromRuntime(e, Limits, text);
        }
        catch (Exception e) when (e is not OperationCanceledException and not OutOfMemoryException)
        {
            // A built-in function failed outside Scriban's own error handling: still report it at the node being run.
            throw ScriptFailures.Unexpected(e, context.CurrentNode?.Span, text);
        }
    }

    private TemplateContext CreateContext(ScriptObject globals, CancellationToken deadline)
    {
        var context = new TemplateContext
        {
            StrictVariables = true,
            EnableRelaxedMemberAccess = false,
            EnableRelaxedTargetAccess = false,
            EnableRelaxedFunctionAccess = false,
            MemberRenamer = member => member.Name,
            MemberFilter = _ => false,
            TemplateLoader = NoIncludesTemplateLoader.Instance,
            LoopLimit = Limits.LoopLimit,
            LoopLimitQueryable = Limits.LoopLimit,
            RecursiveLimit = Limits.RecursiveLimit,
            LimitToString = Limits.StringLimit,
            OnStringLimit = ScriptLimitBehavior.Throw,
            OutputLimit = Limits.OutputLimit,
            OnOutputLimit = ScriptLimitBehavior.Throw,
            RegexTimeOut = Limits.RegexTimeout,
            CancellationToken = deadline,
        };
        context.PushGlobal(globals);
        return context;
    }
}
