namespace Orchestrator.Incidents.Timeline;

/// <summary>
/// How a workflow run appears as the actor of the changes it makes: <c>workflow:&lt;definitionId&gt;/&lt;instanceId&gt;</c>.
/// One format, so the timeline links back to the run and analytics can tell automation from people.
/// </summary>
public static class WorkflowActor
{
    public const string Prefix = "workflow:";

    public static string Of(string definitionId, string instanceId) => $"{Prefix}{definitionId}/{instanceId}";

    public static bool IsWorkflow(string actor) => actor.StartsWith(Prefix, StringComparison.Ordinal);

    /// <summary>The run's instance id in a workflow actor, else null.</summary>
    public static string? InstanceIdOf(string actor) =>
        IsWorkflow(actor) && actor.LastIndexOf('/') is var slash and > 0 ? actor[(slash + 1)..] : null;
}
