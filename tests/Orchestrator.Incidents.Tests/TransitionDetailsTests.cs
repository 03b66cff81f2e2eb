using Orchestrator.Incidents.Errors;
using Orchestrator.Incidents.Lifecycle;
using Orchestrator.Incidents.Timeline;

namespace Orchestrator.Incidents.Tests;

public class TransitionDetailsTests
{
    private static void ShouldRejectField(IncidentState from, TransitionRequest request, string field, ResolutionCodes? codes = null)
    {
        var incident = IncidentFactory.InState(from);
        var before = Snapshot.Of(incident);
        var resolutionBefore = (incident.ResolutionCode, incident.ResolutionNotes, incident.ResolvedAt, incident.HoldReason);

        var act = () => incident.Transition(request, codes ?? ResolutionCodes.Default, IncidentFactory.Later(10));

        act.Should().Throw<InvalidFieldException>().Which.Field.Should().Be(field);
        before.ShouldMatch(incident);
        (incident.ResolutionCode, incident.ResolutionNotes, incident.ResolvedAt, incident.HoldReason).Should().Be(resolutionBefore);
    }

    [Fact]
    public void On_hold_without_a_hold_reason_is_rejected() =>
        ShouldRejectField(IncidentState.InProgress, new TransitionRequest(IncidentState.OnHold, Notes: "waiting"), "holdReason");

    [Fact]
    public void Awaiting_caller_without_notes_is_rejected() =>
        ShouldRejectField(IncidentState.InProgress, new TransitionRequest(IncidentState.OnHold, HoldReason.AwaitingCaller), "notes");

    [Fact]
    public void Awaiting_caller_with_blank_notes_is_rejected() =>
        ShouldRejectField(IncidentState.InProgress, new TransitionRequest(IncidentState.OnHold, HoldReason.AwaitingCaller, Notes: "   "), "notes");

    [Fact]
    public void Awaiting_caller_with_notes_puts_the_incident_on_hold()
    {
        var incident = IncidentFactory.InState(IncidentState.InProgress);
        var entries = incident.NewTimelineEntries.Count;

        incident.Transition(new TransitionRequest(IncidentState.OnHold, HoldReason.AwaitingCaller, Notes: " Send the error screenshot "),
            ResolutionCodes.Default, IncidentFactory.Change);

        incident.State.Should().Be(IncidentState.OnHold);
        incident.HoldReason.Should().Be(HoldReason.AwaitingCaller);
        var entry = incident.NewTimelineEntries.Should().HaveCount(entries + 1).And.Subject.Last();
        entry.Kind.Should().Be(TimelineEntryKind.StateChanged);
        entry.Summary.Should().Be("State changed from InProgress to OnHold (AwaitingCaller): Send the error screenshot");
        entry.Data["holdReason"].Should().Be("AwaitingCaller");
        entry.Data["notes"].Should().Be("Send the error screenshot");
    }

    [Theory]
    [InlineData(HoldReason.AwaitingChange)]
    [InlineData(HoldReason.AwaitingProblem)]
    [InlineData(HoldReason.AwaitingVendor)]
    public void Other_hold_reasons_need_no_notes(HoldReason reason)
    {
        var incident = IncidentFactory.InState(IncidentState.InProgress);

        incident.Transition(new TransitionRequest(IncidentState.OnHold, reason), ResolutionCodes.Default, IncidentFactory.Change);

        incident.State.Should().Be(IncidentState.OnHold);
        incident.HoldReason.Should().Be(reason);
        incident.NewTimelineEntries[^1].Data["notes"].Should().BeNull();
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("   ")]
    public void Resolving_without_a_resolution_code_is_rejected(string? code) =>
        ShouldRejectField(IncidentState.InProgress, new TransitionRequest(IncidentState.Resolved, ResolutionCode: code, Notes: "done"), "resolutionCode");

    [Fact]
    public void Resolving_with_an_unknown_resolution_code_is_rejected() =>
        ShouldRejectField(IncidentState.InProgress, new TransitionRequest(IncidentState.Resolved, ResolutionCode: "Magic", Notes: "done"), "resolutionCode");

    [Theory]
    [InlineData("fixed", "Fixed")]
    [InlineData("WORKAROUND", "Workaround")]
    [InlineData("  notreproducible ", "NotReproducible")]
    public void Resolution_code_is_matched_case_insensitively_and_stored_in_the_configured_spelling(string given, string stored)
    {
        var incident = IncidentFactory.InState(IncidentState.InProgress);

        incident.Transition(new TransitionRequest(IncidentState.Resolved, ResolutionCode: given, Notes: "done"), ResolutionCodes.Default, IncidentFactory.Change);

        incident.State.Should().Be(IncidentState.Resolved);
        incident.ResolutionCode.Should().Be(stored);
        var entry = incident.NewTimelineEntries[^1];
        entry.Data["resolutionCode"].Should().Be(stored);
        entry.Summary.Should().Be($"Resolved ({stored}): done");
    }

