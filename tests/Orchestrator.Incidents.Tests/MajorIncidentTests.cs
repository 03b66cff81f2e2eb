using Orchestrator.Incidents.Errors;
using Orchestrator.Incidents.Lifecycle;
using Orchestrator.Incidents.Major;
using Orchestrator.Incidents.Priority;
using Orchestrator.Incidents.Problems;
using Orchestrator.Incidents.Timeline;

namespace Orchestrator.Incidents.Tests;

public class MajorIncidentTests
{
    private static Incident Proposed()
    {
        var incident = IncidentFactory.Create();
        incident.HandleMajor(MajorIncidentAction.Propose, "Whole site affected", IncidentFactory.Change);
        return incident;
    }

    [Fact]
    public void A_new_incident_is_not_major_and_may_only_be_proposed()
    {
        var incident = IncidentFactory.Create();

        incident.MajorStatus.Should().Be(MajorIncidentStatus.None);
        incident.MajorReason.Should().BeNull();
        incident.Roles.Should().BeEmpty();
        incident.AllowedMajorActions().Should().Equal(MajorIncidentAction.Propose);
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("   ")]
    public void Propose_requires_a_reason(string? reason)
    {
        var incident = IncidentFactory.Create();
        var before = Snapshot.Of(incident);

        var act = () => incident.HandleMajor(MajorIncidentAction.Propose, reason, IncidentFactory.Later(1));

        act.Should().Throw<InvalidFieldException>().Which.Field.Should().Be("reason");
        before.ShouldMatch(incident);
        incident.MajorStatus.Should().Be(MajorIncidentStatus.None);
    }

    [Fact]
    public void Propose_marks_the_incident_proposed_with_its_reason()
    {
        var incident = IncidentFactory.Create();

        incident.HandleMajor(MajorIncidentAction.Propose, " Whole site affected ", IncidentFactory.Later(1));

        incident.MajorStatus.Should().Be(MajorIncidentStatus.Proposed);
        incident.MajorReason.Should().Be("Whole site affected");
        incident.Version.Should().Be(2);
        incident.AllowedMajorActions().Should().Equal(MajorIncidentAction.Accept, MajorIncidentAction.Reject);
    }

    [Fact]
    public void An_action_on_an_accepted_major_incident_says_none_is_possible_instead_of_listing_an_empty_set()
    {
        var incident = Proposed();
        incident.HandleMajor(MajorIncidentAction.Accept, null, IncidentFactory.Later(1));

        var refused = () => incident.HandleMajor(MajorIncidentAction.Reject, "changed our minds", IncidentFactory.Later(2));

        refused.Should().Throw<IllegalTransitionException>()
            .WithMessage("Cannot Reject a major incident while its status is Accepted: no major-incident action is possible now.");
    }

    [Fact]
    public void Accept_from_proposed_makes_it_major_and_keeps_the_reason()
    {
        var incident = Proposed();

        incident.HandleMajor(MajorIncidentAction.Accept, null, IncidentFactory.Later(1));

        incident.MajorStatus.Should().Be(MajorIncidentStatus.Accepted);
        incident.MajorReason.Should().Be("Whole site affected");
        incident.AllowedMajorActions().Should().BeEmpty();
        var entry = incident.NewTimelineEntries[^1];
        entry.Kind.Should().Be(TimelineEntryKind.MajorIncident);
        entry.Summary.Should().Be("Accepted as a major incident");
        entry.Data["action"].Should().Be("Accept");
        entry.Data["from"].Should().Be("Proposed");
        entry.Data["to"].Should().Be("Accepted");
        entry.Data["reason"].Should().BeNull();
    }

    [Fact]
    public void Accept_with_a_reason_replaces_the_reason()
    {
        var incident = Proposed();

        incident.HandleMajor(MajorIncidentAction.Accept, "Confirmed by duty manager", IncidentFactory.Later(1));

        incident.MajorReason.Should().Be("Confirmed by duty manager");
    }

    [Theory]
    [InlineData(null)]
    [InlineData(" ")]
    public void Reject_requires_a_reason(string? reason)
    {
        var incident = Proposed();
        var before = Snapshot.Of(incident);

        var act = () => incident.HandleMajor(MajorIncidentAction.Reject, reason, IncidentFactory.Later(1));

        act.Should().Throw<InvalidFieldException>().Which.Field.Should().Be("reason");
        before.ShouldMatch(incident);
        incident.MajorStatus.Should().Be(MajorIncidentStatus.Proposed);
    }

