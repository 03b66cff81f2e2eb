using Orchestrator.Workflows.Descriptors;

namespace Orchestrator.Workflows.Activities.ControlFlow;

/// <summary>Follows the first case whose condition holds, or <c>Default</c>. Each case name is a port.</summary>
public sealed class SwitchActivity : IActivity
{
    public const string TypeName = "Switch";

    public ActivityDescriptor Descriptor { get; } = new()
    {
        Type = TypeName,
        Category = "Control flow",
        DisplayName = "Switch",
        Description = "Follows the first case whose condition holds; Default when none does.",
        Inputs = [new InputDescriptor("cases", InputTypes.Array, UiHints.Json, Required: true,
            Description: "[{ \"name\": \"Critical\", \"condition\": \"input.priority == 1\" }, …]; each name becomes a port.")],
        Outcomes = [Ports.Default],
        OutcomesFromInput = "cases",
    };

    public ValueTask<ActivityResult> ExecuteAsync(ActivityContext context)
    {
        foreach (var (name, condition) in SwitchCases.Read(context.Input("cases")))
        {
            switch (context.Evaluate(condition))
            {
                case true:
                    return ValueTask.FromResult(ActivityResult.Outcome(name));
                case false:
                    continue;
                case var other:
                    return ValueTask.FromResult(ActivityResult.Fault($"The condition of case '{name}' must be true or false; it was {DecisionActivity.Describe(other)}."));
            }
        }

        return ValueTask.FromResult(ActivityResult.Outcome(Ports.Default));
    }
}