    [Theory]
    [InlineData(null)]
    [InlineData("  ")]
    public void Resolving_without_notes_is_rejected(string? notes) =>
        ShouldRejectField(IncidentState.InProgress, new TransitionRequest(IncidentState.Resolved, ResolutionCode: "Fixed", Notes: notes), "notes");

    [Fact]
    public void Notes_longer_than_the_long_text_limit_are_rejected() =>
        ShouldRejectField(IncidentState.InProgress,
            new TransitionRequest(IncidentState.Resolved, ResolutionCode: "Fixed", Notes: new string('x', 32_001)), "notes");

    [Theory]
    [InlineData(IncidentState.InProgress, IncidentState.Resolved)]
    [InlineData(IncidentState.InProgress, IncidentState.Cancelled)]
    [InlineData(IncidentState.OnHold, IncidentState.InProgress)]
    [InlineData(IncidentState.Resolved, IncidentState.Closed)]
    public void Hold_reason_is_rejected_when_not_moving_to_on_hold(IncidentState from, IncidentState to) =>
        ShouldRejectField(from, new TransitionRequest(to, HoldReason.AwaitingVendor, ResolutionCode: to == IncidentState.Resolved ? "Fixed" : null, Notes: "n"),
            "holdReason");

    [Theory]
    [InlineData(IncidentState.Assigned, IncidentState.InProgress)]
    [InlineData(IncidentState.InProgress, IncidentState.Cancelled)]
    [InlineData(IncidentState.Resolved, IncidentState.Closed)]
    [InlineData(IncidentState.Resolved, IncidentState.InProgress)]
    public void Resolution_code_is_rejected_when_not_resolving(IncidentState from, IncidentState to) =>
        ShouldRejectField(from, new TransitionRequest(to, ResolutionCode: "Fixed", Notes: "n"), "resolutionCode");

    [Fact]
    public void Resolution_code_is_rejected_when_putting_on_hold() =>
        ShouldRejectField(IncidentState.InProgress, new TransitionRequest(IncidentState.OnHold, HoldReason.AwaitingVendor, ResolutionCode: "Fixed"),
            "resolutionCode");

    [Fact]
    public void Moving_to_assigned_without_a_group_or_assignee_is_rejected() =>
        ShouldRejectField(IncidentState.New, new TransitionRequest(IncidentState.Assigned), "assignee");

    [Fact]
    public void Moving_to_assigned_with_an_assignee_assigns_and_records_both_changes()
    {
        var incident = IncidentFactory.Create();

        incident.Transition(new TransitionRequest(IncidentState.Assigned, AssignmentGroup: "Network", Assignee: "frank"), ResolutionCodes.Default, IncidentFactory.Change);

        incident.State.Should().Be(IncidentState.Assigned);
        incident.Assignee.Should().Be("frank");
        incident.AssignmentGroup.Should().Be("Network");
        incident.NewTimelineEntries.Skip(1).Select(e => e.Kind).Should().Equal(TimelineEntryKind.AssignmentChanged, TimelineEntryKind.StateChanged);
        incident.Version.Should().Be(2);
    }

    [Fact]
    public void An_assignee_is_rejected_when_not_moving_to_assigned() =>
        ShouldRejectField(IncidentState.New, new TransitionRequest(IncidentState.InProgress, Assignee: "frank"), "assignee");

    [Fact]
    public void A_custom_resolution_code_set_is_used_for_resolving()
    {
        var codes = new ResolutionCodes(["Patched", " Rebooted ", "Patched", ""]);
        var incident = IncidentFactory.InState(IncidentState.InProgress);

        incident.Transition(new TransitionRequest(IncidentState.Resolved, ResolutionCode: "rebooted", Notes: "rebooted the relay"), codes, IncidentFactory.Change);

        codes.All.Should().Equal("Patched", "Rebooted");
        incident.ResolutionCode.Should().Be("Rebooted");
    }

    [Fact]
    public void A_default_code_missing_from_a_custom_set_is_rejected() =>
        ShouldRejectField(IncidentState.InProgress, new TransitionRequest(IncidentState.Resolved, ResolutionCode: "Fixed", Notes: "done"), "resolutionCode",
            new ResolutionCodes(["Patched"]));

    [Fact]
    public void A_resolution_code_set_needs_at_least_one_code()
    {
        var act = () => new ResolutionCodes([" ", ""]);

        act.Should().Throw<ArgumentException>().Which.ParamName.Should().Be("codes");
    }

    [Fact]
    public void The_default_resolution_codes_are_itils_usual_set() =>
        ResolutionCodes.Default.All.Should().Equal("Fixed", "Workaround", "NotReproducible", "ResolvedByCaller", "Duplicate", "NotAnIncident");
}
