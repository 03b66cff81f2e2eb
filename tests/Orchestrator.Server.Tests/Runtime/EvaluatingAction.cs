using Orchestrator.Workflows.Activities;
using Orchestrator.Workflows.Descriptors;

namespace Orchestrator.Server.Tests.Runtime;

/// <summary>A test action with side effects whose output <c>value</c> is its <c>expression</c> input (a string)
/// evaluated through <see cref="ActivityContext.Evaluate"/>, as a Switch-like plugin would: it shows what an action's
/// expressions see off the instance's turn.</summary>
public sealed class EvaluatingAction : IActivity
{
    public const string TypeName = "test.Evaluate";

    public ActivityDescriptor Descriptor { get; } = new()
    {
        Type = TypeName,
        Category = "Test",
        DisplayName = "Evaluate",
        Description = "Evaluates an expression, off the instance's turn.",
        Inputs = [new InputDescriptor("expression", InputTypes.String, UiHints.Text, Required: true)],
        Outputs = [new OutputDescriptor("value", InputTypes.Any)],
        Outcomes = [Ports.Done, Ports.Failed],
        HasSideEffects = true,
    };

    public ValueTask<ActivityResult> ExecuteAsync(ActivityContext context) =>
        ValueTask.FromResult(ActivityResult.Done(new Dictionary<string, object?>
        {
            ["value"] = context.Evaluate((string)context.Input("expression")!),
        }));
}
