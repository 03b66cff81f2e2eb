using Microsoft.Extensions.DependencyInjection;
using Orchestrator.Incidents;
using Orchestrator.Workflows.Descriptors;

namespace Orchestrator.Infrastructure.IncidentActivities;

/// <summary>Records a new incident (a playbook that finds a fault opens one); output <c>incident</c>.</summary>
internal sealed class CreateIncidentActivity(IServiceScopeFactory scopes) : IncidentActivity(scopes)
{
    public const string TypeName = "CreateIncident";

    public override ActivityDescriptor Descriptor { get; } = new()
    {
        Type = TypeName,
        Category = CategoryName,
        DisplayName = "Create incident",
        Description = "Records a new incident; priority follows from impact and urgency. Later steps reach it as outputs.<id>.incident.",
        Inputs =
        [
            new InputDescriptor("title", InputTypes.String, UiHints.Text, Required: true),
            new InputDescriptor("description", InputTypes.String, UiHints.Multiline),
            new InputDescriptor("impact", InputTypes.Number, UiHints.Select, Required: true, Options: ["1", "2", "3"], Description: "1 (high) – 3 (low)."),
            new InputDescriptor("urgency", InputTypes.Number, UiHints.Select, Required: true, Options: ["1", "2", "3"], Description: "1 (high) – 3 (low)."),
            new InputDescriptor("category", InputTypes.String, UiHints.Text),
            new InputDescriptor("service", InputTypes.String, UiHints.Text, Description: "The affected service."),
            new InputDescriptor("caller", InputTypes.String, UiHints.Text, Description: "Who reported it."),
        ],
        Outputs = [IncidentOutput],
        HasSideEffects = true,
    };

    protected override bool ActsOnIncident => false;

    protected override Task<Incident> RunAsync(IncidentStep step) =>
        step.Incidents.CreateAsync(new NewIncident(
            step.RequiredText("title"),
            step.Number("impact") ?? throw new Incidents.Errors.InvalidFieldException("impact", "impact is required: 1 (high), 2 (medium) or 3 (low)."),
            step.Number("urgency") ?? throw new Incidents.Errors.InvalidFieldException("urgency", "urgency is required: 1 (high), 2 (medium) or 3 (low)."),
            step.Text("description"), null, step.Text("category"), null, step.Text("service"), step.Text("caller")), step.Actor, step.CancellationToken);
}
