namespace Orchestrator.Workflows.Runtime.Invocation;

/// <summary>An input expression failed at run time; the activity faults with this message (expression error and position).</summary>
public sealed class InputEvaluationException(string input, string message) : Exception(message)
{
    public string Input { get; } = input;
}
