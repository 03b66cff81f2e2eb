namespace Orchestrator.Workflows.Definitions;

/// <summary>Starts a run of the published version when the named event arrives and the optional filter expression is true.</summary>
public sealed record TriggerDefinition(string Event, string? Filter = null);
