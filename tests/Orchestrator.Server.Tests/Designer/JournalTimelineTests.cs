using Orchestrator.Server.Components.Runs;
using Orchestrator.Workflows.Runtime.Instances;

namespace Orchestrator.Server.Tests.Designer;

/// <summary>The journal's timeline bars: where each step sits in the run's span, never outside the bar, however
/// the numbers round (a step at the very end once threw and ended the page's circuit).</summary>
public sealed class JournalTimelineTests
{
    private static readonly DateTimeOffset Start = new(2026, 12, 4, 8, 0, 0, TimeSpan.Zero);

    private static JournalEntry Entry(double startMs, double? endMs) =>
        new(1, "step", "Log", 1, Start.AddMilliseconds(startMs), endMs is { } end ? Start.AddMilliseconds(end) : null, "Done", null, null);

    private static JournalTimeline Timeline(double spanMs) =>
        JournalTimeline.Of(new WorkflowInstance { Id = "r", DefinitionId = "d", DefinitionVersion = 1, CreatedAt = Start, FinishedAt = Start.AddMilliseconds(spanMs),
            Status = WorkflowStatus.Finished }, [], Start.AddMilliseconds(spanMs));

    [Theory]
    [InlineData(0, 1000, 0, 100)]
    [InlineData(250, 500, 25, 25)]
    [InlineData(999.9, 1000, 99.4, 0.6)] // the last instant: still a visible bar, inside
    [InlineData(1000, 1000, 99.4, 0.6)]
    [InlineData(500, 500, 50, 0.6)] // an instant step
    public void A_step_is_placed_by_its_start_and_length_within_the_run(double startMs, double endMs, double left, double width)
    {
        var (l, w) = Timeline(1000).Place(Entry(startMs, endMs));

        l.Should().BeApproximately(left, 0.01);
        w.Should().BeApproximately(width, 0.01);
        (l + w).Should().BeLessThanOrEqualTo(100.0001);
    }

    [Fact]
    public void A_step_still_running_reaches_now()
    {
        var (left, width) = Timeline(1000).Place(Entry(600, null));

        (left, width).Should().Be((60.0, 40.0));
    }
}
