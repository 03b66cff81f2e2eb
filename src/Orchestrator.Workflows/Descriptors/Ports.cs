namespace Orchestrator.Workflows.Descriptors;

/// <summary>Well-known outcome port names.</summary>
public static class Ports
{
    public const string Done = "Done";
    public const string Failed = "Failed";
    public const string True = "True";
    public const string False = "False";
    public const string Default = "Default";
    public const string TimedOut = "TimedOut";
    public const string Approve = "Approve";
    public const string Reject = "Reject";
}
