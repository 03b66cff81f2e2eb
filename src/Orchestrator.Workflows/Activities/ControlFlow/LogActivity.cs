using Microsoft.Extensions.Logging;
using Orchestrator.Workflows.Descriptors;

namespace Orchestrator.Workflows.Activities.ControlFlow;

/// <summary>Writes a message to the server log and the journal (output <c>message</c>).</summary>
public sealed class LogActivity : IActivity
{
    public const string TypeName = "Log";

    public ActivityDescriptor Descriptor { get; } = new()
    {
        Type = TypeName,
        Category = "Data",
        DisplayName = "Log",
        Description = "Writes a message to the log and the run's journal.",
        Inputs = [new InputDescriptor("message", InputTypes.String, UiHints.Multiline, Required: true)],
        Outputs = [new OutputDescriptor("message", InputTypes.String)],
    };

    public ValueTask<ActivityResult> ExecuteAsync(ActivityContext context)
    {
        var message = context.Input("message")?.ToString() ?? string.Empty;
        context.Logger.LogInformation("Workflow {InstanceId} activity {ActivityId}: {Message}", context.InstanceId, context.Node.Id, message);
        return ValueTask.FromResult(ActivityResult.Done(new Dictionary<string, object?> { ["message"] = message }));
    }
}
