using Orchestrator.Workflows.Activities;
using Orchestrator.Workflows.Descriptors;

namespace Orchestrator.Server.Tests.Runtime;

/// <summary>A test action with side effects that does not finish until the test opens its gate (like a slow service
/// restart), so a test can look at the run while the action is still running — no clocks involved.</summary>
public sealed class GatedAction : IActivity
{
    public const string TypeName = "test.Gated";

    private readonly TaskCompletionSource _gate = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private readonly TaskCompletionSource _entered = new(TaskCreationOptions.RunContinuationsAsynchronously);

    public ActivityDescriptor Descriptor { get; } = new()
    {
        Type = TypeName,
        Category = "Test",
        DisplayName = "Gated",
        Description = "Runs until the test opens its gate, off the instance's turn.",
        Outputs = [new OutputDescriptor("idempotencyKey", InputTypes.String)],
        HasSideEffects = true,
    };

    /// <summary>Completes once the action is running.</summary>
    public Task Entered => _entered.Task;

    public void Open() => _gate.TrySetResult();

    public async ValueTask<ActivityResult> ExecuteAsync(ActivityContext context)
    {
        _entered.TrySetResult();
        await _gate.Task.WaitAsync(context.CancellationToken);
        return ActivityResult.Done(new Dictionary<string, object?> { ["idempotencyKey"] = context.IdempotencyKey });
    }
}
