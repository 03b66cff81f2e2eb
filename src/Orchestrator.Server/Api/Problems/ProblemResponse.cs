using Orchestrator.Incidents.Problems;
using Orchestrator.Server.Api.Incidents;

namespace Orchestrator.Server.Api.Problems;

/// <summary>A problem as the API returns it.</summary>
public sealed record ProblemResponse(
    Guid Id,
    string Number,
    string Title,
    string? Description,
    string? Service,
    string? RootCause,
    string? Workaround,
    bool KnownError,
    ProblemState State,
    string? ResolutionNotes,
    DateTimeOffset CreatedAt,
    DateTimeOffset UpdatedAt,
    DateTimeOffset? ResolvedAt,
    int Version)
{
    public static ProblemResponse From(Problem p) => new(
        p.Id, p.Number, p.Title, p.Description, p.Service, p.RootCause, p.Workaround, p.KnownError, p.State,
        p.ResolutionNotes, p.CreatedAt, p.UpdatedAt, p.ResolvedAt, p.Version);
}

/// <summary>A resolved problem and the incidents its resolution resolved.</summary>
public sealed record ProblemResolutionResponse(ProblemResponse Problem, IReadOnlyList<IncidentResponse> ResolvedIncidents);
