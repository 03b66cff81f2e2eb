using Scriban;
using Scriban.Parsing;
using Scriban.Runtime;
using Scriban.Syntax;

namespace Orchestrator.Templating;

/// <summary>Refuses every <c>include</c>: sandboxed scripts see only what the caller passes in.</summary>
internal sealed class NoIncludesTemplateLoader : ITemplateLoader
{
    public const string Message = "includes are not allowed";

    public static NoIncludesTemplateLoader Instance { get; } = new();

    public string GetPath(TemplateContext context, SourceSpan callerSpan, string templateName) =>
        throw new ScriptRuntimeException(callerSpan, Message);

    public string? Load(TemplateContext context, SourceSpan callerSpan, string templatePath) =>
        throw new ScriptRuntimeException(callerSpan, Message);

    public ValueTask<string?> LoadAsync(TemplateContext context, SourceSpan callerSpan, string templatePath) =>
        throw new ScriptRuntimeException(callerSpan, Message);
}
