using System.ComponentModel.DataAnnotations;

namespace Orchestrator.Workflows.Runtime;

/// <summary>Configuration section <c>Orchestrator:Workflows</c>: how runs are dispatched.</summary>
public sealed class RuntimeOptions
{
    /// <summary>Identifies this server among nodes sharing a database; owner of the leases it takes.</summary>
    public string NodeId { get; set; } = $"{Truncate(Environment.MachineName, 20)}-{Environment.ProcessId}-{Guid.NewGuid():N}";

    /// <summary>True when this node is the only one using the database (embedded SQLite): leases are kept in memory.</summary>
    public bool SingleNode { get; set; }

    /// <summary>Turns running at once on this node (default: twice the processor count, at least 4).</summary>
    [Range(1, 1024, ErrorMessage = "Orchestrator:Workflows:Workers must be 1–1024.")]
    public int Workers { get; set; } = Math.Max(4, Environment.ProcessorCount * 2);

    /// <summary>How long a lease lasts; a crashed node's runs are taken over after this.</summary>
    [Range(typeof(TimeSpan), "00:00:01", "01:00:00", ErrorMessage = "Orchestrator:Workflows:LeaseDuration must be between 1 second and 1 hour (e.g. 00:00:30).")]
    public TimeSpan LeaseDuration { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>How often the store is swept for runnable instances, due timers and kept events (a safety net behind direct dispatch).</summary>
    [Range(typeof(TimeSpan), "00:00:00.010", "00:10:00", ErrorMessage = "Orchestrator:Workflows:PollInterval must be between 10 ms and 10 minutes (e.g. 00:00:00.250).")]
    public TimeSpan PollInterval { get; set; } = TimeSpan.FromMilliseconds(250);

    /// <summary>How long an action may run when its node sets no timeoutSeconds.</summary>
    public static TimeSpan DefaultActionTimeout { get; } = TimeSpan.FromMinutes(10);

    /// <summary>Actions running at once on this node.</summary>
    [Range(1, 10_000, ErrorMessage = "Orchestrator:Workflows:ActionConcurrency must be 1–10000.")]
    public int ActionConcurrency { get; set; } = 64;

    /// <summary>How long an event that no bookmark awaited is kept for one still to come.</summary>
    [Range(typeof(TimeSpan), "00:00:00", "30.00:00:00", ErrorMessage = "Orchestrator:Workflows:KeepUnmatchedEventsFor must be between 0 and 30 days (e.g. 00:10:00).")]
    public TimeSpan KeepUnmatchedEventsFor { get; set; } = TimeSpan.FromMinutes(10);

    /// <summary>How long a delivery id is remembered: an event sent again with the same id within this time is a
    /// duplicate. Older ids are forgotten so the table does not grow without end.</summary>
    [Range(typeof(TimeSpan), "00:00:01", "3650.00:00:00", ErrorMessage = "Orchestrator:Workflows:KeepDeliveryIdsFor must be a positive time span (e.g. 7.00:00:00).")]
    public TimeSpan KeepDeliveryIdsFor { get; set; } = TimeSpan.FromDays(7);

    /// <summary>Input properties expressions may also read by their own name: the host promotes <c>alert</c>, so in a
    /// run started by an alert, <c>alert.severity</c> means <c>input.alert.severity</c>. Trigger filters see them too.</summary>
    public IReadOnlyList<string> PromotedInputs { get; set; } = [];

    private static string Truncate(string text, int length) => text.Length <= length ? text : text[..length];
}
