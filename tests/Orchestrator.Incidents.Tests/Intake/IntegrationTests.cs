using Orchestrator.Incidents.Errors;
using Orchestrator.Incidents.Intake;
using Orchestrator.Templating;

namespace Orchestrator.Incidents.Tests.Intake;

public class IntegrationTests
{
    private static readonly ScriptSandbox Sandbox = new();
    private static readonly DateTimeOffset Now = IncidentFactory.Now;
    private static readonly string Key = IntegrationKey.Generate();

    [Fact]
    public void A_new_integration_takes_the_defaults()
    {
        var integration = Integration.Create(new IntegrationSettings("  prometheus-prod  ", IntegrationKind.Alertmanager, Service: " payments "), Key, Sandbox, Now);

        integration.Id.Should().NotBeEmpty();
        integration.Name.Should().Be("prometheus-prod");
        integration.Kind.Should().Be(IntegrationKind.Alertmanager);
        integration.Key.Should().Be(Key);
        integration.Service.Should().Be("payments");
        integration.Category.Should().BeNull();
        integration.GroupingWindowSeconds.Should().Be(Integration.DefaultGroupingWindowSeconds);
        integration.AutoResolve.Should().BeTrue();
        integration.OnRefire.Should().Be(RefireBehaviour.Reopen);
        integration.RateLimit.Should().Be(IntakeRateLimit.Default);
        integration.SeverityMapping.Should().BeEquivalentTo(Integration.DefaultSeverityMapping);
        integration.Mapping.Should().BeNull();
        integration.IsRevoked.Should().BeFalse();
        integration.CreatedAt.Should().Be(Now);
        integration.UpdatedAt.Should().Be(Now);
        integration.Version.Should().Be(1);
        integration.Actor.Should().Be("integration:prometheus-prod");
    }

    [Fact]
    public void Given_settings_are_kept()
    {
        var settings = new IntegrationSettings("hook", IntegrationKind.Webhook, "shop", "Software",
            GroupingWindowSeconds: 0, AutoResolve: false, OnRefire: RefireBehaviour.NewIncident, RateLimit: new IntakeRateLimit(5, 50),
            Mapping: new WebhookMapping("payload.title", Severity: "payload.level"));

        var integration = Integration.Create(settings, Key, Sandbox, Now);

        integration.Category.Should().Be("Software");
        integration.GroupingWindowSeconds.Should().Be(0);
        integration.AutoResolve.Should().BeFalse();
        integration.OnRefire.Should().Be(RefireBehaviour.NewIncident);
        integration.RateLimit.Should().Be(new IntakeRateLimit(5, 50));
        integration.Mapping.Should().Be(new WebhookMapping("payload.title", Severity: "payload.level"));
    }

    [Theory]
    [InlineData("critical", 1, 1)]
    [InlineData("error", 2, 1)]
    [InlineData("warning", 2, 2)]
    [InlineData("info", 3, 3)]
    [InlineData("something-else", 2, 2)]
    public void Severities_map_to_impact_and_urgency_with_unknown_ones_as_warning(string severity, int impact, int urgency)
    {
        var integration = Integration.Create(new IntegrationSettings("pd", IntegrationKind.PagerDuty), Key, Sandbox, Now);

        integration.ImpactUrgencyFor(severity).Should().Be(new ImpactUrgency(impact, urgency));
    }

    [Fact]
    public void A_severity_mapping_adds_to_and_overrides_the_defaults_with_lowercased_names()
    {
        var mapping = new Dictionary<string, ImpactUrgency> { [" Page "] = new(1, 2), ["warning"] = new(3, 2) };

        var integration = Integration.Create(new IntegrationSettings("pd", IntegrationKind.PagerDuty, SeverityMapping: mapping), Key, Sandbox, Now);

        integration.SeverityMapping.Keys.Should().BeEquivalentTo("critical", "error", "warning", "info", "page");
        integration.ImpactUrgencyFor("page").Should().Be(new ImpactUrgency(1, 2));
        integration.ImpactUrgencyFor("warning").Should().Be(new ImpactUrgency(3, 2));
        integration.ImpactUrgencyFor("unknown").Should().Be(new ImpactUrgency(3, 2), "unknown severities follow the configured warning");
        integration.ImpactUrgencyFor("critical").Should().Be(new ImpactUrgency(1, 1));
    }

    [Theory]
    [InlineData(0)]
    [InlineData(Integration.MaxGroupingWindowSeconds)]
    public void The_grouping_window_may_be_0_to_7_days(int seconds)
    {
        Integration.Create(new IntegrationSettings("am", IntegrationKind.Alertmanager, GroupingWindowSeconds: seconds), Key, Sandbox, Now)
            .GroupingWindowSeconds.Should().Be(seconds);
    }

    [Theory]
    [InlineData(1, 1)]
    [InlineData(100_000, 1_000_000)]
    public void Rate_limits_at_the_bounds_are_accepted(int requestsPerSecond, int burst)
    {
        Integration.Create(new IntegrationSettings("am", IntegrationKind.Alertmanager, RateLimit: new IntakeRateLimit(requestsPerSecond, burst)), Key, Sandbox, Now)
            .RateLimit.Should().Be(new IntakeRateLimit(requestsPerSecond, burst));
    }

