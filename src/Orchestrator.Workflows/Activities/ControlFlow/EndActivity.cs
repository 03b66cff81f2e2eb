using Orchestrator.Workflows.Descriptors;

namespace Orchestrator.Workflows.Activities.ControlFlow;

/// <summary>Ends a branch. The run finishes when no branch has work left or waits on anything.</summary>
public sealed class EndActivity : IActivity
{
    public const string TypeName = "End";

    public ActivityDescriptor Descriptor { get; } = new()
    {
        Type = TypeName,
        Category = "Control flow",
        DisplayName = "End",
        Description = "Ends this branch; the run finishes when no branch has work left.",
        Outcomes = [],
    };

    public ValueTask<ActivityResult> ExecuteAsync(ActivityContext context) => ValueTask.FromResult(ActivityResult.Outcome(Ports.Done));
}
