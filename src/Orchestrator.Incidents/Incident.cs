using System.Globalization;
using Orchestrator.Incidents.Errors;
using Orchestrator.Incidents.Lifecycle;
using Orchestrator.Incidents.Major;
using Orchestrator.Incidents.Priority;
using Orchestrator.Incidents.Timeline;

namespace Orchestrator.Incidents;

/// <summary>
/// An ITIL incident. The aggregate enforces its own rules (lifecycle, priority, major incident, roles) and writes a
/// timeline entry for every change it accepts; every accepted command bumps <see cref="Version"/> once.
/// </summary>
public sealed partial class Incident
{
    private readonly List<TimelineEntry> _newTimelineEntries = [];
    private Dictionary<IcsRole, string> _roles = [];

    private Incident()
    {
        Number = Title = string.Empty;
    }

    public Guid Id { get; private set; }

    /// <summary>Human-facing number, e.g. INC0001001.</summary>
    public string Number { get; private set; }

    public string Title { get; private set; }

    public string? Description { get; private set; }

    public IncidentState State { get; private set; }

    public HoldReason? HoldReason { get; private set; }

    /// <summary>1 (high) – 3 (low).</summary>
    public int Impact { get; private set; }

    /// <summary>1 (high) – 3 (low).</summary>
    public int Urgency { get; private set; }

    /// <summary>1 (Critical) – 5 (Planning), from impact × urgency through the priority matrix.</summary>
    public int Priority { get; private set; }

    /// <summary>1 (high) – 3 (low); how bad the technical fault is, independent of business priority.</summary>
    public int Severity { get; private set; }

    public string? Category { get; private set; }

    public string? Subcategory { get; private set; }

    /// <summary>The affected service.</summary>
    public string? Service { get; private set; }

    public string? AssignmentGroup { get; private set; }

    public string? Assignee { get; private set; }

    public string? Caller { get; private set; }

    public string? ResolutionCode { get; private set; }

    public string? ResolutionNotes { get; private set; }

    public Guid? ProblemId { get; private set; }

    public MajorIncidentStatus MajorStatus { get; private set; }

    public string? MajorReason { get; private set; }

    /// <summary>Incident Command System roles and who holds them.</summary>
    public IReadOnlyDictionary<IcsRole, string> Roles => _roles;

    public DateTimeOffset CreatedAt { get; private set; }

    public DateTimeOffset UpdatedAt { get; private set; }

    /// <summary>When work first started (first move to In Progress): the end of time-to-acknowledge.</summary>
    public DateTimeOffset? RespondedAt { get; private set; }

    public DateTimeOffset? ResolvedAt { get; private set; }

    public DateTimeOffset? ClosedAt { get; private set; }

    public int ReopenCount { get; private set; }

    /// <summary>Increases by one with every accepted change; used for optimistic concurrency.</summary>
    public int Version { get; private set; }

    /// <summary>Entries written since this object was created or loaded; the store appends them when it saves.</summary>
    public IReadOnlyList<TimelineEntry> NewTimelineEntries => _newTimelineEntries;

    public static Incident Create(string number, NewIncident details, PriorityMatrix matrix, Change change)
    {
        var impact = FieldRules.Level(details.Impact, "impact");
        var urgency = FieldRules.Level(details.Urgency, "urgency");
        var incident = new Incident
        {
            Id = Guid.CreateVersion7(change.At),
            Number = number,
            Title = FieldRules.Title(details.Title),
            Description = FieldRules.Optional(details.Description, "description", FieldRules.LongTextMaxLength),
            State = IncidentState.New,
            Impact = impact,
            Urgency = urgency,
            Priority = matrix.Resolve(impact, urgency),
            Severity = details.Severity is { } severity ? FieldRules.Level(severity, "severity") : 3,
            Category = FieldRules.Optional(details.Category, "category"),
            Subcategory = FieldRules.Optional(details.Subcategory, "subcategory"),
            Service = FieldRules.Optional(details.Service, "service"),
            Caller = FieldRules.Optional(details.Caller, "caller"),
            MajorStatus = MajorIncidentStatus.None,
            CreatedAt = change.At,
            UpdatedAt = change.At,
            Version = 1,
        };
        incident.Record(change, TimelineEntryKind.Created, $"Incident {number} recorded: {incident.Title} ({PriorityLevels.Label(incident.Priority)})",
            ("state", nameof(IncidentState.New)), ("priority", Text(incident.Priority)), ("impact", Text(impact)), ("urgency", Text(urgency)));
        return incident;
    }

