using Orchestrator.Incidents.Errors;
using Orchestrator.Templating;

namespace Orchestrator.Incidents.Intake;

/// <summary>
/// A monitoring source allowed to post alerts: its kind, its secret key (in the intake URL or as the PagerDuty routing
/// key), and how its alerts become incidents (service, category, severity → impact/urgency, grouping window,
/// auto-resolve, what a re-fired alert does, rate limit, and for webhooks the field mapping).
/// </summary>
public sealed class Integration
{
    public const int NameMaxLength = 80;
    public const int MaxGroupingWindowSeconds = 7 * 24 * 3600;
    public const int DefaultGroupingWindowSeconds = 3600;
    private const int SeverityNameMaxLength = 30;

    private Integration()
    {
        Name = Key = string.Empty;
        SeverityMapping = DefaultSeverityMapping;
        RateLimit = IntakeRateLimit.Default;
    }

    /// <summary>critical → P1, error → P2, warning → P3, info → P5 with the default priority matrix.</summary>
    public static IReadOnlyDictionary<string, ImpactUrgency> DefaultSeverityMapping { get; } = new Dictionary<string, ImpactUrgency>
    {
        ["critical"] = new(1, 1),
        ["error"] = new(2, 1),
        ["warning"] = new(2, 2),
        ["info"] = new(3, 3),
    };

    public Guid Id { get; private set; }

    public string Name { get; private set; }

    public IntegrationKind Kind { get; private set; }

    /// <summary>The secret that authorises posts; see <see cref="IntegrationKey"/>.</summary>
    public string Key { get; private set; }

    /// <summary>The service new incidents are for, unless the alert names one.</summary>
    public string? Service { get; private set; }

    public string? Category { get; private set; }

    /// <summary>Alert severity (lowercase) → impact and urgency of the incident it opens. Unknown severities use "warning".</summary>
    public IReadOnlyDictionary<string, ImpactUrgency> SeverityMapping { get; private set; }

    /// <summary>A new alert joins an open incident of the same group opened at most this long ago; 0 turns grouping off.</summary>
    public int GroupingWindowSeconds { get; private set; }

    /// <summary>Resolve the incident when every alert on it has resolved at the source.</summary>
    public bool AutoResolve { get; private set; }

    public RefireBehaviour OnRefire { get; private set; }

    public IntakeRateLimit RateLimit { get; private set; }

    /// <summary>Webhook integrations only.</summary>
    public WebhookMapping? Mapping { get; private set; }

    /// <summary>A revoked integration's key is refused as if it never existed; its alerts are kept.</summary>
    public bool IsRevoked { get; private set; }

    public DateTimeOffset CreatedAt { get; private set; }

    public DateTimeOffset UpdatedAt { get; private set; }

    public int Version { get; private set; }

    /// <summary>How the integration appears on timelines, e.g. "integration:prometheus-prod".</summary>
    public string Actor => $"integration:{Name}";

    public static Integration Create(IntegrationSettings settings, string key, ScriptSandbox sandbox, DateTimeOffset now)
    {
        var integration = new Integration
        {
            Id = Guid.CreateVersion7(now),
            Key = IntegrationKey.IsWellFormed(key) ? key : throw new ArgumentException("Not a well-formed integration key.", nameof(key)),
            Kind = settings.Kind,
            CreatedAt = now,
            Version = 0,
        };
        integration.Apply(settings, sandbox, now);
        return integration;
    }

    /// <summary>Replaces the settings (the kind and key stay).</summary>
    public void Update(IntegrationSettings settings, ScriptSandbox sandbox, DateTimeOffset now)
    {
        if (settings.Kind != Kind)
        {
            throw new InvalidFieldException("kind", $"An integration's kind cannot change (it is {Kind}); create a new integration instead.");
        }

        EnsureActive();
        Apply(settings, sandbox, now);
    }

    public void Revoke(DateTimeOffset now)
    {
        if (!IsRevoked)
        {
            IsRevoked = true;
            UpdatedAt = now;
            Version++;
        }
    }

    /// <summary>The impact and urgency for an alert severity; unknown severities are treated as "warning".</summary>
    public ImpactUrgency ImpactUrgencyFor(string severity) =>
        SeverityMapping.TryGetValue(severity, out var mapped) ? mapped
        : SeverityMapping.TryGetValue("warning", out var warning) ? warning
        : DefaultSeverityMapping["warning"];

