using Orchestrator.Incidents.Errors;
using Orchestrator.Incidents.Lifecycle;
using Orchestrator.Incidents.Major;
using Orchestrator.Incidents.Priority;
using Orchestrator.Incidents.Problems;
using Orchestrator.Incidents.Timeline;

namespace Orchestrator.Incidents.Tests;

public class IncidentTimelineTests
{
    private static IReadOnlyList<TimelineEntry> NewEntries(Incident incident, Action act)
    {
        var count = incident.NewTimelineEntries.Count;
        act();
        return incident.NewTimelineEntries.Skip(count).ToList();
    }

    [Fact]
    public void Create_writes_a_created_entry()
    {
        var incident = Incident.Create("INC0000042", new NewIncident("  VPN drops  ", 1, 2, Caller: "erin"), PriorityMatrix.Default,
            new Change("creator", IncidentFactory.Now));

        incident.Number.Should().Be("INC0000042");
        incident.Title.Should().Be("VPN drops");
        incident.Caller.Should().Be("erin");
        incident.Version.Should().Be(1);
        var entry = incident.NewTimelineEntries.Should().ContainSingle().Subject;
        entry.Kind.Should().Be(TimelineEntryKind.Created);
        entry.IncidentId.Should().Be(incident.Id);
        entry.Actor.Should().Be("creator");
        entry.At.Should().Be(IncidentFactory.Now);
        entry.Summary.Should().Be("Incident INC0000042 recorded: VPN drops (P2 High)");
        entry.Data.Should().BeEquivalentTo(new Dictionary<string, string?>
        {
            ["state"] = "New",
            ["priority"] = "2",
            ["impact"] = "1",
            ["urgency"] = "2",
        });
    }

    [Theory]
    [InlineData("")]
    [InlineData("  ")]
    public void Create_requires_a_title(string title)
    {
        var act = () => IncidentFactory.Create(title: title);

        act.Should().Throw<InvalidFieldException>().Which.Field.Should().Be("title");
    }

    [Fact]
    public void Create_rejects_a_severity_outside_one_to_three()
    {
        var act = () => Incident.Create(IncidentFactory.Number, new NewIncident("t", 2, 2, Severity: 4), PriorityMatrix.Default, IncidentFactory.Change);

        act.Should().Throw<InvalidFieldException>().Which.Field.Should().Be("severity");
    }

    [Fact]
    public void Update_writes_field_changed()
    {
        var incident = IncidentFactory.Create();

        var entries = NewEntries(incident, () => incident.Update(new IncidentUpdate(Category: " Email "), PriorityMatrix.Default, IncidentFactory.Later(1)));

        var entry = entries.Should().ContainSingle().Subject;
        entry.Kind.Should().Be(TimelineEntryKind.FieldChanged);
        entry.Summary.Should().Be("category changed from '(empty)' to 'Email'");
        entry.Data.Should().BeEquivalentTo(new Dictionary<string, string?> { ["field"] = "category", ["from"] = null, ["to"] = "Email" });
    }

    [Fact]
    public void Assigning_a_new_incident_records_the_assignment_and_moves_it_to_assigned()
    {
        var incident = IncidentFactory.Create();
        var change = IncidentFactory.Later(2);

        var entries = NewEntries(incident, () => incident.Assign("Network", "frank", change));

        incident.State.Should().Be(IncidentState.Assigned);
        incident.AssignmentGroup.Should().Be("Network");
        incident.Assignee.Should().Be("frank");
        incident.Version.Should().Be(2);
        entries.Select(e => e.Kind).Should().Equal(TimelineEntryKind.AssignmentChanged, TimelineEntryKind.StateChanged);
        entries[0].Summary.Should().Be("Assigned to frank (Network)");
        entries[0].Data.Should().BeEquivalentTo(new Dictionary<string, string?>
        {
            ["fromGroup"] = null,
            ["toGroup"] = "Network",
            ["fromAssignee"] = null,
            ["toAssignee"] = "frank",
        });
        entries[1].Data["from"].Should().Be("New");
        entries[1].Data["to"].Should().Be("Assigned");
        entries[1].Data["notes"].Should().Be("Assignment made");
        entries.Should().OnlyContain(e => e.Actor == change.Actor && e.At == change.At);
    }

