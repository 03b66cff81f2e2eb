using Orchestrator.Incidents.Errors;
using Orchestrator.Incidents.Lifecycle;
using Orchestrator.Incidents.Priority;
using Orchestrator.Incidents.Timeline;

namespace Orchestrator.Incidents.Tests;

public class IncidentUpdateTests
{
    private static IReadOnlyList<TimelineEntry> Update(Incident incident, IncidentUpdate update, Change? change = null, PriorityMatrix? matrix = null)
    {
        var count = incident.NewTimelineEntries.Count;
        incident.Update(update, matrix ?? PriorityMatrix.Default, change ?? IncidentFactory.Later(5));
        return incident.NewTimelineEntries.Skip(count).ToList();
    }

    [Fact]
    public void Changing_impact_recomputes_priority_and_records_both()
    {
        var incident = IncidentFactory.Create(2, 2);
        var change = IncidentFactory.Later(5);

        var entries = Update(incident, new IncidentUpdate(Impact: 1), change);

        incident.Impact.Should().Be(1);
        incident.Priority.Should().Be(2);
        incident.Version.Should().Be(2);
        incident.UpdatedAt.Should().Be(change.At);
        entries.Should().HaveCount(2).And.OnlyContain(e => e.Kind == TimelineEntryKind.FieldChanged && e.Actor == "bob" && e.At == change.At);
        entries[0].Data.Should().BeEquivalentTo(new Dictionary<string, string?> { ["field"] = "impact", ["from"] = "2", ["to"] = "1" });
        entries[0].Summary.Should().Be("impact changed from '2' to '1'");
        entries[1].Data.Should().BeEquivalentTo(new Dictionary<string, string?> { ["field"] = "priority", ["from"] = "3", ["to"] = "2" });
        entries[1].Summary.Should().Be("Priority changed from P3 Moderate to P2 High (impact 1, urgency 2)");
    }

    [Fact]
    public void Changing_urgency_recomputes_priority_and_records_both()
    {
        var incident = IncidentFactory.Create(2, 2);

        var entries = Update(incident, new IncidentUpdate(Urgency: 3));

        incident.Urgency.Should().Be(3);
        incident.Priority.Should().Be(4);
        entries.Select(e => e.Data["field"]).Should().Equal("urgency", "priority");
        entries[0].Data["from"].Should().Be("2");
        entries[0].Data["to"].Should().Be("3");
        entries[1].Data["from"].Should().Be("3");
        entries[1].Data["to"].Should().Be("4");
    }

    [Fact]
    public void Changing_impact_and_urgency_to_the_same_priority_records_no_priority_change()
    {
        var incident = IncidentFactory.Create(1, 3);
        incident.Priority.Should().Be(3);

        var entries = Update(incident, new IncidentUpdate(Impact: 3, Urgency: 1));

        incident.Priority.Should().Be(3);
        incident.Version.Should().Be(2);
        entries.Select(e => e.Data["field"]).Should().Equal("impact", "urgency");
    }

    [Fact]
    public void Priority_is_recomputed_with_the_given_matrix()
    {
        var incident = IncidentFactory.Create(2, 2);
        var custom = PriorityMatrix.Parse(["1 1 2", "2 3 4", "3 4 5"]);

        Update(incident, new IncidentUpdate(Impact: 1), matrix: custom);

        incident.Priority.Should().Be(1);
    }

    [Fact]
    public void A_no_op_update_writes_nothing_and_keeps_the_version()
    {
        var incident = IncidentFactory.Create(2, 2);
        Update(incident, new IncidentUpdate(Category: "Email", Description: "Outlook cannot connect"));
        var before = Snapshot.Of(incident);

        var entries = Update(incident, new IncidentUpdate(Title: " Mail is down ", Impact: 2, Urgency: 2, Severity: 3, Category: "Email",
            Description: "Outlook cannot connect", Subcategory: "", Service: null), IncidentFactory.Later(50));

        entries.Should().BeEmpty();
        before.ShouldMatch(incident);
    }

    [Fact]
    public void An_empty_update_writes_nothing()
    {
        var incident = IncidentFactory.Create();
        var before = Snapshot.Of(incident);

        Update(incident, new IncidentUpdate()).Should().BeEmpty();
        before.ShouldMatch(incident);
    }

