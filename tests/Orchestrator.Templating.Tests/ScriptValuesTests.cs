using System.Collections;
using System.Text.Json.Nodes;
using Scriban.Runtime;

namespace Orchestrator.Templating.Tests;

public class ScriptValuesTests
{
    [Fact]
    public void Nested_dictionaries_and_lists_become_script_objects_and_arrays_with_the_same_keys()
    {
        var value = new Dictionary<string, object?>
        {
            ["incidentId"] = 7L,
            ["labels"] = new Dictionary<string, string> { ["Severity"] = "critical" },
            ["notes"] = new List<object?> { "a", new Dictionary<string, object?> { ["by"] = "ada" } },
        };

        var script = ScriptValues.ToScript(value).Should().BeOfType<ScriptObject>().Subject;

        script.Keys.Should().BeEquivalentTo("incidentId", "labels", "notes");
        script["labels"].Should().BeOfType<ScriptObject>().Which["Severity"].Should().Be("critical");
        var notes = script["notes"].Should().BeOfType<ScriptArray>().Subject;
        notes[1].Should().BeOfType<ScriptObject>().Which["by"].Should().Be("ada");
    }

    [Fact]
    public void Scalars_become_script_primitives()
    {
        ScriptValues.ToScript(DayOfWeek.Monday).Should().Be("Monday");
        ScriptValues.ToScript(Guid.Empty).Should().Be("00000000-0000-0000-0000-000000000000");
        ScriptValues.ToScript((short)3).Should().Be(3);
        ScriptValues.ToScript(1.5f).Should().Be(1.5);
        ScriptValues.ToScript(new DateTimeOffset(2025, 1, 1, 2, 0, 0, TimeSpan.FromHours(2)))
            .Should().Be(new DateTime(2025, 1, 1, 0, 0, 0, DateTimeKind.Utc));
    }

    [Fact]
    public void A_dictionary_with_non_string_keys_is_rejected()
    {
        var act = () => ScriptValues.ToScript(new Hashtable { [1] = "one" });

        act.Should().Throw<ArgumentException>().WithMessage("*keys must be strings*");
    }

    [Fact]
    public void Script_values_come_back_as_plain_dotnet_values()
    {
        var script = new ScriptObject
        {
            ["count"] = 3,
            ["ratio"] = 0.5,
            ["price"] = 1.25m,
            ["tags"] = new ScriptArray(new object[] { "a", 2 }),
            ["nested"] = new ScriptObject { ["ok"] = true, ["none"] = null },
        };

        var plain = ScriptValues.FromScript(script).Should().BeOfType<Dictionary<string, object?>>().Subject;

        plain["count"].Should().BeOfType<long>().Which.Should().Be(3);
        plain["ratio"].Should().BeOfType<double>().Which.Should().Be(0.5);
        plain["price"].Should().BeOfType<decimal>().Which.Should().Be(1.25m);
        plain["tags"].Should().BeOfType<List<object?>>().Which.Should().Equal("a", 2L);
        plain["nested"].Should().BeOfType<Dictionary<string, object?>>().Which.Should().Contain("none", null);
    }

    [Fact]
    public void Json_input_survives_a_round_trip_through_script_values()
    {
        var json = Globals.IncidentJson();

        var back = ScriptValues.ToJson(ScriptValues.ToScript(json));

        JsonNode.DeepEquals(back, json).Should().BeTrue(back?.ToJsonString());
    }

    [Fact]
    public void A_result_converts_to_json()
    {
        var result = new ScriptObject
        {
            ["at"] = new DateTime(2025, 1, 1, 0, 0, 0, DateTimeKind.Utc),
            ["items"] = new ScriptArray(new object[] { 1, "x" }),
        };

        ScriptValues.ToJson(result)!.ToJsonString().Should().Be("""{"at":"2025-01-01T00:00:00+00:00","items":[1,"x"]}""");
    }

    [Fact]
    public void Infinity_has_no_json_form()
    {
        var act = () => ScriptValues.ToJson(double.PositiveInfinity);

        act.Should().Throw<ArgumentException>();
    }
}