    [Fact]
    public void Assigning_only_a_group_moves_a_new_incident_to_assigned()
    {
        var incident = IncidentFactory.Create();

        incident.Assign("Network", null, IncidentFactory.Change);

        incident.State.Should().Be(IncidentState.Assigned);
        incident.Assignee.Should().BeNull();
        incident.NewTimelineEntries[^2].Summary.Should().Be("Assigned to group Network");
    }

    [Fact]
    public void Reassigning_an_incident_in_progress_keeps_its_state()
    {
        var incident = IncidentFactory.InState(IncidentState.InProgress);

        var entries = NewEntries(incident, () => incident.Assign(null, "grace", IncidentFactory.Later(1)));

        incident.State.Should().Be(IncidentState.InProgress);
        incident.AssignmentGroup.Should().Be(IncidentFactory.Group);
        incident.Assignee.Should().Be("grace");
        var entry = entries.Should().ContainSingle().Subject;
        entry.Kind.Should().Be(TimelineEntryKind.AssignmentChanged);
        entry.Data["fromAssignee"].Should().Be(IncidentFactory.Assignee);
        entry.Data["toAssignee"].Should().Be("grace");
        entry.Data["fromGroup"].Should().Be(IncidentFactory.Group);
        entry.Data["toGroup"].Should().Be(IncidentFactory.Group);
    }

    [Fact]
    public void Assigning_the_same_people_again_writes_nothing()
    {
        var incident = IncidentFactory.InState(IncidentState.Assigned);
        var before = Snapshot.Of(incident);

        incident.Assign(IncidentFactory.Group, IncidentFactory.Assignee, IncidentFactory.Later(1));

        before.ShouldMatch(incident);
    }

    [Fact]
    public void Assigning_nobody_is_rejected()
    {
        var incident = IncidentFactory.Create();
        var before = Snapshot.Of(incident);

        var act = () => incident.Assign(null, null, IncidentFactory.Later(1));

        act.Should().Throw<InvalidFieldException>().Which.Field.Should().Be("assignee");
        before.ShouldMatch(incident);
    }

    [Fact]
    public void Empty_strings_clear_the_assignment()
    {
        var incident = IncidentFactory.InState(IncidentState.InProgress);

        var entries = NewEntries(incident, () => incident.Assign("", "", IncidentFactory.Later(1)));

        incident.AssignmentGroup.Should().BeNull();
        incident.Assignee.Should().BeNull();
        entries.Should().ContainSingle().Which.Summary.Should().Be("Assigned to nobody");
    }

    [Fact]
    public void Setting_a_role_writes_role_changed()
    {
        var incident = IncidentFactory.Create();
        incident.HandleMajor(MajorIncidentAction.Propose, "Site down", IncidentFactory.Change);

        var entries = NewEntries(incident, () => incident.SetRole(IcsRole.IncidentCommander, "heidi", IncidentFactory.Later(1)));

        var entry = entries.Should().ContainSingle().Subject;
        entry.Kind.Should().Be(TimelineEntryKind.RoleChanged);
        entry.Summary.Should().Be("heidi is IncidentCommander");
        entry.Data.Should().BeEquivalentTo(new Dictionary<string, string?> { ["role"] = "IncidentCommander", ["from"] = null, ["to"] = "heidi" });
    }

