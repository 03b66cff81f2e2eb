using Orchestrator.Workflows.Descriptors;

namespace Orchestrator.Workflows.Activities.ControlFlow;

/// <summary>Follows <c>True</c> or <c>False</c> depending on a condition.</summary>
public sealed class DecisionActivity : IActivity
{
    public const string TypeName = "Decision";

    public ActivityDescriptor Descriptor { get; } = new()
    {
        Type = TypeName,
        Category = "Control flow",
        DisplayName = "Decision",
        Description = "Follows True when the condition holds, False otherwise.",
        Inputs = [new InputDescriptor("condition", InputTypes.Boolean, UiHints.Expression, Required: true, Description: "A Scriban expression, e.g. input.priority <= 2.")],
        Outcomes = [Ports.True, Ports.False],
    };

    public ValueTask<ActivityResult> ExecuteAsync(ActivityContext context) =>
        ValueTask.FromResult(context.Input("condition") switch
        {
            bool condition => ActivityResult.Outcome(condition ? Ports.True : Ports.False),
            var other => ActivityResult.Fault($"condition must be true or false; it was {Describe(other)}."),
        });

    internal static string Describe(object? value) => value switch
    {
        null => "null",
        string s => $"the string \"{s}\"",
        _ => $"{value} ({value.GetType().Name})",
    };
}
