using Orchestrator.Incidents.Lifecycle;
using Orchestrator.Incidents.Timeline;

namespace Orchestrator.Incidents.Tests;

public class IncidentLifecycleTests
{
    private static readonly ResolutionCodes Codes = ResolutionCodes.Default;

    [Fact]
    public void A_created_incident_is_new_and_not_yet_responded_resolved_or_closed()
    {
        var incident = IncidentFactory.Create();

        incident.State.Should().Be(IncidentState.New);
        incident.Version.Should().Be(1);
        incident.CreatedAt.Should().Be(IncidentFactory.Now);
        incident.UpdatedAt.Should().Be(IncidentFactory.Now);
        incident.RespondedAt.Should().BeNull();
        incident.ResolvedAt.Should().BeNull();
        incident.ClosedAt.Should().BeNull();
        incident.ReopenCount.Should().Be(0);
        incident.Severity.Should().Be(3);
    }

    [Fact]
    public void Resolving_records_code_notes_and_time()
    {
        var incident = IncidentFactory.InState(IncidentState.InProgress);
        var change = IncidentFactory.Later(30);

        incident.Transition(new TransitionRequest(IncidentState.Resolved, ResolutionCode: "Workaround", Notes: " Routed mail via backup relay "), Codes, change);

        incident.ResolutionCode.Should().Be("Workaround");
        incident.ResolutionNotes.Should().Be("Routed mail via backup relay");
        incident.ResolvedAt.Should().Be(change.At);
    }

    [Fact]
    public void Resolved_to_in_progress_reopens_and_clears_the_resolution()
    {
        var incident = IncidentFactory.InState(IncidentState.Resolved);
        incident.ResolutionCode.Should().NotBeNull();

        incident.Transition(new TransitionRequest(IncidentState.InProgress, Notes: "Still failing"), Codes, IncidentFactory.Later(60));

        incident.State.Should().Be(IncidentState.InProgress);
        incident.ResolutionCode.Should().BeNull();
        incident.ResolutionNotes.Should().BeNull();
        incident.ResolvedAt.Should().BeNull();
        incident.ReopenCount.Should().Be(1);
        var entry = incident.NewTimelineEntries[^1];
        entry.Kind.Should().Be(TimelineEntryKind.StateChanged);
        entry.Summary.Should().Be("Reopened: Resolved → InProgress: Still failing");
        entry.Data["reopened"].Should().Be("true");
        entry.Data["from"].Should().Be("Resolved");
        entry.Data["to"].Should().Be("InProgress");
    }

    [Fact]
    public void Every_reopen_is_counted()
    {
        var incident = IncidentFactory.InState(IncidentState.Resolved);

        IncidentFactory.Move(incident, IncidentState.InProgress);
        IncidentFactory.Move(incident, IncidentState.Resolved);
        IncidentFactory.Move(incident, IncidentState.InProgress);

        incident.ReopenCount.Should().Be(2);
    }

    [Fact]
    public void Moving_to_in_progress_from_elsewhere_is_not_a_reopen()
    {
        var incident = IncidentFactory.InState(IncidentState.OnHold);

        IncidentFactory.Move(incident, IncidentState.InProgress);

        incident.ReopenCount.Should().Be(0);
        incident.NewTimelineEntries[^1].Data.Should().NotContainKey("reopened");
    }

    [Fact]
    public void Closing_sets_closed_at()
    {
        var incident = IncidentFactory.InState(IncidentState.Resolved);
        incident.ClosedAt.Should().BeNull();
        var change = IncidentFactory.Later(120);

        IncidentFactory.Move(incident, IncidentState.Closed, change);

        incident.ClosedAt.Should().Be(change.At);
    }

    [Fact]
    public void Cancelling_does_not_set_closed_at()
    {
        var incident = IncidentFactory.InState(IncidentState.Cancelled);

        incident.ClosedAt.Should().BeNull();
    }

    [Fact]
    public void First_move_to_in_progress_sets_responded_at_and_later_moves_keep_it()
    {
        var incident = IncidentFactory.InState(IncidentState.Assigned);
        incident.RespondedAt.Should().BeNull();
        var first = IncidentFactory.Later(5);

        IncidentFactory.Move(incident, IncidentState.InProgress, first);
        IncidentFactory.Move(incident, IncidentState.OnHold, IncidentFactory.Later(10));
        IncidentFactory.Move(incident, IncidentState.InProgress, IncidentFactory.Later(20));
        IncidentFactory.Move(incident, IncidentState.Resolved, IncidentFactory.Later(30));
        IncidentFactory.Move(incident, IncidentState.InProgress, IncidentFactory.Later(40));

        incident.RespondedAt.Should().Be(first.At);
    }

    [Theory]
    [InlineData(IncidentState.Assigned)]
    [InlineData(IncidentState.OnHold)]
    [InlineData(IncidentState.Resolved)]
    [InlineData(IncidentState.Cancelled)]
    public void Moves_other_than_to_in_progress_do_not_set_responded_at(IncidentState to)
    {
        var incident = IncidentFactory.Create();

        IncidentFactory.Move(incident, to);

        incident.RespondedAt.Should().BeNull();
    }

    [Theory]
    [InlineData(IncidentState.InProgress)]
    [InlineData(IncidentState.Resolved)]
    [InlineData(IncidentState.Cancelled)]
    public void Leaving_on_hold_clears_the_hold_reason(IncidentState to)
    {
        var incident = IncidentFactory.InState(IncidentState.OnHold);
        incident.HoldReason.Should().Be(HoldReason.AwaitingVendor);

        IncidentFactory.Move(incident, to);

        incident.State.Should().Be(to);
        incident.HoldReason.Should().BeNull();
    }

    [Fact]
    public void State_change_entry_carries_from_to_and_notes()
    {
        var incident = IncidentFactory.InState(IncidentState.Assigned);
        var change = IncidentFactory.Later(3, "carol");

        incident.Transition(new TransitionRequest(IncidentState.InProgress, Notes: "Looking into it"), Codes, change);

        var entry = incident.NewTimelineEntries[^1];
        entry.Kind.Should().Be(TimelineEntryKind.StateChanged);
        entry.IncidentId.Should().Be(incident.Id);
        entry.Actor.Should().Be("carol");
        entry.At.Should().Be(change.At);
        entry.Summary.Should().Be("State changed from Assigned to InProgress: Looking into it");
        entry.Data.Should().BeEquivalentTo(new Dictionary<string, string?>
        {
            ["from"] = "Assigned",
            ["to"] = "InProgress",
            ["notes"] = "Looking into it",
        });
    }
}
