namespace Orchestrator.Incidents.Intake.Storage;

/// <summary>An open intake transaction holding the integration's lock; disposing without commit rolls back.</summary>
public interface IIntakeTransaction : IAsyncDisposable
{
    Task CommitAsync(CancellationToken cancellationToken);
}