    /// <summary>Rejects a change made from an outdated copy. A null version means the caller does not check.</summary>
    public void EnsureVersion(int? expectedVersion)
    {
        if (expectedVersion is { } expected && expected != Version)
        {
            throw new StaleVersionException("incident", expected, Version);
        }
    }

    /// <summary>Changes descriptive fields; impact or urgency changes recompute the priority.</summary>
    public void Update(IncidentUpdate update, PriorityMatrix matrix, Change change)
    {
        EnsureEditable("update");
        var title = update.Title is null ? Title : FieldRules.Title(update.Title);
        var impact = update.Impact is { } i ? FieldRules.Level(i, "impact") : Impact;
        var urgency = update.Urgency is { } u ? FieldRules.Level(u, "urgency") : Urgency;
        var severity = update.Severity is { } s ? FieldRules.Level(s, "severity") : Severity;
        var description = update.Description is null ? Description : FieldRules.Optional(update.Description, "description", FieldRules.LongTextMaxLength);
        var category = update.Category is null ? Category : FieldRules.Optional(update.Category, "category");
        var subcategory = update.Subcategory is null ? Subcategory : FieldRules.Optional(update.Subcategory, "subcategory");
        var service = update.Service is null ? Service : FieldRules.Optional(update.Service, "service");
        var caller = update.Caller is null ? Caller : FieldRules.Optional(update.Caller, "caller");

        var changed = false;
        changed |= SetField("title", Title, title, v => Title = v!, change);
        changed |= SetField("description", Description, description, v => Description = v, change);
        changed |= SetField("impact", Text(Impact), Text(impact), _ => Impact = impact, change);
        changed |= SetField("urgency", Text(Urgency), Text(urgency), _ => Urgency = urgency, change);
        changed |= SetField("severity", Text(Severity), Text(severity), _ => Severity = severity, change);
        changed |= SetField("category", Category, category, v => Category = v, change);
        changed |= SetField("subcategory", Subcategory, subcategory, v => Subcategory = v, change);
        changed |= SetField("service", Service, service, v => Service = v, change);
        changed |= SetField("caller", Caller, caller, v => Caller = v, change);

        var priority = matrix.Resolve(Impact, Urgency);
        if (priority != Priority)
        {
            Record(change, TimelineEntryKind.FieldChanged,
                $"Priority changed from {PriorityLevels.Label(Priority)} to {PriorityLevels.Label(priority)} (impact {Impact}, urgency {Urgency})",
                ("field", "priority"), ("from", Text(Priority)), ("to", Text(priority)));
            Priority = priority;
            changed = true;
        }

        if (changed)
        {
            Touch(change);
        }
    }

    /// <summary>Sets the assignment group and/or assignee: null leaves a value as it is, an empty string clears it.
    /// Assigning someone to a New incident moves it to Assigned.</summary>
    public void Assign(string? group, string? assignee, Change change)
    {
        EnsureEditable("assign");
        if (group is null && assignee is null)
        {
            throw new InvalidFieldException("assignee", "Give an assignment group, an assignee or both.");
        }

        var newGroup = group is null ? AssignmentGroup : FieldRules.Optional(group, "group");
        var newAssignee = assignee is null ? Assignee : FieldRules.Optional(assignee, "assignee");
        if (newGroup == AssignmentGroup && newAssignee == Assignee)
        {
            return;
        }

        RecordAssignment(newGroup, newAssignee, change);
        if (State == IncidentState.New && (newGroup is not null || newAssignee is not null))
        {
            MoveTo(IncidentState.Assigned, change, "Assignment made");
        }

        Touch(change);
    }

    public void AddNote(NoteKind kind, string? text, Change change)
    {
        EnsureEditable("add a note to");
        var note = FieldRules.Required(text, "text");
        Record(change, kind == NoteKind.WorkNote ? TimelineEntryKind.WorkNote : TimelineEntryKind.Comment, note, ("kind", kind.ToString()));
        Touch(change);
    }

