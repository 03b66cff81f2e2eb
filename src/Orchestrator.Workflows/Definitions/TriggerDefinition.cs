namespace Orchestrator.Workflows.Definitions;

/// <summary>
/// Starts a run of the published version: when the named <paramref name="Event"/> arrives and the optional
/// <paramref name="Filter"/> expression is true, or on the schedule of a Quartz <paramref name="Cron"/> expression
/// (seconds first, e.g. <c>0 0/15 * * * ?</c> every 15 minutes).
/// </summary>
public sealed record TriggerDefinition(string? Event = null, string? Filter = null, string? Cron = null);
