using Orchestrator.Workflows.Descriptors;

namespace Orchestrator.Workflows.Activities.ControlFlow;

/// <summary>Starts every branch connected to its <c>Done</c> port at once.</summary>
public sealed class ForkActivity : IActivity
{
    public const string TypeName = "Fork";

    public ActivityDescriptor Descriptor { get; } = new()
    {
        Type = TypeName,
        Category = "Control flow",
        DisplayName = "Fork",
        Description = "Runs every branch connected to Done in parallel.",
    };

    public ValueTask<ActivityResult> ExecuteAsync(ActivityContext context) => ValueTask.FromResult(ActivityResult.Done());
}
