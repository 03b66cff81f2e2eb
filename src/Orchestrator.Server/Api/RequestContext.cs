using System.Globalization;
using Orchestrator.Incidents.Errors;

namespace Orchestrator.Server.Api;

/// <summary>What every API handler reads from the request besides its body: who is acting, and which version they saw.</summary>
internal static class RequestContext
{
    /// <summary>The authenticated user, or "anonymous" until authentication is configured.</summary>
    public static string Actor(HttpContext http) => http.User.Identity?.Name is { Length: > 0 } name ? name : "anonymous";

    /// <summary>The version from the body, else from <c>If-Match</c> ("3", "\"3\"" or "W/\"3\""), else null (no check).</summary>
    public static int? Version(HttpContext http, int? bodyVersion)
    {
        if (bodyVersion is not null)
        {
            return bodyVersion;
        }

        var ifMatch = http.Request.Headers.IfMatch.ToString();
        if (string.IsNullOrWhiteSpace(ifMatch) || ifMatch == "*")
        {
            return null;
        }

        var tag = ifMatch.Trim();
        tag = tag.StartsWith("W/", StringComparison.Ordinal) ? tag[2..] : tag;
        return int.TryParse(tag.Trim('"'), NumberStyles.None, CultureInfo.InvariantCulture, out var version)
            ? version
            : throw new InvalidFieldException("If-Match", $"If-Match '{ifMatch}' is not a version: send the version number, e.g. \"3\".");
    }

    /// <summary>Sets the ETag header to the record's version, so clients can send it back in If-Match.</summary>
    public static void SetVersion(HttpContext http, int version) => http.Response.Headers.ETag = $"\"{version}\"";
}
