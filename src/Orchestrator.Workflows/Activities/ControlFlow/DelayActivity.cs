using Orchestrator.Workflows.Descriptors;

namespace Orchestrator.Workflows.Activities.ControlFlow;

/// <summary>Waits for a number of seconds. The timer lives in the scheduler's persistent store, not in memory.</summary>
public sealed class DelayActivity : IActivity
{
    public const string TypeName = "Delay";

    public ActivityDescriptor Descriptor { get; } = new()
    {
        Type = TypeName,
        Category = "Timing",
        DisplayName = "Delay",
        Description = "Waits for the given number of seconds, surviving restarts.",
        Inputs = [new InputDescriptor("seconds", InputTypes.Number, UiHints.Number, Required: true)],
        CanSuspend = true,
    };

    public ValueTask<ActivityResult> ExecuteAsync(ActivityContext context)
    {
        var seconds = context.Input("seconds") switch
        {
            long l => l,
            int i => i,
            double d => d,
            decimal m => (double)m,
            _ => double.NaN,
        };
        return ValueTask.FromResult(double.IsFinite(seconds) && seconds >= 0
            ? ActivityResult.Suspend(new BookmarkRequest(BookmarkKind.Timer, TypeName, context.Now.AddSeconds(seconds)))
            : ActivityResult.Fault($"seconds must be a number of seconds, 0 or more; it was {DecisionActivity.Describe(context.Input("seconds"))}."));
    }

    public ValueTask<ActivityResult> ResumeAsync(ActivityContext context, System.Text.Json.Nodes.JsonNode? payload) =>
        ValueTask.FromResult(ActivityResult.Done());
}
