using System.Security.Cryptography;
using System.Text;
using System.Text.Json.Nodes;

namespace Orchestrator.Incidents.Intake;

/// <summary>
/// A stored alert: one firing of one fingerprint from one integration, linked to the incident it opened or joined.
/// While it is Firing or Acknowledged, posts with the same fingerprint update it (count, last seen) instead of opening
/// anything new; once Resolved, the next firing is a new alert.
/// </summary>
public sealed class Alert
{
    public const int FingerprintMaxLength = 255;
    public const int SummaryMaxLength = 1024;
    public const int GroupKeyMaxLength = 200;
    public const int SeverityMaxLength = 30;
    public const int SourceMaxLength = 255;
    public const int ServiceMaxLength = 100;

    private Alert()
    {
        Fingerprint = Summary = Severity = string.Empty;
        Details = "{}";
    }

    public Guid Id { get; private set; }

    public Guid IntegrationId { get; private set; }

    public string Fingerprint { get; private set; }

    /// <summary>The source's group key, or its SHA-256 when longer than <see cref="GroupKeyMaxLength"/>.</summary>
    public string? GroupKey { get; private set; }

    public Guid IncidentId { get; private set; }

    public AlertStatus Status { get; private set; }

    public string Summary { get; private set; }

    public string Severity { get; private set; }

    public string? Source { get; private set; }

    public string? Service { get; private set; }

    /// <summary>The source's own fields as JSON text.</summary>
    public string Details { get; private set; }

    public DateTimeOffset? StartsAt { get; private set; }

    public DateTimeOffset? EndsAt { get; private set; }

    public DateTimeOffset FirstSeenAt { get; private set; }

    public DateTimeOffset LastSeenAt { get; private set; }

    public DateTimeOffset? AcknowledgedAt { get; private set; }

    public DateTimeOffset? ResolvedAt { get; private set; }

    /// <summary>How many times the source reported this firing (replays of the same notification excepted).</summary>
    public int Count { get; private set; }

    public bool IsOpen => Status != AlertStatus.Resolved;

    internal static Alert Open(Guid integrationId, AlertSignal signal, Guid incidentId, DateTimeOffset now) =>
        new()
        {
            Id = Guid.CreateVersion7(now),
            IntegrationId = integrationId,
            Fingerprint = signal.Fingerprint,
            GroupKey = CompactGroupKey(signal.GroupKey),
            IncidentId = incidentId,
            Status = AlertStatus.Firing,
            Summary = Cut(signal.Summary, SummaryMaxLength),
            Severity = Cut(signal.Severity, SeverityMaxLength),
            Source = CutOptional(signal.Source, SourceMaxLength),
            Service = CutOptional(signal.Service, ServiceMaxLength),
            Details = (signal.Details ?? []).ToJsonString(),
            StartsAt = signal.StartsAt,
            EndsAt = signal.EndsAt,
            FirstSeenAt = now,
            LastSeenAt = now,
            Count = 1,
        };

    /// <summary>True when the signal is a re-send of the notification this alert came from (Alertmanager re-sends
    /// firing groups every group_interval with the same startsAt): it changes nothing.</summary>
    internal bool IsReplayOf(AlertSignal signal) =>
        signal.Action == AlertAction.Trigger && signal.StartsAt is { } startsAt && StartsAt is { } stored
        && (stored - startsAt).Duration() < ReplayTolerance;

    /// <summary>Alertmanager writes nanoseconds; databases keep 0.1 ms (SQLite) or 1 µs (PostgreSQL).</summary>
    private static readonly TimeSpan ReplayTolerance = TimeSpan.FromMilliseconds(1);

    internal void Repeat(AlertSignal signal, DateTimeOffset now)
    {
        Count++;
        LastSeenAt = now;
        Summary = Cut(signal.Summary, SummaryMaxLength);
        Severity = Cut(signal.Severity, SeverityMaxLength);
        StartsAt = signal.StartsAt ?? StartsAt;
        Details = (signal.Details ?? []).ToJsonString();
    }

    internal void Acknowledge(DateTimeOffset now)
    {
        Status = AlertStatus.Acknowledged;
        AcknowledgedAt = now;
        LastSeenAt = now;
    }

    internal void Resolve(AlertSignal signal, DateTimeOffset now)
    {
        Status = AlertStatus.Resolved;
        ResolvedAt = now;
        EndsAt = signal.EndsAt ?? now;
        LastSeenAt = now;
    }

    /// <summary>Long group keys (Alertmanager's can be hundreds of characters) are compared by their SHA-256.</summary>
    public static string? CompactGroupKey(string? groupKey) => groupKey is null ? null : CompactKey(groupKey, GroupKeyMaxLength);

    /// <summary>A key that fits <paramref name="maxLength"/>: itself, or "sha256:" and its hash when longer, so long keys
    /// still compare equal exactly when they are equal.</summary>
    public static string CompactKey(string key, int maxLength) =>
        key.Length <= maxLength ? key : "sha256:" + Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(key)));

    private static string? CutOptional(string? text, int maxLength) => text is null ? null : Cut(text, maxLength);

    internal static string Cut(string text, int maxLength) => text.Length <= maxLength ? text : text[..(maxLength - 1)] + "…";

    /// <summary>The alert as workflows and the API see it.</summary>
    public JsonObject ToJson() => new()
    {
        ["id"] = Id.ToString(),
        ["integrationId"] = IntegrationId.ToString(),
        ["fingerprint"] = Fingerprint,
        ["groupKey"] = GroupKey,
        ["incidentId"] = IncidentId.ToString(),
        ["status"] = Status.ToString(),
        ["summary"] = Summary,
        ["severity"] = Severity,
        ["source"] = Source,
        ["service"] = Service,
        ["count"] = Count,
        ["details"] = JsonNode.Parse(Details),
    };
}