    private void Apply(IntegrationSettings settings, ScriptSandbox sandbox, DateTimeOffset now)
    {
        var name = FieldRules.Required(settings.Name, "name", NameMaxLength);
        var service = FieldRules.Optional(settings.Service, "service");
        var category = FieldRules.Optional(settings.Category, "category");
        var window = settings.GroupingWindowSeconds ?? DefaultGroupingWindowSeconds;
        if (window is < 0 or > MaxGroupingWindowSeconds)
        {
            throw new InvalidFieldException("groupingWindowSeconds", $"groupingWindowSeconds must be between 0 (no grouping) and {MaxGroupingWindowSeconds} (7 days); got {window}.");
        }

        var rateLimit = settings.RateLimit ?? IntakeRateLimit.Default;
        if (rateLimit.RequestsPerSecond is < 1 or > 100_000)
        {
            throw new InvalidFieldException("rateLimit.requestsPerSecond", $"rateLimit.requestsPerSecond must be between 1 and 100000; got {rateLimit.RequestsPerSecond}.");
        }

        if (rateLimit.Burst < 1 || rateLimit.Burst > 1_000_000)
        {
            throw new InvalidFieldException("rateLimit.burst", $"rateLimit.burst must be between 1 and 1000000; got {rateLimit.Burst}.");
        }

        var severityMapping = CheckSeverityMapping(settings.SeverityMapping);
        var mapping = CheckMapping(settings.Mapping, sandbox);

        // Everything is valid: only now does anything change.
        Name = name;
        Service = service;
        Category = category;
        SeverityMapping = severityMapping;
        GroupingWindowSeconds = window;
        AutoResolve = settings.AutoResolve ?? true;
        OnRefire = settings.OnRefire ?? RefireBehaviour.Reopen;
        RateLimit = rateLimit;
        Mapping = mapping;
        UpdatedAt = now;
        Version++;
    }

    private static Dictionary<string, ImpactUrgency> CheckSeverityMapping(IReadOnlyDictionary<string, ImpactUrgency>? mapping)
    {
        var result = new Dictionary<string, ImpactUrgency>(DefaultSeverityMapping, StringComparer.Ordinal);
        foreach (var (severity, levels) in mapping ?? new Dictionary<string, ImpactUrgency>())
        {
            var key = severity.Trim().ToLowerInvariant();
            if (key.Length is 0 or > SeverityNameMaxLength)
            {
                throw new InvalidFieldException("severityMapping", $"Severity names in severityMapping are 1 to {SeverityNameMaxLength} characters; got '{severity}'.");
            }

            if (levels is null)
            {
                throw new InvalidFieldException($"severityMapping.{severity}", $"severityMapping.{severity} needs impact and urgency.");
            }

            result[key] = new ImpactUrgency(
                FieldRules.Level(levels.Impact, $"severityMapping.{severity}.impact"),
                FieldRules.Level(levels.Urgency, $"severityMapping.{severity}.urgency"));
        }

        return result;
    }

    private WebhookMapping? CheckMapping(WebhookMapping? mapping, ScriptSandbox sandbox)
    {
        if (Kind != IntegrationKind.Webhook)
        {
            return mapping is null ? null : throw new InvalidFieldException("mapping", $"Only Webhook integrations take a mapping; {Kind} payloads have a fixed format.");
        }

        if (mapping is null || string.IsNullOrWhiteSpace(mapping.Title))
        {
            throw new InvalidFieldException("mapping.title", "A Webhook integration needs mapping.title: a Scriban expression over payload, e.g. \"payload.title\".");
        }

        foreach (var (field, expression) in mapping.Expressions())
        {
            if (sandbox.ValidateExpression(expression) is [var first, ..])
            {
                throw new InvalidFieldException($"mapping.{field}", $"mapping.{field} is not a valid expression: {first}");
            }
        }

        return mapping;
    }

    private void EnsureActive()
    {
        if (IsRevoked)
        {
            throw new IllegalTransitionException("Revoked", "update", [], $"Integration '{Name}' is revoked; create a new one.");
        }
    }
}
