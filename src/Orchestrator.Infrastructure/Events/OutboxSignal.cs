namespace Orchestrator.Infrastructure.Events;

/// <summary>Wakes the <see cref="EventOutboxPublisher"/> after a commit wrote events to an outbox; cheap and safe to
/// call from any thread (the publisher also polls, so a lost wake-up only delays delivery).</summary>
public sealed class OutboxSignal
{
    private readonly SemaphoreSlim _wake = new(0, 1);

    public void Notify()
    {
        if (_wake.CurrentCount == 0)
        {
            try
            {
                _wake.Release();
            }
            catch (SemaphoreFullException)
            {
                // Another caller woke it first.
            }
        }
    }

    /// <summary>Waits for a wake-up or <paramref name="timeout"/>, whichever comes first.</summary>
    public Task WaitAsync(TimeSpan timeout, CancellationToken cancellationToken) => _wake.WaitAsync(timeout, cancellationToken);
}
