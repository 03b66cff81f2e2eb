using Orchestrator.Workflows.Descriptors;

namespace Orchestrator.Workflows.Activities.ControlFlow;

/// <summary>Where a run begins. A flowchart has exactly one.</summary>
public sealed class StartActivity : IActivity
{
    public const string TypeName = "Start";

    public ActivityDescriptor Descriptor { get; } = new()
    {
        Type = TypeName,
        Category = "Control flow",
        DisplayName = "Start",
        Description = "Where the run begins.",
    };

    public ValueTask<ActivityResult> ExecuteAsync(ActivityContext context) => ValueTask.FromResult(ActivityResult.Done());
}
