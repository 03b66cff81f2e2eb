using Microsoft.Extensions.DependencyInjection;
using Orchestrator.Incidents;
using Orchestrator.Incidents.Timeline;
using Orchestrator.Workflows.Descriptors;

namespace Orchestrator.Infrastructure.IncidentActivities;

/// <summary>Writes a work note (for responders) or a comment (visible to the caller) on the incident's timeline.</summary>
internal sealed class AddTimelineEntryActivity(IServiceScopeFactory scopes) : IncidentActivity(scopes)
{
    public const string TypeName = "AddTimelineEntry";

    public override ActivityDescriptor Descriptor { get; } = new()
    {
        Type = TypeName,
        Category = CategoryName,
        DisplayName = "Add timeline entry",
        Description = "Writes a work note (for responders) or a comment (for the caller) on the incident's timeline.",
        Inputs =
        [
            new InputDescriptor("kind", InputTypes.String, UiHints.Select, Default: nameof(NoteKind.WorkNote), Options: Enum.GetNames<NoteKind>()),
            new InputDescriptor("text", InputTypes.String, UiHints.Multiline, Required: true),
            IncidentIdInput,
        ],
        Outputs = [IncidentOutput],
        HasSideEffects = true,
    };

    protected override Task<Incident> RunAsync(IncidentStep step) =>
        step.Incidents.AddNoteAsync(step.IncidentId, null, step.Choice<NoteKind>("kind") ?? NoteKind.WorkNote, step.RequiredText("text"),
            step.Actor, step.CancellationToken);
}
