using Microsoft.Extensions.DependencyInjection;
using Orchestrator.Incidents;
using Orchestrator.Incidents.Errors;
using Orchestrator.Incidents.Problems;
using Orchestrator.Workflows.Descriptors;

namespace Orchestrator.Infrastructure.IncidentActivities;

/// <summary>Links the incident to a problem (its root cause under investigation).</summary>
internal sealed class LinkProblemActivity(IServiceScopeFactory scopes) : IncidentActivity(scopes)
{
    public const string TypeName = "LinkProblem";

    public override ActivityDescriptor Descriptor { get; } = new()
    {
        Type = TypeName,
        Category = CategoryName,
        DisplayName = "Link problem",
        Description = "Links the incident to a problem; resolving the problem later can resolve incidents on hold awaiting it.",
        Inputs =
        [
            new InputDescriptor("problemId", InputTypes.String, UiHints.Text, Required: true, Description: "The problem's id."),
            IncidentIdInput,
        ],
        Outputs = [IncidentOutput],
        HasSideEffects = true,
    };

    protected override Task<Incident> RunAsync(IncidentStep step)
    {
        var text = step.RequiredText("problemId");
        return Guid.TryParse(text, out var problemId)
            ? step.Service<ProblemService>().LinkIncidentAsync(problemId, step.IncidentId, step.Actor, step.CancellationToken)
            : throw new InvalidFieldException("problemId", $"problemId '{text}' is not a problem id (a GUID, as in GET /api/problems/{{id}}).");
    }
}
