using System.Text.Json.Nodes;

namespace Orchestrator.Workflows.Activities;

/// <summary>An activity's request to suspend its branch until an event, a time, a decision or a child run.</summary>
/// <param name="Kind">What is awaited.</param>
/// <param name="Name">Event name for <see cref="BookmarkKind.Event"/>; a label otherwise.</param>
/// <param name="DueAt">When a timer fires, or when an approval times out.</param>
/// <param name="Data">Details kept with the bookmark (approval title, assignees and options; child definition).</param>
/// <param name="DueIsTimeout">Whether <paramref name="DueAt"/> ends the wait as timed out rather than being what is awaited.</param>
public sealed record BookmarkRequest(BookmarkKind Kind, string Name, DateTimeOffset? DueAt = null, JsonObject? Data = null, bool DueIsTimeout = false);