    [Theory]
    [InlineData(NoteKind.WorkNote, TimelineEntryKind.WorkNote)]
    [InlineData(NoteKind.Comment, TimelineEntryKind.Comment)]
    public void Notes_are_written_as_their_kind(NoteKind kind, TimelineEntryKind expected)
    {
        var incident = IncidentFactory.InState(IncidentState.InProgress);

        var entries = NewEntries(incident, () => incident.AddNote(kind, "  Checked the relay logs  ", IncidentFactory.Later(1)));

        var entry = entries.Should().ContainSingle().Subject;
        entry.Kind.Should().Be(expected);
        entry.Summary.Should().Be("Checked the relay logs");
        entry.Data.Should().BeEquivalentTo(new Dictionary<string, string?> { ["kind"] = kind.ToString() });
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("   ")]
    public void A_note_needs_text(string? text)
    {
        var incident = IncidentFactory.Create();
        var before = Snapshot.Of(incident);

        var act = () => incident.AddNote(NoteKind.WorkNote, text, IncidentFactory.Later(1));

        act.Should().Throw<InvalidFieldException>().Which.Field.Should().Be("text");
        before.ShouldMatch(incident);
    }

    [Fact]
    public void Major_incident_actions_write_major_incident_entries()
    {
        var incident = IncidentFactory.Create();

        var entries = NewEntries(incident, () => incident.HandleMajor(MajorIncidentAction.Propose, "All sites down", IncidentFactory.Later(1)));

        var entry = entries.Should().ContainSingle().Subject;
        entry.Kind.Should().Be(TimelineEntryKind.MajorIncident);
        entry.Summary.Should().Be("Proposed as a major incident: All sites down");
        entry.Data.Should().BeEquivalentTo(new Dictionary<string, string?>
        {
            ["action"] = "Propose",
            ["from"] = "None",
            ["to"] = "Proposed",
            ["reason"] = "All sites down",
        });
    }

    [Fact]
    public void Linking_a_problem_writes_problem_linked()
    {
        var incident = IncidentFactory.InState(IncidentState.InProgress);
        var problem = IncidentFactory.CreateProblem();

        var entries = NewEntries(incident, () => ProblemResolution.Link(problem, incident, IncidentFactory.Later(1)));

        incident.ProblemId.Should().Be(problem.Id);
        var entry = entries.Should().ContainSingle().Subject;
        entry.Kind.Should().Be(TimelineEntryKind.ProblemLinked);
        entry.Summary.Should().Be("Linked to problem PRB0001001: Mail relay outages");
        entry.Data.Should().BeEquivalentTo(new Dictionary<string, string?>
        {
            ["problemId"] = problem.Id.ToString(),
            ["problemNumber"] = "PRB0001001",
        });
    }

    [Fact]
    public void Linking_the_same_problem_again_writes_nothing()
    {
        var incident = IncidentFactory.InState(IncidentState.InProgress);
        var problem = IncidentFactory.CreateProblem();
        ProblemResolution.Link(problem, incident, IncidentFactory.Change);
        var before = Snapshot.Of(incident);

        ProblemResolution.Link(problem, incident, IncidentFactory.Later(1));

        before.ShouldMatch(incident);
    }

    [Fact]
    public void Linking_another_problem_replaces_the_link()
    {
        var incident = IncidentFactory.InState(IncidentState.InProgress);
        var first = IncidentFactory.CreateProblem("PRB0001001");
        var second = IncidentFactory.CreateProblem("PRB0001002");
        ProblemResolution.Link(first, incident, IncidentFactory.Change);

        ProblemResolution.Link(second, incident, IncidentFactory.Later(1));

        incident.ProblemId.Should().Be(second.Id);
        incident.NewTimelineEntries[^1].Data["problemNumber"].Should().Be("PRB0001002");
    }

    public static TheoryData<string> Commands() =>
    [
        "update", "transition", "assign", "assign-new", "work-note", "comment", "propose", "accept", "reject", "set-role", "free-role", "link-problem",
    ];

