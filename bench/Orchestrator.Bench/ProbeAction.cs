using System.Collections.Concurrent;
using Stopwatch = System.Diagnostics.Stopwatch;
using Orchestrator.Workflows.Activities;
using Orchestrator.Workflows.Descriptors;

namespace Orchestrator.Bench;

/// <summary>An action with side effects, run off the turn like a plugin action, that notes when it was invoked for
/// the key it is given.</summary>
internal sealed class ProbeAction : IActivity
{
    public const string TypeName = "bench.Probe";

    public static ConcurrentDictionary<string, TaskCompletionSource<long>> Invoked { get; } = new();

    public ActivityDescriptor Descriptor { get; } = new()
    {
        Type = TypeName,
        Category = "Bench",
        DisplayName = "Probe",
        Description = "Records the time it is invoked.",
        Inputs = [new InputDescriptor("key", InputTypes.String, UiHints.Text, Required: true)],
        HasSideEffects = true,
    };

    public ValueTask<ActivityResult> ExecuteAsync(ActivityContext context)
    {
        var now = Stopwatch.GetTimestamp();
        Invoked.GetOrAdd(Convert.ToString(context.Input("key"), System.Globalization.CultureInfo.InvariantCulture)!,
            _ => new TaskCompletionSource<long>(TaskCreationOptions.RunContinuationsAsynchronously)).TrySetResult(now);
        return ValueTask.FromResult(ActivityResult.Done());
    }
}
