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
        Inputs = [new InputDescriptor("seconds", InputTypes.Number, UiHints.Number, Required: true, GreaterThan: 0)],
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
        // The invoker refuses a value out of the input's bound before this runs; the same rule holds when called directly.
        if (Descriptor.Inputs[0].BoundViolation(context.Input("seconds")) is { } violation)
        {
            return ValueTask.FromResult(ActivityResult.Fault(violation));
        }

        return ValueTask.FromResult(double.IsFinite(seconds)
            ? ActivityResult.Suspend(new BookmarkRequest(BookmarkKind.Timer, TypeName, context.Now.AddSeconds(seconds)))
            : ActivityResult.Fault($"seconds must be a number more than 0; got {DecisionActivity.Describe(context.Input("seconds"))}."));
    }

    public ValueTask<ActivityResult> ResumeAsync(ActivityContext context, System.Text.Json.Nodes.JsonNode? payload) =>
        ValueTask.FromResult(ActivityResult.Done());
}
