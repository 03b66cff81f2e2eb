using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Http.Features;

namespace Orchestrator.Server.Api.Intake;

/// <summary>Reads an intake request's JSON body within the 512 KB intake limit.</summary>
internal static class IntakeBody
{
    public const int MaxBytes = 512 * 1024;
    private const int MaxDepth = 64;

    /// <summary>The parsed body; <see cref="IntakeBodyException"/> for a body over the limit (413) or that is not
    /// JSON (400, with the path, line and byte position of the first error).</summary>
    public static async Task<JsonNode?> ReadAsync(HttpRequest request, CancellationToken cancellationToken)
    {
        if (request.ContentLength > MaxBytes)
        {
            throw TooLarge();
        }

        if (request.HttpContext.Features.Get<IHttpMaxRequestBodySizeFeature>() is { IsReadOnly: false } limit)
        {
            limit.MaxRequestBodySize = MaxBytes + 1L;
        }

        var buffer = new MemoryStream();
        var chunk = new byte[16 * 1024];
        int read;
        try
        {
            while ((read = await request.Body.ReadAsync(chunk, cancellationToken)) > 0)
            {
                if (buffer.Length + read > MaxBytes)
                {
                    throw TooLarge();
                }

                buffer.Write(chunk, 0, read);
            }
        }
        catch (BadHttpRequestException e) when (e.StatusCode == StatusCodes.Status413PayloadTooLarge)
        {
            throw TooLarge();
        }

        if (buffer.Length == 0)
        {
            throw new IntakeBodyException(StatusCodes.Status400BadRequest, "$", "The request body is empty; send a JSON document.");
        }

        var json = buffer.GetBuffer().AsSpan(0, (int)buffer.Length);
        try
        {
            return JsonNode.Parse(json, documentOptions: new JsonDocumentOptions { MaxDepth = MaxDepth });
        }
        catch (JsonException e)
        {
            var path = JsonErrorLocation.PathOf(json, MaxDepth);
            var message = e.Message.Split([" Path: ", " LineNumber: "], 2, StringSplitOptions.None)[0];
            throw new IntakeBodyException(StatusCodes.Status400BadRequest, path == "$" ? "$" : path[2..],
                $"The request body is not valid JSON at {path} (line {e.LineNumber + 1}, byte {e.BytePositionInLine + 1}): {message}");
        }
    }

    private static IntakeBodyException TooLarge() =>
        new(StatusCodes.Status413PayloadTooLarge, "$", $"The request body is larger than the {MaxBytes / 1024} KB intake limit.");
}
