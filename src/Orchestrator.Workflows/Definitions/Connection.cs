namespace Orchestrator.Workflows.Definitions;

/// <summary>Flow from an outcome port of one activity to another activity.</summary>
public sealed record Connection(ConnectionEndpoint Source, ConnectionEndpoint Target);
