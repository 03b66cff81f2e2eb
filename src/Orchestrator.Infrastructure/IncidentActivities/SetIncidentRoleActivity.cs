using Microsoft.Extensions.DependencyInjection;
using Orchestrator.Incidents;
using Orchestrator.Incidents.Major;
using Orchestrator.Workflows.Descriptors;

namespace Orchestrator.Infrastructure.IncidentActivities;

/// <summary>Names who holds an Incident Command System role on a (proposed) major incident; an empty user frees it.</summary>
internal sealed class SetIncidentRoleActivity(IServiceScopeFactory scopes) : IncidentActivity(scopes)
{
    public const string TypeName = "SetIncidentRole";

    public override ActivityDescriptor Descriptor { get; } = new()
    {
        Type = TypeName,
        Category = CategoryName,
        DisplayName = "Set incident role",
        Description = "Staffs an Incident Command System role on a proposed or accepted major incident; an empty user frees it.",
        Inputs =
        [
            new InputDescriptor("role", InputTypes.String, UiHints.Select, Required: true, Options: Enum.GetNames<IcsRole>()),
            new InputDescriptor("user", InputTypes.String, UiHints.Text, Description: "Who holds it; empty frees the role."),
            IncidentIdInput,
        ],
        Outputs = [IncidentOutput],
        HasSideEffects = true,
    };

    protected override Task<Incident> RunAsync(IncidentStep step) =>
        step.Incidents.SetRoleAsync(step.IncidentId, null, step.RequiredChoice<IcsRole>("role"), step.Text("user") ?? string.Empty,
            step.Actor, step.CancellationToken);
}
