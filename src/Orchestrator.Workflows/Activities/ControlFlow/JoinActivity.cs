using System.Text.Json.Nodes;
using Orchestrator.Workflows.Descriptors;

namespace Orchestrator.Workflows.Activities.ControlFlow;

/// <summary>
/// Joins branches. WaitAll continues once every inbound branch has arrived or is known not to come; WaitAny continues
/// with the first arrival and cancels the other branches. The runtime does the waiting; the join itself just completes.
/// </summary>
public sealed class JoinActivity : IActivity
{
    public const string TypeName = "Join";
    public const string WaitAll = "WaitAll";
    public const string WaitAny = "WaitAny";

    public ActivityDescriptor Descriptor { get; } = new()
    {
        Type = TypeName,
        Category = "Control flow",
        DisplayName = "Join",
        Description = "WaitAll: continue when every inbound branch has arrived (or cannot). WaitAny: continue with the first and cancel the rest.",
        Inputs = [new InputDescriptor("mode", InputTypes.String, UiHints.Select, Default: JsonValue.Create(WaitAll), Options: [WaitAll, WaitAny])],
    };

    public ValueTask<ActivityResult> ExecuteAsync(ActivityContext context) => ValueTask.FromResult(ActivityResult.Done());
}
