using Scriban;
using Scriban.Parsing;

namespace Orchestrator.Templating;

/// <summary>A parsed expression or template with its parse errors; a <see cref="Template"/> may be evaluated from many threads at once.</summary>
internal sealed record ParsedScript(Template Template, IReadOnlyList<ScriptError> Errors)
{
    public static ParsedScript Parse(string text, ScriptMode mode)
    {
        var template = Template.Parse(text, lexerOptions: new LexerOptions { Mode = mode, Lang = ScriptLang.Default });
        var errors = template.Messages
            .Where(message => message.Type == ParserMessageType.Error)
            .Select(message => ToError(message.Message, message.Span, text))
            .ToList();

        if (mode == ScriptMode.ScriptOnly && string.IsNullOrWhiteSpace(text))
        {
            errors.Add(new ScriptError("the expression is empty", 1, 1));
        }

        return new ParsedScript(template, errors);
    }

    /// <summary>Scriban reports errors found at the end of the text with no position (-1); those point past the last character instead.</summary>
    public static ScriptError ToError(string message, SourceSpan span, string text)
    {
        if (span.Start.Line >= 0 && span.Start.Column >= 0)
        {
            return new ScriptError(message, span.Start.Line + 1, span.Start.Column + 1);
        }

        var lastNewLine = text.LastIndexOf('\n');
        var line = text.Count(c => c == '\n') + 1;
        return new ScriptError(message, line, text.Length - lastNewLine);
    }
}
