using Orchestrator.Incidents.Errors;
using Orchestrator.Incidents.Lifecycle;
using Orchestrator.Incidents.Problems;
using Orchestrator.Incidents.Timeline;

namespace Orchestrator.Incidents.Tests;

public class ProblemResolutionTests
{
    private static readonly Change Resolution = new("pat", IncidentFactory.Now.AddDays(2));

    [Fact]
    public void A_created_problem_is_open_at_version_one()
    {
        var problem = IncidentFactory.CreateProblem();

        problem.State.Should().Be(ProblemState.Open);
        problem.Version.Should().Be(1);
        problem.Number.Should().Be("PRB0001001");
        problem.RootCause.Should().Be("Mail relay certificate expired");
        problem.ResolvedAt.Should().BeNull();
    }

    [Fact]
    public void Resolving_a_problem_resolves_exactly_the_linked_incidents_waiting_for_it()
    {
        var problem = IncidentFactory.CreateProblem();
        var other = IncidentFactory.CreateProblem("PRB0001002");
        var waitingA = IncidentFactory.AwaitingProblem(problem);
        var waitingB = IncidentFactory.AwaitingProblem(problem);
        var inProgress = IncidentFactory.InState(IncidentState.InProgress);
        ProblemResolution.Link(problem, inProgress, IncidentFactory.Change);
        var onHoldForVendor = IncidentFactory.InState(IncidentState.InProgress);
        ProblemResolution.Link(problem, onHoldForVendor, IncidentFactory.Change);
        IncidentFactory.Move(onHoldForVendor, IncidentState.OnHold);
        var waitingForOther = IncidentFactory.AwaitingProblem(other);
        var untouched = new[] { inProgress, onHoldForVendor, waitingForOther };
        var before = untouched.Select(Snapshot.Of).ToList();

        var resolved = ProblemResolution.Resolve(problem, [waitingA, inProgress, onHoldForVendor, waitingForOther, waitingB], null, "Renewed the certificate",
            null, ResolutionCodes.Default, Resolution);

        resolved.Should().Equal(waitingA, waitingB);
        foreach (var incident in resolved)
        {
            incident.State.Should().Be(IncidentState.Resolved);
            incident.HoldReason.Should().BeNull();
            incident.ResolutionCode.Should().Be(ProblemResolution.DefaultResolutionCode).And.Be("Fixed");
            incident.ResolutionNotes.Should().Be("Resolved by problem PRB0001001: Mail relay certificate expired");
            incident.ResolvedAt.Should().Be(Resolution.At);
            var entry = incident.NewTimelineEntries[^1];
            entry.Kind.Should().Be(TimelineEntryKind.StateChanged);
            entry.Actor.Should().Be("pat");
            entry.At.Should().Be(Resolution.At);
            entry.Data["from"].Should().Be("OnHold");
            entry.Data["to"].Should().Be("Resolved");
            entry.Data["resolutionCode"].Should().Be("Fixed");
            entry.Data["notes"].Should().Contain("PRB0001001");
        }

        untouched.Select(Snapshot.Of).Should().Equal(before);
        onHoldForVendor.HoldReason.Should().Be(HoldReason.AwaitingVendor);
        waitingForOther.HoldReason.Should().Be(HoldReason.AwaitingProblem);
    }

    [Fact]
    public void Resolving_marks_the_problem_resolved()
    {
        var problem = IncidentFactory.CreateProblem();

        ProblemResolution.Resolve(problem, [], null, " Renewed the certificate ", null, ResolutionCodes.Default, Resolution);

        problem.State.Should().Be(ProblemState.Resolved);
        problem.ResolvedAt.Should().Be(Resolution.At);
        problem.UpdatedAt.Should().Be(Resolution.At);
        problem.ResolutionNotes.Should().Be("Renewed the certificate");
        problem.RootCause.Should().Be("Mail relay certificate expired");
        problem.Version.Should().Be(2);
    }

    [Fact]
    public void A_root_cause_given_when_resolving_is_recorded_and_named_in_the_incident_notes()
    {
        var problem = IncidentFactory.CreateProblem(rootCause: null);
        var waiting = IncidentFactory.AwaitingProblem(problem);

        ProblemResolution.Resolve(problem, [waiting], "Disk full on relay", null, null, ResolutionCodes.Default, Resolution);

        problem.RootCause.Should().Be("Disk full on relay");
        waiting.ResolutionNotes.Should().Be("Resolved by problem PRB0001001: Disk full on relay");
    }