    public static TheoryData<string, IntegrationSettings> InvalidSettings => new()
    {
        { "name", new IntegrationSettings(null, IntegrationKind.PagerDuty) },
        { "name", new IntegrationSettings("   ", IntegrationKind.PagerDuty) },
        { "name", new IntegrationSettings(new string('n', Integration.NameMaxLength + 1), IntegrationKind.PagerDuty) },
        { "service", new IntegrationSettings("pd", IntegrationKind.PagerDuty, Service: new string('s', 101)) },
        { "category", new IntegrationSettings("pd", IntegrationKind.PagerDuty, Category: new string('c', 101)) },
        { "groupingWindowSeconds", new IntegrationSettings("pd", IntegrationKind.PagerDuty, GroupingWindowSeconds: -1) },
        { "groupingWindowSeconds", new IntegrationSettings("pd", IntegrationKind.PagerDuty, GroupingWindowSeconds: Integration.MaxGroupingWindowSeconds + 1) },
        { "rateLimit.requestsPerSecond", new IntegrationSettings("pd", IntegrationKind.PagerDuty, RateLimit: new IntakeRateLimit(0, 10)) },
        { "rateLimit.requestsPerSecond", new IntegrationSettings("pd", IntegrationKind.PagerDuty, RateLimit: new IntakeRateLimit(100_001, 10)) },
        { "rateLimit.burst", new IntegrationSettings("pd", IntegrationKind.PagerDuty, RateLimit: new IntakeRateLimit(10, 0)) },
        { "rateLimit.burst", new IntegrationSettings("pd", IntegrationKind.PagerDuty, RateLimit: new IntakeRateLimit(10, 1_000_001)) },
        { "severityMapping", new IntegrationSettings("pd", IntegrationKind.PagerDuty, SeverityMapping: new Dictionary<string, ImpactUrgency> { [" "] = new(1, 1) }) },
        { "severityMapping", new IntegrationSettings("pd", IntegrationKind.PagerDuty, SeverityMapping: new Dictionary<string, ImpactUrgency> { [new string('x', 31)] = new(1, 1) }) },
        { "severityMapping.page", new IntegrationSettings("pd", IntegrationKind.PagerDuty, SeverityMapping: new Dictionary<string, ImpactUrgency> { ["page"] = null! }) },
        { "severityMapping.page.impact", new IntegrationSettings("pd", IntegrationKind.PagerDuty, SeverityMapping: new Dictionary<string, ImpactUrgency> { ["page"] = new(4, 1) }) },
        { "severityMapping.page.urgency", new IntegrationSettings("pd", IntegrationKind.PagerDuty, SeverityMapping: new Dictionary<string, ImpactUrgency> { ["page"] = new(1, 0) }) },
        { "mapping", new IntegrationSettings("pd", IntegrationKind.PagerDuty, Mapping: new WebhookMapping("payload.title")) },
        { "mapping", new IntegrationSettings("am", IntegrationKind.Alertmanager, Mapping: new WebhookMapping("payload.title")) },
        { "mapping.title", new IntegrationSettings("hook", IntegrationKind.Webhook) },
        { "mapping.title", new IntegrationSettings("hook", IntegrationKind.Webhook, Mapping: new WebhookMapping("  ")) },
        { "mapping.title", new IntegrationSettings("hook", IntegrationKind.Webhook, Mapping: new WebhookMapping("payload.title +")) },
        { "mapping.severity", new IntegrationSettings("hook", IntegrationKind.Webhook, Mapping: new WebhookMapping("payload.title", Severity: "payload.(")) },
        { "mapping.groupKey", new IntegrationSettings("hook", IntegrationKind.Webhook, Mapping: new WebhookMapping("payload.title", GroupKey: "if")) },
    };

    [Theory]
    [MemberData(nameof(InvalidSettings))]
    public void Invalid_settings_are_rejected_naming_the_field(string field, IntegrationSettings settings)
    {
        var act = () => Integration.Create(settings, Key, Sandbox, Now);

        act.Should().Throw<InvalidFieldException>().Which.Field.Should().Be(field);
    }

    [Theory]
    [InlineData("")]
    [InlineData("short")]
    [InlineData("ABCDEFGHIJKLMNOPQRSTUVWXYZ012345")]
    public void A_malformed_key_is_refused(string key)
    {
        var act = () => Integration.Create(new IntegrationSettings("pd", IntegrationKind.PagerDuty), key, Sandbox, Now);

        act.Should().Throw<ArgumentException>().Which.ParamName.Should().Be("key");
    }

    // ---- update and revoke ----

