using Orchestrator.Incidents.Timeline;

namespace Orchestrator.Server.Api.Incidents;

/// <summary>One timeline entry: <c>{ at, actor, kind, summary, data }</c>.</summary>
public sealed record TimelineEntryResponse(long Id, DateTimeOffset At, string Actor, TimelineEntryKind Kind, string Summary, IReadOnlyDictionary<string, string?> Data)
{
    public static TimelineEntryResponse From(TimelineEntry e) => new(e.Id, e.At, e.Actor, e.Kind, e.Summary, e.Data);
}
