using Microsoft.Extensions.DependencyInjection;
using Orchestrator.Incidents;
using Orchestrator.Incidents.Errors;
using Orchestrator.Workflows.Descriptors;

namespace Orchestrator.Infrastructure.IncidentActivities;

/// <summary>Sets the assignment group and/or assignee; a New incident moves to Assigned.</summary>
internal sealed class AssignIncidentActivity(IServiceScopeFactory scopes) : IncidentActivity(scopes)
{
    public const string TypeName = "AssignIncident";

    public override ActivityDescriptor Descriptor { get; } = new()
    {
        Type = TypeName,
        Category = CategoryName,
        DisplayName = "Assign incident",
        Description = "Assigns a group, a person or both (e.g. the group from the category); a New incident becomes Assigned.",
        Inputs =
        [
            new InputDescriptor("group", InputTypes.String, UiHints.Text, Description: "Assignment group; empty leaves it as it is."),
            new InputDescriptor("assignee", InputTypes.String, UiHints.Text, Description: "Assignee; empty leaves it as it is."),
            IncidentIdInput,
        ],
        Outputs = [IncidentOutput],
        HasSideEffects = true,
    };

    protected override Task<Incident> RunAsync(IncidentStep step)
    {
        var (group, assignee) = (step.Text("group"), step.Text("assignee"));
        if (group is null && assignee is null)
        {
            throw new InvalidFieldException("group", "Give a group, an assignee or both.");
        }

        return step.Incidents.AssignAsync(step.IncidentId, null, group, assignee, step.Actor, step.CancellationToken);
    }
}