    internal void LinkProblem(Problems.Problem problem, Change change)
    {
        EnsureEditable("link a problem to");
        if (ProblemId == problem.Id)
        {
            return;
        }

        ProblemId = problem.Id;
        Record(change, TimelineEntryKind.ProblemLinked, $"Linked to problem {problem.Number}: {problem.Title}",
            ("problemId", problem.Id.ToString()), ("problemNumber", problem.Number));
        Touch(change);
    }

    private void RecordAssignment(string? newGroup, string? newAssignee, Change change)
    {
        Record(change, TimelineEntryKind.AssignmentChanged, $"Assigned to {Describe(newAssignee, newGroup)}",
            ("fromGroup", AssignmentGroup), ("toGroup", newGroup), ("fromAssignee", Assignee), ("toAssignee", newAssignee));
        AssignmentGroup = newGroup;
        Assignee = newAssignee;
    }

    private void EnsureEditable(string operation)
    {
        if (IncidentTransitions.IsFinal(State))
        {
            throw new IllegalTransitionException(State.ToString(), operation, [],
                $"Incident {Number} is {State}; you cannot {operation} it.");
        }
    }

    private bool SetField(string field, string? from, string? to, Action<string?> set, Change change)
    {
        if (from == to)
        {
            return false;
        }

        Record(change, TimelineEntryKind.FieldChanged, $"{field} changed from '{from ?? "(empty)"}' to '{to ?? "(empty)"}'",
            ("field", field), ("from", from), ("to", to));
        set(to);
        return true;
    }

    private void Record(Change change, TimelineEntryKind kind, string summary, params (string Key, string? Value)[] data) =>
        _newTimelineEntries.Add(new TimelineEntry(Id, change, kind, summary, data.ToDictionary(d => d.Key, d => d.Value)));

    private void Touch(Change change)
    {
        UpdatedAt = change.At;
        Version++;
    }

    /// <summary>Notes a workflow run that an event about this incident started.</summary>
    public void NoteRunStarted(RunStarted run, DateTimeOffset at) =>
        NoteWorkflow(new Change(WorkflowActor.Of(run.DefinitionId, run.InstanceId), at),
            $"Workflow {run.DefinitionId} (version {run.Version}) started by {run.Trigger}",
            ("instanceId", run.InstanceId), ("definitionId", run.DefinitionId), ("version", Text(run.Version)), ("trigger", run.Trigger));

    /// <summary>Notes what a workflow did or could not do (a skipped notification, a template that failed). The
    /// incident itself does not change (no new version), so a note never conflicts with what a run does to it, and
    /// it is written even on a closed incident: the record of what happened must be complete.</summary>
    public void NoteWorkflow(Change change, string summary, params (string Key, string? Value)[] data) =>
        Record(change, TimelineEntryKind.Workflow, FieldRules.Required(summary, "summary"), data);

    /// <summary>Notes an SLA milestone (a 50 % or 75 % warning, or the breach) as the SLA clock, without a new version.</summary>
    public void NoteSla(Sla.SlaClockKind clock, int percent, double targetMinutes, DateTimeOffset dueAt, DateTimeOffset at) =>
        Record(new Change("sla", at), percent >= 100 ? TimelineEntryKind.SlaBreached : TimelineEntryKind.SlaWarning,
            percent >= 100
                ? $"{clock} SLA breached: the {Sla.SlaText.Minutes(targetMinutes)} target passed at {dueAt:yyyy-MM-dd HH:mm} UTC"
                : $"{clock} SLA at {percent} % of its {Sla.SlaText.Minutes(targetMinutes)} target",
            ("clock", clock.ToString()), ("percent", Text(percent)), ("targetMinutes", targetMinutes.ToString(CultureInfo.InvariantCulture)), ("dueAt", dueAt.ToString("O")));

    /// <summary>Called by the store once the new entries are saved.</summary>
    internal void ClearNewTimelineEntries() => _newTimelineEntries.Clear();

    private static string Describe(string? assignee, string? group) =>
        (assignee, group) switch
        {
            (null, null) => "nobody",
            (_, null) => assignee!,
            (null, _) => $"group {group}",
            _ => $"{assignee} ({group})",
        };

    private static string Text(int value) => value.ToString(CultureInfo.InvariantCulture);
}
