namespace Orchestrator.Server.Api.Problems;

/// <summary>Body of <c>POST /api/problems</c>.</summary>
public sealed record CreateProblemRequest(
    string? Title,
    string? Description = null,
    string? RootCause = null,
    string? Workaround = null,
    bool? KnownError = null,
    string? Service = null);

/// <summary>Body of <c>PATCH /api/problems/{id}</c>: only the fields present change; "" clears a text field.</summary>
public sealed record UpdateProblemRequest(
    string? Title = null,
    string? Description = null,
    string? RootCause = null,
    string? Workaround = null,
    bool? KnownError = null,
    string? Service = null,
    int? Version = null);

/// <summary>Body of <c>POST /api/problems/{id}/incidents</c>.</summary>
public sealed record LinkIncidentRequest(Guid? IncidentId);

/// <summary>Body of <c>POST /api/problems/{id}/resolve</c>; the root cause may be given here or recorded before.</summary>
public sealed record ResolveProblemRequest(string? RootCause = null, string? Notes = null, string? ResolutionCode = null, int? Version = null);