    [Fact]
    public void Update_replaces_the_settings_and_keeps_kind_and_key()
    {
        var integration = Integration.Create(new IntegrationSettings("pd", IntegrationKind.PagerDuty, Service: "payments", AutoResolve: false), Key, Sandbox, Now);
        var later = Now.AddMinutes(5);

        integration.Update(new IntegrationSettings("pd-renamed", IntegrationKind.PagerDuty, Service: "billing"), Sandbox, later);

        integration.Name.Should().Be("pd-renamed");
        integration.Service.Should().Be("billing");
        integration.AutoResolve.Should().BeTrue("unset settings take their defaults again");
        integration.Key.Should().Be(Key);
        integration.Version.Should().Be(2);
        integration.UpdatedAt.Should().Be(later);
        integration.CreatedAt.Should().Be(Now);
    }

    [Fact]
    public void The_kind_cannot_change()
    {
        var integration = Integration.Create(new IntegrationSettings("pd", IntegrationKind.PagerDuty), Key, Sandbox, Now);

        var act = () => integration.Update(new IntegrationSettings("pd", IntegrationKind.Alertmanager), Sandbox, Now);

        act.Should().Throw<InvalidFieldException>().Which.Field.Should().Be("kind");
        integration.Version.Should().Be(1);
    }

    public static TheoryData<string, IntegrationSettings> InvalidUpdates => new()
    {
        { "groupingWindowSeconds", new IntegrationSettings("renamed", IntegrationKind.PagerDuty, Service: "billing", Category: "Network", GroupingWindowSeconds: -5) },
        { "rateLimit.burst", new IntegrationSettings("renamed", IntegrationKind.PagerDuty, Service: "billing", Category: "Network", RateLimit: new IntakeRateLimit(1, 0)) },
        { "severityMapping.page.impact", new IntegrationSettings("renamed", IntegrationKind.PagerDuty, Service: "billing", Category: "Network",
            SeverityMapping: new Dictionary<string, ImpactUrgency> { ["page"] = new(9, 1) }) },
        { "mapping", new IntegrationSettings("renamed", IntegrationKind.PagerDuty, Service: "billing", Category: "Network", Mapping: new WebhookMapping("payload.title")) },
    };

    [Theory]
    [MemberData(nameof(InvalidUpdates))]
    public void An_invalid_update_changes_nothing(string field, IntegrationSettings settings)
    {
        var integration = Integration.Create(new IntegrationSettings("pd", IntegrationKind.PagerDuty, Service: "payments", Category: "Software"), Key, Sandbox, Now);

        var act = () => integration.Update(settings, Sandbox, Now.AddMinutes(1));

        act.Should().Throw<InvalidFieldException>().Which.Field.Should().Be(field);
        integration.Name.Should().Be("pd");
        integration.Service.Should().Be("payments");
        integration.Category.Should().Be("Software");
        integration.Version.Should().Be(1);
        integration.UpdatedAt.Should().Be(Now);
    }

    [Fact]
    public void Revoking_is_recorded_once_and_a_revoked_integration_cannot_be_updated()
    {
        var integration = Integration.Create(new IntegrationSettings("pd", IntegrationKind.PagerDuty), Key, Sandbox, Now);

        integration.Revoke(Now.AddMinutes(1));
        integration.Revoke(Now.AddMinutes(2));

        integration.IsRevoked.Should().BeTrue();
        integration.Version.Should().Be(2);
        integration.UpdatedAt.Should().Be(Now.AddMinutes(1));
        var act = () => integration.Update(new IntegrationSettings("pd", IntegrationKind.PagerDuty), Sandbox, Now.AddMinutes(3));
        act.Should().Throw<IllegalTransitionException>();
    }

    // ---- keys ----

    [Fact]
    public void Generated_keys_are_32_lowercase_letters_and_digits_and_differ()
    {
        var keys = Enumerable.Range(0, 100).Select(_ => IntegrationKey.Generate()).ToList();

        keys.Should().OnlyContain(k => System.Text.RegularExpressions.Regex.IsMatch(k, "^[a-z0-9]{32}$"));
        keys.Should().OnlyContain(k => IntegrationKey.IsWellFormed(k));
        keys.Should().OnlyHaveUniqueItems();
        string.Concat(keys).Distinct().Count().Should().BeGreaterThan(30, "every letter and digit can occur");
    }

    [Theory]
    [InlineData(null, false)]
    [InlineData("", false)]
    [InlineData("abcdefghijklmnopqrstuvwxyz01234", false)]
    [InlineData("abcdefghijklmnopqrstuvwxyz0123456", false)]
    [InlineData("abcdefghijklmnopqrstuvwxyz012345", true)]
    [InlineData("00000000000000000000000000000000", true)]
    [InlineData("Abcdefghijklmnopqrstuvwxyz012345", false)]
    [InlineData("abcdefghijklmnopqrstuvwxyz01234-", false)]
    [InlineData("abcdefghijklmnopqrstuvwxyz01234 ", false)]
    [InlineData("abcdefghijklmnopqrstuvwxyz01234é", false)]
    public void Well_formed_keys_are_exactly_32_lowercase_letters_and_digits(string? key, bool wellFormed)
    {
        IntegrationKey.IsWellFormed(key).Should().Be(wellFormed);
    }
}