    [Fact]
    public void Reject_then_propose_again_is_allowed()
    {
        var incident = Proposed();

        incident.HandleMajor(MajorIncidentAction.Reject, "Only one team affected", IncidentFactory.Later(1));
        incident.MajorStatus.Should().Be(MajorIncidentStatus.Rejected);
        incident.MajorReason.Should().Be("Only one team affected");
        incident.NewTimelineEntries[^1].Summary.Should().Be("Major incident proposal rejected: Only one team affected");
        incident.AllowedMajorActions().Should().Equal(MajorIncidentAction.Propose);

        incident.HandleMajor(MajorIncidentAction.Propose, "Now spreading to all teams", IncidentFactory.Later(2));

        incident.MajorStatus.Should().Be(MajorIncidentStatus.Proposed);
        incident.MajorReason.Should().Be("Now spreading to all teams");
        incident.NewTimelineEntries[^1].Data["from"].Should().Be("Rejected");
    }

    public static TheoryData<string, MajorIncidentAction, string[]> IllegalMajorActions() => new()
    {
        { "None", MajorIncidentAction.Accept, ["Propose"] },
        { "None", MajorIncidentAction.Reject, ["Propose"] },
        { "Proposed", MajorIncidentAction.Propose, ["Accept", "Reject"] },
        { "Accepted", MajorIncidentAction.Propose, [] },
        { "Accepted", MajorIncidentAction.Accept, [] },
        { "Accepted", MajorIncidentAction.Reject, [] },
        { "Rejected", MajorIncidentAction.Accept, ["Propose"] },
        { "Rejected", MajorIncidentAction.Reject, ["Propose"] },
    };

    [Theory]
    [MemberData(nameof(IllegalMajorActions))]
    public void Illegal_major_actions_are_rejected_with_the_allowed_actions(string status, MajorIncidentAction action, string[] allowed)
    {
        var incident = IncidentFactory.Create();
        if (status != "None")
        {
            incident.HandleMajor(MajorIncidentAction.Propose, "why", IncidentFactory.Change);
        }

        if (status == "Accepted")
        {
            incident.HandleMajor(MajorIncidentAction.Accept, null, IncidentFactory.Change);
        }
        else if (status == "Rejected")
        {
            incident.HandleMajor(MajorIncidentAction.Reject, "why not", IncidentFactory.Change);
        }

        incident.MajorStatus.ToString().Should().Be(status);
        var before = Snapshot.Of(incident);

        var act = () => incident.HandleMajor(action, "a reason", IncidentFactory.Later(1));

        var error = act.Should().Throw<IllegalTransitionException>().Which;
        error.Allowed.Should().Equal(allowed);
        error.Current.Should().Be(status);
        error.Attempted.Should().Be(action.ToString());
        before.ShouldMatch(incident);
        incident.MajorStatus.ToString().Should().Be(status);
    }

    [Fact]
    public void Setting_a_role_before_propose_is_rejected()
    {
        var incident = IncidentFactory.Create();
        var before = Snapshot.Of(incident);

        var act = () => incident.SetRole(IcsRole.IncidentCommander, "heidi", IncidentFactory.Later(1));

        var error = act.Should().Throw<IllegalTransitionException>().Which;
        error.Allowed.Should().Equal("Propose");
        error.Current.Should().Be("None");
        before.ShouldMatch(incident);
        incident.Roles.Should().BeEmpty();
    }

    [Fact]
    public void Setting_a_role_after_rejection_is_rejected()
    {
        var incident = Proposed();
        incident.HandleMajor(MajorIncidentAction.Reject, "not major", IncidentFactory.Change);

        var act = () => incident.SetRole(IcsRole.Scribe, "ivan", IncidentFactory.Later(1));

        act.Should().Throw<IllegalTransitionException>().Which.Current.Should().Be("Rejected");
    }

    [Fact]
    public void A_role_can_be_set_once_proposed_and_once_accepted()
    {
        var incident = Proposed();

        incident.SetRole(IcsRole.IncidentCommander, " heidi ", IncidentFactory.Later(1));
        incident.HandleMajor(MajorIncidentAction.Accept, null, IncidentFactory.Later(2));
        incident.SetRole(IcsRole.Scribe, "ivan", IncidentFactory.Later(3));

        incident.Roles.Should().BeEquivalentTo(new Dictionary<IcsRole, string>
        {
            [IcsRole.IncidentCommander] = "heidi",
            [IcsRole.Scribe] = "ivan",
        });
    }

