using Microsoft.Extensions.Logging;
using Orchestrator.Workflows.Activities;
using Orchestrator.Workflows.Descriptors;

namespace Orchestrator.Server.Tests.Runtime;

/// <summary>A test action with side effects that fails the way real actions do, chosen by its <c>mode</c> input:
/// <c>throw</c> (an exception), <c>fail</c> (a failure with outputs), <c>permanent</c> (a failure retrying cannot help)
/// or <c>hang</c> (never answers, so the node's time-out ends it).</summary>
public sealed class FlakyAction : IActivity
{
    public const string TypeName = "test.Flaky";

    public ActivityDescriptor Descriptor { get; } = new()
    {
        Type = TypeName,
        Category = "Test",
        DisplayName = "Flaky",
        Description = "Fails, off the instance's turn.",
        Inputs = [new InputDescriptor("mode", InputTypes.String, UiHints.Text, Required: true)],
        Outputs = [new OutputDescriptor("status", InputTypes.Number)],
        Outcomes = [Ports.Done, Ports.Failed],
        HasSideEffects = true,
    };

    public async ValueTask<ActivityResult> ExecuteAsync(ActivityContext context)
    {
        context.Logger.LogInformation("Flaky runs in mode {Mode}", context.Input("mode"));
        switch (context.Input("mode") as string)
        {
            case "throw":
                throw new InvalidOperationException("boom");
            case "fail":
                return ActivityResult.Fault("service unavailable", new Dictionary<string, object?> { ["status"] = 503L });
            case "permanent":
                return ActivityResult.Fault("no such service", new Dictionary<string, object?> { ["status"] = 404L }, permanent: true);
            case "hang":
                await Task.Delay(Timeout.Infinite, context.CancellationToken);
                return ActivityResult.Done();
            default:
                return ActivityResult.Done(new Dictionary<string, object?> { ["status"] = 200L });
        }
    }
}