    /// <summary>Builds an incident ready for the command, and the command itself.</summary>
    private static (Incident Incident, Action<Change> Command) Arrange(string command)
    {
        switch (command)
        {
            case "update":
                {
                    var incident = IncidentFactory.Create();
                    return (incident, c => incident.Update(new IncidentUpdate(Impact: 1, Title: "Other"), PriorityMatrix.Default, c));
                }

            case "transition":
                {
                    var incident = IncidentFactory.InState(IncidentState.InProgress);
                    return (incident, c => incident.Transition(IncidentFactory.RequestFor(IncidentState.Resolved), ResolutionCodes.Default, c));
                }

            case "assign":
                {
                    var incident = IncidentFactory.InState(IncidentState.InProgress);
                    return (incident, c => incident.Assign("Network", "grace", c));
                }

            case "assign-new":
                {
                    var incident = IncidentFactory.Create();
                    return (incident, c => incident.Assign("Network", "grace", c));
                }

            case "work-note":
                {
                    var incident = IncidentFactory.Create();
                    return (incident, c => incident.AddNote(NoteKind.WorkNote, "note", c));
                }

            case "comment":
                {
                    var incident = IncidentFactory.Create();
                    return (incident, c => incident.AddNote(NoteKind.Comment, "comment", c));
                }

            case "propose":
                {
                    var incident = IncidentFactory.Create();
                    return (incident, c => incident.HandleMajor(MajorIncidentAction.Propose, "why", c));
                }

            case "accept":
                {
                    var incident = IncidentFactory.Create();
                    incident.HandleMajor(MajorIncidentAction.Propose, "why", IncidentFactory.Change);
                    return (incident, c => incident.HandleMajor(MajorIncidentAction.Accept, null, c));
                }

            case "reject":
                {
                    var incident = IncidentFactory.Create();
                    incident.HandleMajor(MajorIncidentAction.Propose, "why", IncidentFactory.Change);
                    return (incident, c => incident.HandleMajor(MajorIncidentAction.Reject, "not major", c));
                }

            case "set-role":
                {
                    var incident = IncidentFactory.Create();
                    incident.HandleMajor(MajorIncidentAction.Propose, "why", IncidentFactory.Change);
                    return (incident, c => incident.SetRole(IcsRole.Scribe, "ivan", c));
                }

            case "free-role":
                {
                    var incident = IncidentFactory.Create();
                    incident.HandleMajor(MajorIncidentAction.Propose, "why", IncidentFactory.Change);
                    incident.SetRole(IcsRole.Scribe, "ivan", IncidentFactory.Change);
                    return (incident, c => incident.SetRole(IcsRole.Scribe, "", c));
                }

            case "link-problem":
                {
                    var incident = IncidentFactory.Create();
                    var problem = IncidentFactory.CreateProblem();
                    return (incident, c => ProblemResolution.Link(problem, incident, c));
                }

            default:
                throw new ArgumentOutOfRangeException(nameof(command), command, null);
        }
    }

    [Theory]
    [MemberData(nameof(Commands))]
    public void Every_accepted_command_bumps_the_version_once_and_stamps_its_entries_with_the_change(string command)
    {
        var (incident, run) = Arrange(command);
        var version = incident.Version;
        var change = new Change("judy", IncidentFactory.Now.AddHours(3));

        var entries = NewEntries(incident, () => run(change));

        incident.Version.Should().Be(version + 1);
        incident.UpdatedAt.Should().Be(change.At);
        entries.Should().NotBeEmpty()
            .And.OnlyContain(e => e.Actor == "judy" && e.At == change.At && e.IncidentId == incident.Id);
    }

    [Fact]
    public void Timeline_entries_keep_the_order_they_were_written_in()
    {
        var incident = IncidentFactory.InState(IncidentState.Closed);

        incident.NewTimelineEntries.Select(e => e.Kind).Should().Equal(
            TimelineEntryKind.Created,
            TimelineEntryKind.AssignmentChanged,
            TimelineEntryKind.StateChanged,
            TimelineEntryKind.StateChanged,
            TimelineEntryKind.StateChanged,
            TimelineEntryKind.StateChanged);
        incident.NewTimelineEntries.Skip(2).Select(e => e.Data["to"]).Should().Equal("Assigned", "InProgress", "Resolved", "Closed");
        incident.Version.Should().Be(5);
    }

    [Fact]
    public void Clearing_new_entries_empties_the_pending_list()
    {
        var incident = IncidentFactory.InState(IncidentState.Assigned);

        incident.ClearNewTimelineEntries();

        incident.NewTimelineEntries.Should().BeEmpty();
        incident.Version.Should().Be(2);
    }
}
