using Microsoft.Extensions.DependencyInjection;
using Orchestrator.Incidents;
using Orchestrator.Incidents.Errors;
using Orchestrator.Incidents.Lifecycle;
using Orchestrator.Workflows.Activities;
using Orchestrator.Workflows.Descriptors;

namespace Orchestrator.Infrastructure.IncidentActivities;

/// <summary>Moves the incident through its lifecycle. A move the lifecycle does not allow (Closed → InProgress) takes
/// the <c>Refused</c> port with <c>reason</c> and <c>allowed</c>; without a Refused connection the step fails with the reason.</summary>
internal sealed class TransitionIncidentActivity(IServiceScopeFactory scopes, IncidentRules rules) : IncidentActivity(scopes)
{
    public const string TypeName = "TransitionIncident";
    public const string RefusedPort = "Refused";

    public override ActivityDescriptor Descriptor { get; } = new()
    {
        Type = TypeName,
        Category = CategoryName,
        DisplayName = "Transition incident",
        Description = "Moves the incident to another state (OnHold needs a hold reason, Resolved a resolution code and notes). Refused: the lifecycle does not allow the move.",
        Inputs =
        [
            new InputDescriptor("to", InputTypes.String, UiHints.Select, Required: true, Options: Enum.GetNames<IncidentState>().Where(s => s != nameof(IncidentState.New)).ToList()),
            new InputDescriptor("holdReason", InputTypes.String, UiHints.Select, Options: Enum.GetNames<HoldReason>(), Description: "For OnHold."),
            new InputDescriptor("resolutionCode", InputTypes.String, UiHints.Select, Options: rules.ResolutionCodes.All, Description: "For Resolved."),
            new InputDescriptor("notes", InputTypes.String, UiHints.Multiline, Description: "Required for Resolved, and for OnHold awaiting the caller."),
            IncidentIdInput,
        ],
        Outputs =
        [
            IncidentOutput,
            new OutputDescriptor("reason", InputTypes.String, "Refused: why the lifecycle does not allow the move."),
            new OutputDescriptor("allowed", InputTypes.Array, "Refused: the states it can move to now."),
        ],
        Outcomes = [Ports.Done, RefusedPort],
        HasSideEffects = true,
    };

    protected override Task<Incident> RunAsync(IncidentStep step)
    {
        var request = new TransitionRequest(step.RequiredChoice<IncidentState>("to"), step.Choice<HoldReason>("holdReason"),
            step.Text("resolutionCode"), step.Text("notes"));
        return step.Incidents.TransitionAsync(step.IncidentId, null, request, step.Actor, step.CancellationToken);
    }

    protected override ActivityResult Refused(IllegalTransitionException refusal) =>
        ActivityResult.Refusal(RefusedPort, refusal.Message, new Dictionary<string, object?>
        {
            ["incident"] = null,
            ["reason"] = refusal.Message,
            ["allowed"] = refusal.Allowed.Cast<object?>().ToList(),
        });
}
