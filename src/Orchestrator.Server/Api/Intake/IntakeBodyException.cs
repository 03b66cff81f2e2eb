namespace Orchestrator.Server.Api.Intake;

/// <summary>An intake body that cannot be read: too large (413) or not JSON (400).</summary>
internal sealed class IntakeBodyException(int status, string path, string message) : Exception(message)
{
    public int Status { get; } = status;

    public string Path { get; } = path;
}