    [Theory]
    [InlineData(IcsRole.IncidentCommander)]
    [InlineData(IcsRole.Scribe)]
    [InlineData(IcsRole.CommunicationsLead)]
    [InlineData(IcsRole.OperationsLead)]
    [InlineData(IcsRole.SubjectMatterExpert)]
    public void Each_ics_role_can_be_staffed(IcsRole role)
    {
        var incident = Proposed();

        incident.SetRole(role, "kim", IncidentFactory.Later(1));

        incident.Roles.Should().ContainSingle().Which.Should().Be(new KeyValuePair<IcsRole, string>(role, "kim"));
        incident.NewTimelineEntries[^1].Data["role"].Should().Be(role.ToString());
    }

    [Fact]
    public void There_are_five_ics_roles() => Enum.GetValues<IcsRole>().Should().HaveCount(5);

    [Fact]
    public void Handing_a_role_over_records_the_previous_holder()
    {
        var incident = Proposed();
        incident.SetRole(IcsRole.OperationsLead, "kim", IncidentFactory.Change);

        incident.SetRole(IcsRole.OperationsLead, "lee", IncidentFactory.Later(1));

        incident.Roles[IcsRole.OperationsLead].Should().Be("lee");
        incident.NewTimelineEntries[^1].Data["from"].Should().Be("kim");
        incident.NewTimelineEntries[^1].Data["to"].Should().Be("lee");
    }

    [Theory]
    [InlineData("")]
    [InlineData("  ")]
    [InlineData(null)]
    public void An_empty_user_frees_the_role(string? user)
    {
        var incident = Proposed();
        incident.SetRole(IcsRole.CommunicationsLead, "kim", IncidentFactory.Change);
        incident.SetRole(IcsRole.Scribe, "ivan", IncidentFactory.Change);
        var version = incident.Version;

        incident.SetRole(IcsRole.CommunicationsLead, user, IncidentFactory.Later(1));

        incident.Roles.Should().NotContainKey(IcsRole.CommunicationsLead);
        incident.Roles.Should().ContainKey(IcsRole.Scribe);
        incident.Version.Should().Be(version + 1);
        var entry = incident.NewTimelineEntries[^1];
        entry.Kind.Should().Be(TimelineEntryKind.RoleChanged);
        entry.Summary.Should().Be("CommunicationsLead role freed (was kim)");
        entry.Data["from"].Should().Be("kim");
        entry.Data["to"].Should().BeNull();
    }

    [Fact]
    public void Setting_the_same_holder_again_writes_nothing()
    {
        var incident = Proposed();
        incident.SetRole(IcsRole.Scribe, "ivan", IncidentFactory.Change);
        var before = Snapshot.Of(incident);

        incident.SetRole(IcsRole.Scribe, "ivan", IncidentFactory.Later(1));
        incident.SetRole(IcsRole.IncidentCommander, "", IncidentFactory.Later(1));

        before.ShouldMatch(incident);
    }

    public static TheoryData<IncidentState, string> FinalStateCommands()
    {
        var data = new TheoryData<IncidentState, string>();
        foreach (var state in new[] { IncidentState.Closed, IncidentState.Cancelled })
        {
            foreach (var command in new[] { "assign", "note", "update", "major", "role", "link" })
            {
                data.Add(state, command);
            }
        }

        return data;
    }

    [Theory]
    [MemberData(nameof(FinalStateCommands))]
    public void Closed_and_cancelled_incidents_reject_changes(IncidentState state, string command)
    {
        var incident = IncidentFactory.FinalMajor(state);
        var before = Snapshot.Of(incident);
        var change = IncidentFactory.Later(100);
        Action act = command switch
        {
            "assign" => () => incident.Assign("Network", "grace", change),
            "note" => () => incident.AddNote(NoteKind.Comment, "hello", change),
            "update" => () => incident.Update(new IncidentUpdate(Title: "Changed"), PriorityMatrix.Default, change),
            "major" => () => incident.HandleMajor(MajorIncidentAction.Accept, null, change),
            "role" => () => incident.SetRole(IcsRole.IncidentCommander, "heidi", change),
            _ => () => ProblemResolution.Link(IncidentFactory.CreateProblem(), incident, change),
        };

        var error = act.Should().Throw<IllegalTransitionException>().Which;
        error.Current.Should().Be(state.ToString());
        error.Allowed.Should().BeEmpty();
        before.ShouldMatch(incident);
        incident.MajorStatus.Should().Be(MajorIncidentStatus.Proposed);
        incident.Roles.Should().BeEmpty();
        incident.ProblemId.Should().BeNull();
    }
}
