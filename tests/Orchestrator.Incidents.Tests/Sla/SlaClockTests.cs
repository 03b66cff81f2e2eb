using Orchestrator.Incidents.Errors;
using Orchestrator.Incidents.Lifecycle;
using Orchestrator.Incidents.Sla;

namespace Orchestrator.Incidents.Tests.Sla;

/// <summary>Business calendars and how the clocks move with an incident's changes (issue 11, SLA).</summary>
public sealed class SlaClockTests
{
    // Monday 2026-01-12 … with a holiday on Wednesday 14th; 09:00–17:00 in Berlin (UTC+1 in January).
    private static readonly SlaCalendarSettings Berlin = new("berlin", "Europe/Berlin", new Dictionary<string, IReadOnlyList<string>>
    {
        ["mon"] = ["09:00-12:00", "13:00-17:00"], ["tue"] = ["09:00-17:00"], ["wed"] = ["09:00-17:00"], ["thu"] = ["09:00-17:00"], ["fri"] = ["09:00-17:00"],
    }, ["2026-01-14"]);

    private static BusinessCalendar Calendar => BusinessCalendar.From(Berlin, "calendars[0]");

    [Fact]
    public void Working_minutes_skip_lunch_nights_weekends_and_holidays_in_the_calendars_time_zone()
    {
        var mondayMorning = new DateTimeOffset(2026, 1, 12, 8, 30, 0, TimeSpan.Zero); // 09:30 in Berlin

        Calendar.AddWorkingMinutes(mondayMorning, 180).Should().Be(new DateTimeOffset(2026, 1, 12, 12, 30, 0, TimeSpan.Zero), "09:30 + 3 h of work around the lunch hour is 13:30 Berlin");
        Calendar.AddWorkingMinutes(mondayMorning, 7 * 60).Should().Be(new DateTimeOffset(2026, 1, 13, 8, 30, 0, TimeSpan.Zero), "6.5 h on Monday, the rest from 09:00 on Tuesday");
        Calendar.AddWorkingMinutes(new DateTimeOffset(2026, 1, 13, 15, 0, 0, TimeSpan.Zero), 120)
            .Should().Be(new DateTimeOffset(2026, 1, 15, 9, 0, 0, TimeSpan.Zero), "Tuesday 16:00 + 1 h, Wednesday is a holiday, then 1 h on Thursday");
        Calendar.AddWorkingMinutes(new DateTimeOffset(2026, 1, 16, 15, 0, 0, TimeSpan.Zero), 120)
            .Should().Be(new DateTimeOffset(2026, 1, 19, 9, 0, 0, TimeSpan.Zero), "Friday 16:00 + 1 h, the weekend, then Monday");
        Calendar.WorkingMinutesBetween(new DateTimeOffset(2026, 1, 16, 15, 0, 0, TimeSpan.Zero), new DateTimeOffset(2026, 1, 19, 9, 0, 0, TimeSpan.Zero))
            .Should().Be(120);
        BusinessCalendar.Always.AddWorkingMinutes(mondayMorning, 90).Should().Be(mondayMorning.AddMinutes(90));
    }

    [Fact]
    public void Working_hours_follow_the_zones_daylight_saving_time()
    {
        // 29 March 2026: Berlin moves to UTC+2, so Monday 30 March 09:00 Berlin is 07:00 UTC.
        var calendar = BusinessCalendar.From(Berlin with { Holidays = [] }, "calendars[0]");

        calendar.AddWorkingMinutes(new DateTimeOffset(2026, 3, 27, 15, 30, 0, TimeSpan.Zero), 60)
            .Should().Be(new DateTimeOffset(2026, 3, 30, 7, 30, 0, TimeSpan.Zero), "Friday 16:30 (UTC+1) + 30 min, then 30 min from Monday 09:00 (UTC+2)");
    }

    [Theory]
    [InlineData("Mars/Olympus", null, null, "calendars[0].timeZone")]
    [InlineData("UTC", "09:00-08:00", null, "calendars[0].week.mon")]
    [InlineData("UTC", "09:00-17:00", "25/12/2026", "calendars[0].holidays")]
    public void A_bad_calendar_is_refused_naming_the_field(string zone, string? monday, string? holiday, string field)
    {
        var settings = new SlaCalendarSettings("x", zone, new Dictionary<string, IReadOnlyList<string>> { ["mon"] = [monday ?? "09:00-17:00"] }, holiday is null ? [] : [holiday]);

        var act = () => BusinessCalendar.From(settings, "calendars[0]");

        act.Should().Throw<InvalidFieldException>().Which.Field.Should().Be(field);
    }

