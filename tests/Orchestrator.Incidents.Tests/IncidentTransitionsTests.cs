using Orchestrator.Incidents.Errors;
using Orchestrator.Incidents.Lifecycle;
using Orchestrator.Incidents.Timeline;

namespace Orchestrator.Incidents.Tests;

public class IncidentTransitionsTests
{
    public static TheoryData<IncidentState, IncidentState> LegalPairs()
    {
        var data = new TheoryData<IncidentState, IncidentState>();
        foreach (var from in Enum.GetValues<IncidentState>())
        {
            foreach (var to in IncidentTransitions.AllowedFrom(from))
            {
                data.Add(from, to);
            }
        }

        return data;
    }

    public static TheoryData<IncidentState, IncidentState> IllegalPairs()
    {
        var data = new TheoryData<IncidentState, IncidentState>();
        foreach (var from in Enum.GetValues<IncidentState>())
        {
            foreach (var to in Enum.GetValues<IncidentState>())
            {
                if (!IncidentTransitions.AllowedFrom(from).Contains(to))
                {
                    data.Add(from, to);
                }
            }
        }

        return data;
    }

    [Fact]
    public void The_table_is_the_documented_itil_lifecycle()
    {
        IncidentTransitions.AllowedFrom(IncidentState.New).Should().Equal(
            IncidentState.Assigned, IncidentState.InProgress, IncidentState.OnHold, IncidentState.Resolved, IncidentState.Cancelled);
        IncidentTransitions.AllowedFrom(IncidentState.Assigned).Should().Equal(
            IncidentState.InProgress, IncidentState.OnHold, IncidentState.Resolved, IncidentState.Cancelled);
        IncidentTransitions.AllowedFrom(IncidentState.InProgress).Should().Equal(
            IncidentState.OnHold, IncidentState.Resolved, IncidentState.Cancelled);
        IncidentTransitions.AllowedFrom(IncidentState.OnHold).Should().Equal(
            IncidentState.InProgress, IncidentState.Resolved, IncidentState.Cancelled);
        IncidentTransitions.AllowedFrom(IncidentState.Resolved).Should().Equal(IncidentState.InProgress, IncidentState.Closed);
        IncidentTransitions.AllowedFrom(IncidentState.Closed).Should().BeEmpty();
        IncidentTransitions.AllowedFrom(IncidentState.Cancelled).Should().BeEmpty();
    }

    [Fact]
    public void The_pair_lists_cover_all_49_pairs_of_the_7_states()
    {
        LegalPairs().Should().HaveCount(17);
        IllegalPairs().Should().HaveCount(32);
    }

    [Theory]
    [InlineData(IncidentState.Closed, true)]
    [InlineData(IncidentState.Cancelled, true)]
    [InlineData(IncidentState.New, false)]
    [InlineData(IncidentState.Assigned, false)]
    [InlineData(IncidentState.InProgress, false)]
    [InlineData(IncidentState.OnHold, false)]
    [InlineData(IncidentState.Resolved, false)]
    public void Only_closed_and_cancelled_are_final(IncidentState state, bool final) =>
        IncidentTransitions.IsFinal(state).Should().Be(final);

    [Theory]
    [MemberData(nameof(LegalPairs))]
    public void Legal_transition_moves_the_incident_and_records_it(IncidentState from, IncidentState to)
    {
        var incident = IncidentFactory.InState(from);
        var before = Snapshot.Of(incident);
        var change = IncidentFactory.Later(10);

        IncidentFactory.Move(incident, to, change);

        incident.State.Should().Be(to);
        incident.Version.Should().Be(before.Version + 1);
        incident.UpdatedAt.Should().Be(change.At);
        var entry = incident.NewTimelineEntries.Last(e => e.Kind == TimelineEntryKind.StateChanged);
        entry.Data["from"].Should().Be(from.ToString());
        entry.Data["to"].Should().Be(to.ToString());
        entry.Actor.Should().Be(change.Actor);
        entry.At.Should().Be(change.At);
    }

    [Theory]
    [MemberData(nameof(IllegalPairs))]
    public void Illegal_transition_is_rejected_with_the_allowed_targets_and_changes_nothing(IncidentState from, IncidentState to)
    {
        var incident = IncidentFactory.InState(from);
        var before = Snapshot.Of(incident);

        var act = () => incident.Transition(IncidentFactory.RequestFor(to), ResolutionCodes.Default, IncidentFactory.Later(10));

        var error = act.Should().Throw<IllegalTransitionException>().Which;
        error.Allowed.Should().Equal(IncidentTransitions.AllowedFrom(from).Select(s => s.ToString()));
        error.Current.Should().Be(from.ToString());
        error.Attempted.Should().Be(to.ToString());
        before.ShouldMatch(incident);
    }

    [Fact]
    public void Illegal_transition_is_checked_before_the_details()
    {
        var incident = IncidentFactory.InState(IncidentState.Closed);

        var act = () => incident.Transition(new TransitionRequest(IncidentState.OnHold), ResolutionCodes.Default, IncidentFactory.Change);

        act.Should().Throw<IllegalTransitionException>().Which.Allowed.Should().BeEmpty();
    }
}
