using System.Text.Json.Nodes;
using Orchestrator.Workflows.Descriptors;

namespace Orchestrator.Workflows.Activities;

/// <summary>
/// An activity type: a descriptor for the designer and validator, and the behaviour that runs a node of that type.
/// Inputs arrive evaluated in the <see cref="ActivityContext"/>; the result says which outcome ports to follow,
/// or that the run waits on a bookmark, or that the activity failed.
/// </summary>
public interface IActivity
{
    ActivityDescriptor Descriptor { get; }

    ValueTask<ActivityResult> ExecuteAsync(ActivityContext context);

    /// <summary>Continues after the bookmark the activity asked for is resumed; by default completes with the payload as output.</summary>
    ValueTask<ActivityResult> ResumeAsync(ActivityContext context, JsonNode? payload) =>
        ValueTask.FromResult(ActivityResult.Done(new Dictionary<string, object?> { ["payload"] = payload }));
}
