using Orchestrator.Workflows.Activities;
using Orchestrator.Workflows.Descriptors;

namespace Orchestrator.Server.Tests.Runtime;

/// <summary>A test action with side effects: waits for <c>seconds</c> (like a slow service restart) and reports when it ran.</summary>
public sealed class SleepAction : IActivity
{
    public const string TypeName = "test.Sleep";

    public ActivityDescriptor Descriptor { get; } = new()
    {
        Type = TypeName,
        Category = "Test",
        DisplayName = "Sleep",
        Description = "Waits, off the instance's turn.",
        Inputs = [new InputDescriptor("seconds", InputTypes.Number, UiHints.Number, Required: true)],
        Outputs = [new OutputDescriptor("idempotencyKey", InputTypes.String)],
        HasSideEffects = true,
    };

    public async ValueTask<ActivityResult> ExecuteAsync(ActivityContext context)
    {
        var seconds = Convert.ToDouble(context.Input("seconds"), System.Globalization.CultureInfo.InvariantCulture);
        await Task.Delay(TimeSpan.FromSeconds(seconds), context.CancellationToken);
        return ActivityResult.Done(new Dictionary<string, object?> { ["idempotencyKey"] = context.IdempotencyKey });
    }
}
