namespace Orchestrator.Workflows.Runtime.Instances;

/// <summary>What became of a connection in the current pass: flow went through it, or it is known never to carry flow.</summary>
public enum ConnectionState
{
    Taken,
    Dead,
}
