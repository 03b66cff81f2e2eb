namespace Orchestrator.Incidents.Priority;

/// <summary>Names of the five priorities, as ServiceNow shows them.</summary>
public static class PriorityLevels
{
    private static readonly string[] Names = ["Critical", "High", "Moderate", "Low", "Planning"];

    public static bool IsValid(int priority) => priority is >= 1 and <= 5;

    /// <summary>"P1 Critical" … "P5 Planning".</summary>
    public static string Label(int priority) => $"P{priority} {Names[priority - 1]}";
}
