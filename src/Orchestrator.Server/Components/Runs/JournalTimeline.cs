using Orchestrator.Workflows.Runtime.Instances;
using Orchestrator.Workflows.Runtime.Storage;

namespace Orchestrator.Server.Components.Runs;

/// <summary>
/// Where each journal entry sits on the run's time line, as percentages of the run's span (its start to its end, or to
/// now while it runs): the bars of the journal's Timeline column, so a slow step or a long wait stands out.
/// </summary>
public sealed record JournalTimeline(DateTimeOffset Start, TimeSpan Span, DateTimeOffset Now)
{
    /// <summary>The narrowest bar, so an instant step still shows.</summary>
    private const double MinWidth = 0.6;

    public static readonly JournalTimeline Empty = new(DateTimeOffset.MinValue, TimeSpan.FromMilliseconds(1), DateTimeOffset.MinValue);

    public static JournalTimeline Of(WorkflowInstance run, IReadOnlyList<JournalEntry> journal, DateTimeOffset now)
    {
        var end = run.FinishedAt ?? (journal.Any(e => e.CompletedAt is null) || run.Status is WorkflowStatus.Running or WorkflowStatus.Suspended
            ? now
            : journal.Select(e => e.CompletedAt ?? e.StartedAt).DefaultIfEmpty(run.CreatedAt).Max());
        var span = end - run.CreatedAt;
        return new JournalTimeline(run.CreatedAt, span > TimeSpan.FromMilliseconds(1) ? span : TimeSpan.FromMilliseconds(1), now);
    }

    /// <summary>The bar of <paramref name="entry"/>: its left edge and width in percent.</summary>
    public (double Left, double Width) Place(JournalEntry entry)
    {
        // Min/Max rather than Math.Clamp: 100 − 99.4 is 0.5999…, and Clamp throws when its bounds cross.
        var left = Math.Max(0, Math.Min((entry.StartedAt - Start) / Span * 100, 100 - MinWidth));
        var width = Math.Max(MinWidth, ((entry.CompletedAt ?? Now) - entry.StartedAt) / Span * 100);
        return (left, Math.Max(0, Math.Min(width, 100 - left)));
    }
}