    [Fact]
    public void A_given_resolution_code_is_used_in_its_configured_spelling()
    {
        var problem = IncidentFactory.CreateProblem();
        var waiting = IncidentFactory.AwaitingProblem(problem);

        ProblemResolution.Resolve(problem, [waiting], null, null, "workaround", ResolutionCodes.Default, Resolution);

        waiting.ResolutionCode.Should().Be("Workaround");
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("   ")]
    public void Resolving_without_any_root_cause_is_rejected(string? rootCause)
    {
        var problem = IncidentFactory.CreateProblem(rootCause: null);
        var waiting = IncidentFactory.AwaitingProblem(problem);
        var before = Snapshot.Of(waiting);

        var act = () => ProblemResolution.Resolve(problem, [waiting], rootCause, "notes", null, ResolutionCodes.Default, Resolution);

        act.Should().Throw<InvalidFieldException>().Which.Field.Should().Be("rootCause");
        problem.State.Should().Be(ProblemState.Open);
        problem.Version.Should().Be(1);
        problem.RootCause.Should().BeNull();
        problem.ResolvedAt.Should().BeNull();
        before.ShouldMatch(waiting);
    }

    [Fact]
    public void Resolving_twice_is_rejected()
    {
        var problem = IncidentFactory.CreateProblem();
        ProblemResolution.Resolve(problem, [], null, null, null, ResolutionCodes.Default, Resolution);

        var act = () => ProblemResolution.Resolve(problem, [], "again", null, null, ResolutionCodes.Default, Resolution);

        var error = act.Should().Throw<IllegalTransitionException>().Which;
        error.Current.Should().Be("Resolved");
        error.Attempted.Should().Be("resolve");
        error.Allowed.Should().BeEmpty();
        problem.Version.Should().Be(2);
        problem.RootCause.Should().Be("Mail relay certificate expired");
    }

    [Fact]
    public void A_resolved_problem_cannot_be_updated()
    {
        var problem = IncidentFactory.CreateProblem();
        ProblemResolution.Resolve(problem, [], null, null, null, ResolutionCodes.Default, Resolution);

        var act = () => problem.Update(new ProblemUpdate(Title: "Changed"), Resolution);

        act.Should().Throw<IllegalTransitionException>().Which.Attempted.Should().Be("update");
        problem.Title.Should().Be("Mail relay outages");
    }

    [Fact]
    public void Updating_an_open_problem_changes_the_given_fields_and_bumps_the_version()
    {
        var problem = IncidentFactory.CreateProblem();

        problem.Update(new ProblemUpdate(Workaround: "Use webmail", KnownError: true, RootCause: ""), Resolution);

        problem.Workaround.Should().Be("Use webmail");
        problem.KnownError.Should().BeTrue();
        problem.RootCause.Should().BeNull();
        problem.Title.Should().Be("Mail relay outages");
        problem.Version.Should().Be(2);
        problem.UpdatedAt.Should().Be(Resolution.At);
    }

    [Fact]
    public void A_problem_needs_a_title()
    {
        var act = () => Problem.Create("PRB1", new NewProblem(" "), IncidentFactory.Change);

        act.Should().Throw<InvalidFieldException>().Which.Field.Should().Be("title");
    }

    [Fact]
    public void A_stale_problem_version_is_rejected_with_the_current_version()
    {
        var problem = IncidentFactory.CreateProblem();
        problem.Update(new ProblemUpdate(Workaround: "Use webmail"), Resolution);

        var act = () => problem.EnsureVersion(1);

        var error = act.Should().Throw<StaleVersionException>().Which;
        error.CurrentVersion.Should().Be(2);
        error.ExpectedVersion.Should().Be(1);
        error.Message.Should().Contain("problem");
    }

    [Fact]
    public void The_current_problem_version_or_none_is_accepted()
    {
        var problem = IncidentFactory.CreateProblem();

        problem.Invoking(p => p.EnsureVersion(1)).Should().NotThrow();
        problem.Invoking(p => p.EnsureVersion(null)).Should().NotThrow();
    }

    [Theory]
    [InlineData(1)]
    [InlineData(3)]
    public void A_stale_incident_version_is_rejected_with_the_current_version(int stale)
    {
        var incident = IncidentFactory.InState(IncidentState.Assigned);

        var act = () => incident.EnsureVersion(stale);

        var error = act.Should().Throw<StaleVersionException>().Which;
        error.CurrentVersion.Should().Be(2);
        error.ExpectedVersion.Should().Be(stale);
        error.Message.Should().Contain("incident");
    }

    [Fact]
    public void The_current_incident_version_or_none_is_accepted()
    {
        var incident = IncidentFactory.InState(IncidentState.Assigned);

        incident.Invoking(i => i.EnsureVersion(2)).Should().NotThrow();
        incident.Invoking(i => i.EnsureVersion(null)).Should().NotThrow();
    }
}
