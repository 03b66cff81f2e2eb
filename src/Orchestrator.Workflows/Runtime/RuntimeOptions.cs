namespace Orchestrator.Workflows.Runtime;

/// <summary>Configuration section <c>Orchestrator:Workflows</c>: how runs are dispatched.</summary>
public sealed class RuntimeOptions
{
    /// <summary>Identifies this server among nodes sharing a database; owner of the leases it takes.</summary>
    public string NodeId { get; set; } = $"{Truncate(Environment.MachineName, 20)}-{Environment.ProcessId}-{Guid.NewGuid():N}";

    /// <summary>True when this node is the only one using the database (embedded SQLite): leases are kept in memory.</summary>
    public bool SingleNode { get; set; }

    /// <summary>Turns running at once on this node (default: twice the processor count, at least 4).</summary>
    public int Workers { get; set; } = Math.Max(4, Environment.ProcessorCount * 2);

    /// <summary>How long a lease lasts; a crashed node's runs are taken over after this.</summary>
    public TimeSpan LeaseDuration { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>How often the store is swept for runnable instances, due timers and kept events (a safety net behind direct dispatch).</summary>
    public TimeSpan PollInterval { get; set; } = TimeSpan.FromMilliseconds(250);

    /// <summary>How long an action may run when its node sets no timeoutSeconds.</summary>
    public static TimeSpan DefaultActionTimeout { get; } = TimeSpan.FromMinutes(10);

    /// <summary>Actions running at once on this node.</summary>
    public int ActionConcurrency { get; set; } = 64;

    /// <summary>How long an event that no bookmark awaited is kept for one still to come.</summary>
    public TimeSpan KeepUnmatchedEventsFor { get; set; } = TimeSpan.FromMinutes(10);

    /// <summary>How long a delivery id is remembered: an event sent again with the same id within this time is a
    /// duplicate. Older ids are forgotten so the table does not grow without end.</summary>
    public TimeSpan KeepDeliveryIdsFor { get; set; } = TimeSpan.FromDays(7);

    /// <summary>Input properties expressions may also read by their own name: the host promotes <c>alert</c>, so in a
    /// run started by an alert, <c>alert.severity</c> means <c>input.alert.severity</c>. Trigger filters see them too.</summary>
    public IReadOnlyList<string> PromotedInputs { get; set; } = [];

    private static string Truncate(string text, int length) => text.Length <= length ? text : text[..length];
}
