using System.Text.Json;
using System.Text.Json.Nodes;

namespace Orchestrator.Templating.Tests;

public class ExpressionEvaluationTests
{
    private readonly ScriptSandbox _sandbox = new();

    [Theory]
    [InlineData("critical", true)]
    [InlineData("warning", false)]
    public void Comparison_over_nested_input_tells_whether_the_severity_matches(string severity, bool expected)
    {
        _sandbox.Evaluate($"input.alert.labels.severity == \"{severity}\"", Globals.AlertInput())
            .Should().Be(expected);
    }

    [Fact]
    public void Boolean_operators_combine_input_and_variables()
    {
        _sandbox.Evaluate("input.count > variables.threshold && variables.name == \"x\"", Globals.AlertInput())
            .Should().Be(true);
        _sandbox.Evaluate("input.count > 10 || !(variables.name == \"x\")", Globals.AlertInput())
            .Should().Be(false);
    }

    [Fact]
    public void Array_size_counts_the_items_and_comes_back_as_long()
    {
        _sandbox.Evaluate("input.items | array.size", Globals.AlertInput())
            .Should().BeOfType<long>().Which.Should().Be(3);
    }

    [Fact]
    public void Integer_arithmetic_comes_back_as_long()
    {
        _sandbox.Evaluate("input.count * 2 + 1", Globals.AlertInput())
            .Should().BeOfType<long>().Which.Should().Be(11);
    }

    [Fact]
    public void Fractional_arithmetic_comes_back_as_double()
    {
        _sandbox.Evaluate("input.alert.value / 2", Globals.AlertInput())
            .Should().BeOfType<double>().Which.Should().Be(48.75);
    }

    [Fact]
    public void String_functions_and_concatenation_return_a_string()
    {
        _sandbox.Evaluate("(input.alert.labels.service | string.upcase) + \"-\" + input.items[1]", Globals.AlertInput())
            .Should().Be("CHECKOUT-b");
    }

    [Fact]
    public void An_array_literal_comes_back_as_a_list_of_plain_values()
    {
        var result = _sandbox.Evaluate("[1, 2.5, \"three\", true, null, [4]]", Globals.Empty);

        result.Should().BeOfType<List<object?>>().Which.Should().BeEquivalentTo(
            new object?[] { 1L, 2.5, "three", true, null, new List<object?> { 4L } },
            options => options.WithStrictOrdering().RespectingRuntimeTypes());
    }

    [Fact]
    public void An_object_literal_comes_back_as_a_dictionary_with_its_keys_as_written()
    {
        var result = _sandbox.Evaluate("{ ticketId: \"INC-1\", count: input.count, nested: { ok: true } }", Globals.AlertInput());

        var map = result.Should().BeOfType<Dictionary<string, object?>>().Subject;
        map.Should().HaveCount(3);
        map["ticketId"].Should().Be("INC-1");
        map["count"].Should().Be(5L);
        map["nested"].Should().BeEquivalentTo(new Dictionary<string, object?> { ["ok"] = true });
    }

    [Fact]
    public void Several_statements_return_the_value_of_the_last_one()
    {
        _sandbox.Evaluate("total = 0\nfor item in input.items\n  total = total + 1\nend\ntotal", Globals.AlertInput())
            .Should().Be(3L);
    }

    [Fact]
    public void Null_comes_back_as_null()
    {
        _sandbox.Evaluate("incident.assignee", Globals.Of(("incident", Globals.IncidentJson()))).Should().BeNull();
    }

    [Fact]
    public void JsonNode_input_is_read_with_its_camelCase_keys_and_json_types()
    {
        var globals = Globals.Of(("incident", Globals.IncidentJson()));

        _sandbox.Evaluate("incident.title", globals).Should().Be("Checkout is down");
        _sandbox.Evaluate("incident.priority", globals).Should().BeOfType<long>().Which.Should().Be(1);
        _sandbox.Evaluate("incident.impact * 2", globals).Should().Be(3.0);
        _sandbox.Evaluate("incident.isMajor && (incident.tags | array.contains \"p1\")", globals).Should().Be(true);
        _sandbox.Evaluate("incident.caller.displayName", globals).Should().Be("Ada");
    }

    [Fact]
    public void JsonElement_input_is_read_like_a_JsonNode()
    {
        var element = JsonDocument.Parse("""{ "labels": { "severity": "critical" }, "values": [1, 2, 3] }""").RootElement;

        _sandbox.Evaluate("alert.labels.severity + \":\" + (alert.values | array.size)", Globals.Of(("alert", element)))
            .Should().Be("critical:3");
    }

    [Fact]
    public void A_JsonValue_built_from_a_clr_value_is_read_as_its_json_form()
    {
        var node = new JsonObject { ["count"] = 3, ["when"] = new DateTimeOffset(2025, 1, 2, 3, 4, 5, TimeSpan.Zero) };

        _sandbox.Evaluate("input.count + 1", Globals.Of(("input", node))).Should().Be(4L);
        _sandbox.Evaluate("input.when", Globals.Of(("input", node))).Should().Be("2025-01-02T03:04:05+00:00");
    }

    [Fact]
    public void Keys_are_not_renamed_so_PascalCase_access_to_a_camelCase_key_fails()
    {
        var globals = Globals.Of(("incident", Globals.IncidentJson()));

        var act = () => _sandbox.Evaluate("incident.Title", globals);

        act.Should().Throw<ScriptException>().Which.Error.Message.Should().Contain("Title");
    }

    [Fact]
    public void Dates_enums_and_guids_are_usable_in_expressions()
    {
        var id = Guid.Parse("6f1c2a4e-8d3b-4c5a-9e7f-0a1b2c3d4e5f");
        var globals = Globals.Of(
            ("openedAt", new DateTimeOffset(2025, 3, 4, 10, 30, 0, TimeSpan.FromHours(2))),
            ("state", DayOfWeek.Friday),
            ("id", id));

        _sandbox.Evaluate("openedAt | date.to_string \"%Y-%m-%d %H:%M\"", globals).Should().Be("2025-03-04 08:30");
        _sandbox.Evaluate("state == \"Friday\"", globals).Should().Be(true);
        _sandbox.Evaluate("id | string.slice 0 8", globals).Should().Be("6f1c2a4e");
    }

    [Fact]
    public void A_date_result_comes_back_as_a_DateTimeOffset()
    {
        var openedAt = new DateTimeOffset(2025, 3, 4, 10, 30, 0, TimeSpan.Zero);

        _sandbox.Evaluate("openedAt | date.add_days 1", Globals.Of(("openedAt", openedAt)))
            .Should().Be(openedAt.AddDays(1));
    }

    [Fact]
    public void Script_assignments_do_not_change_the_callers_values()
    {
        var input = new Dictionary<string, object?> { ["count"] = 5 };

        _sandbox.Evaluate("input.count = 99\ninput.count", Globals.Of(("input", input))).Should().Be(99L);

        input["count"].Should().Be(5);
    }
}
