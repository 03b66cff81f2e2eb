using Microsoft.Extensions.DependencyInjection;
using Orchestrator.Incidents;
using Orchestrator.Incidents.Major;
using Orchestrator.Workflows.Descriptors;

namespace Orchestrator.Infrastructure.IncidentActivities;

/// <summary>Proposes the incident as a major incident, or accepts or rejects the proposal (accepting raises
/// <c>incident.majorDeclared</c>).</summary>
internal sealed class DeclareMajorIncidentActivity(IServiceScopeFactory scopes) : IncidentActivity(scopes)
{
    public const string TypeName = "DeclareMajorIncident";

    public override ActivityDescriptor Descriptor { get; } = new()
    {
        Type = TypeName,
        Category = CategoryName,
        DisplayName = "Declare major incident",
        Description = "Propose the incident as major (with a reason), then Accept (declares it: incident.majorDeclared) or Reject (with a reason).",
        Inputs =
        [
            new InputDescriptor("action", InputTypes.String, UiHints.Select, Required: true, Default: nameof(MajorIncidentAction.Propose), Options: Enum.GetNames<MajorIncidentAction>()),
            new InputDescriptor("reason", InputTypes.String, UiHints.Multiline, Description: "Required to propose or reject."),
            IncidentIdInput,
        ],
        Outputs = [IncidentOutput],
        HasSideEffects = true,
    };

    protected override Task<Incident> RunAsync(IncidentStep step) =>
        step.Incidents.HandleMajorAsync(step.IncidentId, null, step.RequiredChoice<MajorIncidentAction>("action"), step.Text("reason"),
            step.Actor, step.CancellationToken);
}
