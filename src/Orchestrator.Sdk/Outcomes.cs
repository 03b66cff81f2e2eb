namespace Orchestrator.Sdk;

/// <summary>The outcome ports every action has.</summary>
public static class Outcomes
{
    /// <summary>Finished normally.</summary>
    public const string Done = "Done";

    /// <summary>Did not succeed.</summary>
    public const string Failed = "Failed";
}
