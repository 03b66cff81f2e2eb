using Orchestrator.Workflows.Descriptors;

namespace Orchestrator.Workflows.Activities.ControlFlow;

/// <summary>Faults the run on purpose with a message (an operator can retry it from here).</summary>
public sealed class FailActivity : IActivity
{
    public const string TypeName = "Fail";

    public ActivityDescriptor Descriptor { get; } = new()
    {
        Type = TypeName,
        Category = "Control flow",
        DisplayName = "Fail",
        Description = "Faults the run with the message.",
        Inputs = [new InputDescriptor("message", InputTypes.String, UiHints.Multiline, Required: true)],
        Outcomes = [],
    };

    public ValueTask<ActivityResult> ExecuteAsync(ActivityContext context) =>
        ValueTask.FromResult(ActivityResult.Fault(context.Input("message")?.ToString() is { Length: > 0 } message ? message : "Failed."));
}
