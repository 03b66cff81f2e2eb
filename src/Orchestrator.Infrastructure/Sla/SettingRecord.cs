namespace Orchestrator.Infrastructure.Sla;

/// <summary>A settings document kept as JSON under a key (<c>sla</c>).</summary>
public sealed class SettingRecord
{
    public required string Key { get; init; }

    public required string Json { get; set; }

    public DateTimeOffset UpdatedAt { get; set; }

    public required string UpdatedBy { get; set; }
}
