namespace Orchestrator.Workflows.Definitions;

/// <summary>One end of a connection: the activity id and, on the source side, the outcome port (default <c>Done</c>).</summary>
public sealed record ConnectionEndpoint(string Activity, string? Port = null);