    [Fact]
    public void Settings_that_name_an_unknown_calendar_or_a_priority_twice_are_refused_naming_the_policy()
    {
        var unknown = SlaSettings.Default with { Policies = [new SlaPolicySettings(1, 15, 240, "weekdays")] };
        var twice = SlaSettings.Default with { Policies = [new SlaPolicySettings(1, 15, 240), new SlaPolicySettings(1, 30, 480)] };

        unknown.Invoking(s => s.Validate()).Should().Throw<InvalidFieldException>().Which.Field.Should().Be("policies[0].calendar");
        twice.Invoking(s => s.Validate()).Should().Throw<InvalidFieldException>().Which.Field.Should().Be("policies[1].priority");
        SlaSettings.Default.Validate().For(1, SlaClockKind.Response)!.Value.TargetMinutes.Should().Be(15);
    }

    [Fact]
    public void Creation_starts_both_clocks_a_persons_start_of_work_stops_response_and_on_hold_pauses_resolution_with_the_time_left_kept()
    {
        var rules = SlaSettings.Default.Validate(); // P3: respond in 4 h, resolve in 24 h, 24×7
        var incident = IncidentFactory.Create(impact: 2, urgency: 2);
        var clocks = new List<SlaClock>();
        SlaTracker.Apply(incident, incident.NewTimelineEntries, clocks, rules).Should().HaveCount(2);
        var response = clocks.Single(c => c.Kind == SlaClockKind.Response);
        var resolution = clocks.Single(c => c.Kind == SlaClockKind.Resolution);
        resolution.TimeOf(100, BusinessCalendar.Always).Should().Be(IncidentFactory.Now.AddHours(24));

        Step(incident, clocks, rules, i => i.Assign("sre", null, new Change("workflow:itil-incident/r1", IncidentFactory.Now.AddMinutes(1))));
        response.IsRunning.Should().BeTrue("an assignment by a workflow is not a person responding");
        Step(incident, clocks, rules, i => i.Transition(new TransitionRequest(IncidentState.InProgress), ResolutionCodes.Default, IncidentFactory.Later(10)));
        response.StoppedAt.Should().Be(IncidentFactory.Now.AddMinutes(10));

        Step(incident, clocks, rules, i => i.Transition(new TransitionRequest(IncidentState.OnHold, HoldReason.AwaitingVendor), ResolutionCodes.Default, IncidentFactory.Later(60)));
        resolution.IsPaused.Should().BeTrue();
        resolution.NextMilestone(BusinessCalendar.Always).Should().BeNull("a paused clock falls due never");
        resolution.Elapsed(IncidentFactory.Now.AddHours(5), BusinessCalendar.Always).Should().Be(60);

        Step(incident, clocks, rules, i => i.Transition(new TransitionRequest(IncidentState.InProgress), ResolutionCodes.Default, IncidentFactory.Later(180)));
        resolution.TimeOf(100, BusinessCalendar.Always).Should().Be(IncidentFactory.Now.AddHours(26), "two hours on hold move the deadline by two hours");
    }

    [Fact]
    public void A_priority_change_retargets_with_the_start_kept_and_milestones_already_passed_fall_due_at_once()
    {
        var rules = SlaSettings.Default.Validate();
        var incident = IncidentFactory.Create(impact: 3, urgency: 3); // P5: resolve in 4 weeks
        var clocks = new List<SlaClock>();
        SlaTracker.Apply(incident, incident.NewTimelineEntries, clocks, rules);
        var resolution = clocks.Single(c => c.Kind == SlaClockKind.Resolution);

        Step(incident, clocks, rules, i => i.Update(new IncidentUpdate(Impact: 1, Urgency: 1), Priority.PriorityMatrix.Default, IncidentFactory.Later(180)));

        resolution.TargetMinutes.Should().Be(240, "now P1: 4 hours");
        resolution.StartedAt.Should().Be(IncidentFactory.Now);
        resolution.NextMilestone(BusinessCalendar.Always)!.Value.Should().Be((50, IncidentFactory.Now.AddHours(2)), "the 50 % warning was passed at 2 h: it is raised next, at once");
        resolution.Raise(50).Should().BeTrue();
        resolution.Raise(50).Should().BeFalse("each milestone once");
        resolution.NextMilestone(BusinessCalendar.Always)!.Value.Should().Be((75, IncidentFactory.Now.AddHours(3)));
    }

    private static void Step(Incident incident, List<SlaClock> clocks, SlaRules rules, Action<Incident> change)
    {
        var before = incident.NewTimelineEntries.Count;
        change(incident);
        SlaTracker.Apply(incident, incident.NewTimelineEntries.Skip(before).ToList(), clocks, rules);
    }
}
