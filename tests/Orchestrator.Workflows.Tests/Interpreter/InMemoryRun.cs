using System.Text.Json.Nodes;
using Microsoft.Extensions.Logging.Abstractions;
using Orchestrator.Templating;
using Orchestrator.Workflows.Definitions;
using Orchestrator.Workflows.Runtime.Instances;
using Orchestrator.Workflows.Runtime.Invocation;
using Orchestrator.Workflows.Runtime.Turns;

namespace Orchestrator.Workflows.Tests.Interpreter;

/// <summary>
/// One run driven turn by turn through the real <see cref="WorkflowInterpreter"/>, its state kept in memory instead of
/// a database (the interpreter is pure: the runner only loads before a turn and commits after it). Built-in activities
/// only; no HTTP, no clock but the system's.
/// </summary>
internal sealed class InMemoryRun
{
    private static readonly WorkflowInterpreter Interpreter = new(Definitions.BuiltInRegistry(), new ActivityInvoker(TimeProvider.System, NullLoggerFactory.Instance),
        new ScriptSandbox(), TimeProvider.System, NullLogger<WorkflowInterpreter>.Instance);

    private readonly WorkflowDefinition _definition;
    private long _messages;

    private InMemoryRun(WorkflowDefinition definition)
    {
        _definition = definition;
        Instance = WorkflowInterpreter.NewInstance(definition, $"run-{Guid.NewGuid():N}", null, null, DateTimeOffset.UtcNow);
    }

    public WorkflowInstance Instance { get; }

    /// <summary>Every journal entry of the run, by sequence (an entry is replaced when a later turn completes it).</summary>
    public SortedDictionary<long, JournalEntry> Journal { get; } = [];

    /// <summary>The bookmarks turns removed (waits that were resumed or cancelled).</summary>
    public List<Bookmark> RemovedBookmarks { get; } = [];

    public WorkflowStatus Status => Instance.Status;

    /// <summary>The activities that ran, in journal order.</summary>
    public IReadOnlyList<string> Ran => Journal.Values.Select(e => e.ActivityId).ToList();

    public IReadOnlyList<JournalEntry> EntriesOf(string activityId) => Journal.Values.Where(e => e.ActivityId == activityId).ToList();

    public static async Task<InMemoryRun> StartAsync(WorkflowDefinition definition)
    {
        var run = new InMemoryRun(definition);
        await run.TurnAsync([]);
        return run;
    }

    /// <summary>Resumes the one bookmark of <paramref name="activityId"/> (an event arriving, an approval decided).</summary>
    public Task ResumeAsync(string activityId, JsonNode? payload = null)
    {
        var bookmark = Instance.Bookmarks.Single(b => b.ActivityId == activityId);
        return TurnAsync([new InboxMessage(++_messages, Instance.Id, InboxMessageKind.Resume, bookmark.Id, payload, DateTimeOffset.UtcNow)]);
    }

    private async Task TurnAsync(IReadOnlyList<InboxMessage> messages)
    {
        var result = await Interpreter.RunTurnAsync(Instance, _definition, messages, null, CancellationToken.None);
        foreach (var (seq, entry) in result.Journal)
        {
            Journal[seq] = entry;
        }

        RemovedBookmarks.AddRange(result.RemovedBookmarks);
    }
}
