using System.Text.Json.Nodes;

namespace Orchestrator.Incidents.Intake;

/// <summary>
/// One alert as a source reported it, normalised: the same shape whether it came from Alertmanager, PagerDuty or a
/// mapped webhook.
/// </summary>
/// <param name="Action">Firing, acknowledged or resolved.</param>
/// <param name="Fingerprint">The de-duplication key: Alertmanager's fingerprint, PagerDuty's dedup_key, or the mapping's.</param>
/// <param name="GroupKey">Alerts with the same group key within the grouping window share one incident.</param>
/// <param name="Summary">One line saying what is wrong; becomes the incident title.</param>
/// <param name="Severity">Lowercase: critical, error, warning, info, or whatever the source uses.</param>
/// <param name="Description">Longer text for the incident description.</param>
/// <param name="Source">The host, job or system that raised the alert.</param>
/// <param name="Service">The affected service; the integration's service when absent.</param>
/// <param name="StartsAt">When the source says this firing began (Alertmanager's startsAt); re-sends carry the same
/// value, which is how a replay is told apart from a new firing.</param>
/// <param name="EndsAt">When the source says it stopped.</param>
/// <param name="Details">The source's own fields (labels, annotations, custom details, links), kept with the alert.</param>
public sealed record AlertSignal(
    AlertAction Action,
    string Fingerprint,
    string Summary,
    string Severity,
    string? GroupKey = null,
    string? Description = null,
    string? Source = null,
    string? Service = null,
    DateTimeOffset? StartsAt = null,
    DateTimeOffset? EndsAt = null,
    JsonObject? Details = null);
