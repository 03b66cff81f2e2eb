using Orchestrator.Incidents.Intake;
using Orchestrator.Server.Api.Intake;

namespace Orchestrator.Server.Tests.Intake;

/// <summary>
/// The limiter under requests racing while an integration's limit changes. Before the fix the old bucket was disposed
/// inside <c>AddOrUpdate</c>'s update factory, which may run more than once and may dispose a bucket another request
/// holds: such a request threw <see cref="ObjectDisposedException"/> (a 500 to the sender).
/// </summary>
public sealed class IntakeRateLimiterRaceTests
{
    [Fact]
    public async Task Requests_racing_with_limit_changes_never_meet_a_disposed_bucket()
    {
        using var limiter = new IntakeRateLimiter();
        var integration = Guid.NewGuid();
        IntakeRateLimit[] limits = [new(1000, 5), new(1000, 6), new(1000, 7)];
        const int threads = 8;
        using var start = new Barrier(threads);

        var errors = await Task.WhenAll(Enumerable.Range(0, threads).Select(t => Task.Factory.StartNew(() =>
        {
            start.SignalAndWait();
            for (var i = 0; i < 2_000; i++)
            {
                try
                {
                    limiter.TryAcquire(integration, limits[(i + t) % limits.Length], out _);
                }
                catch (Exception e)
                {
                    return e;
                }
            }

            return null;
        }, CancellationToken.None, TaskCreationOptions.LongRunning, TaskScheduler.Default))); // own threads: blocking pool threads at a barrier starves the pool

        errors.Should().AllSatisfy(e => e.Should().BeNull());
    }

    [Fact]
    public void A_changed_limit_takes_effect_at_once_with_the_new_burst()
    {
        using var limiter = new IntakeRateLimiter();
        var integration = Guid.NewGuid();
        var slow = new IntakeRateLimit(1, 2);

        Enumerable.Range(0, 3).Select(n => limiter.TryAcquire(integration, slow, out _)).Should().Equal(true, true, false);
        limiter.TryAcquire(integration, slow, out var retryAfter).Should().BeFalse();
        retryAfter.Should().BePositive();

        var raised = new IntakeRateLimit(1, 4);
        Enumerable.Range(0, 5).Select(n => limiter.TryAcquire(integration, raised, out _)).Should().Equal(true, true, true, true, false);
    }
}
