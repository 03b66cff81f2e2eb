using Orchestrator.Workflows.Descriptors;

namespace Orchestrator.Workflows.Activities.ControlFlow;

/// <summary>Waits for a named event carrying the run's correlation id; its payload becomes the output <c>payload</c>.</summary>
public sealed class WaitForEventActivity : IActivity
{
    public const string TypeName = "WaitForEvent";

    public ActivityDescriptor Descriptor { get; } = new()
    {
        Type = TypeName,
        Category = "Events",
        DisplayName = "Wait for event",
        Description = "Waits until POST /api/events/{eventName} arrives with this run's correlation id.",
        Inputs = [new InputDescriptor("eventName", InputTypes.String, UiHints.Text, Required: true)],
        Outputs = [new OutputDescriptor("payload", InputTypes.Any, "The event's payload.")],
        CanSuspend = true,
    };

    public ValueTask<ActivityResult> ExecuteAsync(ActivityContext context) =>
        ValueTask.FromResult(context.Input("eventName") is string { Length: > 0 } name
            ? ActivityResult.Suspend(new BookmarkRequest(BookmarkKind.Event, name))
            : ActivityResult.Fault("eventName must be a non-empty string."));
}
