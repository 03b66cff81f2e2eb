using System.Net;
using Markdig;

namespace Orchestrator.Templating.Templates;

/// <summary>
/// Turns a rendered template's Markdown into HTML for e-mail and reports (Markdig). Raw HTML in the Markdown is not
/// passed through — an incident title with <c>&lt;script&gt;</c> stays text — and links keep to http(s) and mailto.
/// </summary>
public static class MarkdownHtml
{
    private static readonly MarkdownPipeline Pipeline = new MarkdownPipelineBuilder()
        .UsePipeTables()
        .UseEmphasisExtras()
        .UseTaskLists()
        .UseAutoLinks()
        .DisableHtml()
        .Build();

    /// <summary>The HTML of <paramref name="markdown"/> (a fragment, for an e-mail body or a page).</summary>
    public static string Fragment(string markdown) => Markdown.ToHtml(markdown, Pipeline);

    /// <summary>A whole HTML document with a little print-friendly style, for <c>Accept: text/html</c>.</summary>
    public static string Document(string title, string markdown) =>
        $"""
        <!doctype html>
        <html lang="en">
        <head>
        <meta charset="utf-8">
        <meta name="viewport" content="width=device-width, initial-scale=1">
        <title>{WebUtility.HtmlEncode(title)}</title>
        <style>
        body {"{"} font-family: system-ui, -apple-system, "Segoe UI", Roboto, sans-serif; line-height: 1.5; color: #1f2328; max-width: 46rem; margin: 2rem auto; padding: 0 1rem; {"}"}
        h1, h2, h3 {"{"} line-height: 1.25; {"}"} h2 {"{"} border-bottom: 1px solid #d0d7de; padding-bottom: .3rem; margin-top: 2rem; {"}"}
        table {"{"} border-collapse: collapse; width: 100%; {"}"} th, td {"{"} border: 1px solid #d0d7de; padding: .35rem .6rem; text-align: left; vertical-align: top; {"}"}
        th {"{"} background: #f6f8fa; {"}"} code {"{"} background: #f6f8fa; padding: .1rem .3rem; border-radius: 4px; {"}"}
        blockquote {"{"} color: #57606a; border-left: 4px solid #d0d7de; margin: 0; padding: 0 1rem; {"}"}
        </style>
        </head>
        <body>
        {Fragment(markdown)}
        </body>
        </html>
        """;
}
