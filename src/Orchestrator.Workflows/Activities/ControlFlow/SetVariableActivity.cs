using Orchestrator.Workflows.Descriptors;

namespace Orchestrator.Workflows.Activities.ControlFlow;

/// <summary>Sets a workflow variable to a value or an expression's result.</summary>
public sealed class SetVariableActivity : IActivity
{
    public const string TypeName = "SetVariable";

    public ActivityDescriptor Descriptor { get; } = new()
    {
        Type = TypeName,
        Category = "Data",
        DisplayName = "Set variable",
        Description = "Sets a declared workflow variable.",
        Inputs =
        [
            new InputDescriptor("name", InputTypes.String, UiHints.Text, Required: true),
            new InputDescriptor("value", InputTypes.Any, UiHints.Json, Required: true),
        ],
    };

    public ValueTask<ActivityResult> ExecuteAsync(ActivityContext context)
    {
        if (context.Input("name") is not string { Length: > 0 } name)
        {
            return ValueTask.FromResult(ActivityResult.Fault("name must be the name of a workflow variable."));
        }

        context.Variables[name] = context.Input("value");
        return ValueTask.FromResult(ActivityResult.Done());
    }
}