    [Fact]
    public void Empty_string_clears_an_optional_field()
    {
        var incident = IncidentFactory.Create();
        Update(incident, new IncidentUpdate(Service: "Exchange"));
        incident.Service.Should().Be("Exchange");

        var entries = Update(incident, new IncidentUpdate(Service: ""));

        incident.Service.Should().BeNull();
        incident.Version.Should().Be(3);
        entries.Should().ContainSingle();
        entries[0].Data.Should().BeEquivalentTo(new Dictionary<string, string?> { ["field"] = "service", ["from"] = "Exchange", ["to"] = null });
        entries[0].Summary.Should().Be("service changed from 'Exchange' to '(empty)'");
    }

    [Fact]
    public void Null_leaves_a_field_as_it_is()
    {
        var incident = IncidentFactory.Create();
        Update(incident, new IncidentUpdate(Caller: "dave"));

        Update(incident, new IncidentUpdate(Category: "Email"));

        incident.Caller.Should().Be("dave");
        incident.Category.Should().Be("Email");
    }

    [Theory]
    [InlineData("")]
    [InlineData("   ")]
    public void Blank_title_is_rejected_and_nothing_changes(string title)
    {
        var incident = IncidentFactory.Create();
        var before = Snapshot.Of(incident);

        var act = () => incident.Update(new IncidentUpdate(Title: title, Category: "Email"), PriorityMatrix.Default, IncidentFactory.Later(1));

        act.Should().Throw<InvalidFieldException>().Which.Field.Should().Be("title");
        before.ShouldMatch(incident);
        incident.Title.Should().Be("Mail is down");
        incident.Category.Should().BeNull();
    }

    [Fact]
    public void A_title_longer_than_200_characters_is_rejected()
    {
        var incident = IncidentFactory.Create();

        var act = () => incident.Update(new IncidentUpdate(Title: new string('t', 201)), PriorityMatrix.Default, IncidentFactory.Later(1));

        act.Should().Throw<InvalidFieldException>().Which.Field.Should().Be("title");
    }

    [Fact]
    public void An_invalid_field_rejects_the_whole_update()
    {
        var incident = IncidentFactory.Create();
        var before = Snapshot.Of(incident);

        var act = () => incident.Update(new IncidentUpdate(Title: "New title", Impact: 1, Severity: 9), PriorityMatrix.Default, IncidentFactory.Later(1));

        act.Should().Throw<InvalidFieldException>().Which.Field.Should().Be("severity");
        before.ShouldMatch(incident);
        (incident.Title, incident.Impact, incident.Priority).Should().Be(("Mail is down", 2, 3));
    }

    [Theory]
    [InlineData("category")]
    [InlineData("subcategory")]
    [InlineData("service")]
    [InlineData("caller")]
    public void A_short_text_longer_than_100_characters_is_rejected(string field)
    {
        var incident = IncidentFactory.Create();
        var tooLong = new string('c', 101);
        var update = field switch
        {
            "category" => new IncidentUpdate(Category: tooLong),
            "subcategory" => new IncidentUpdate(Subcategory: tooLong),
            "service" => new IncidentUpdate(Service: tooLong),
            _ => new IncidentUpdate(Caller: tooLong),
        };

        var act = () => incident.Update(update, PriorityMatrix.Default, IncidentFactory.Later(1));

        act.Should().Throw<InvalidFieldException>().Which.Field.Should().Be(field);
    }

    [Fact]
    public void Every_changed_field_gets_its_own_entry_and_one_version_bump()
    {
        var incident = IncidentFactory.Create();

        var entries = Update(incident, new IncidentUpdate(Title: "Mail and calendar down", Description: "All users", Severity: 1,
            Category: "Email", Subcategory: "Server", Service: "Exchange", Caller: "dave"));

        incident.Version.Should().Be(2);
        entries.Select(e => e.Data["field"]).Should().Equal("title", "description", "severity", "category", "subcategory", "service", "caller");
        (incident.Title, incident.Description, incident.Severity, incident.Category, incident.Subcategory, incident.Service, incident.Caller)
            .Should().Be(("Mail and calendar down", "All users", 1, "Email", "Server", "Exchange", "dave"));
    }

    [Fact]
    public void Update_is_allowed_on_a_resolved_incident()
    {
        var incident = IncidentFactory.InState(IncidentState.Resolved);

        Update(incident, new IncidentUpdate(Category: "Email"));

        incident.Category.Should().Be("Email");
    }
}
