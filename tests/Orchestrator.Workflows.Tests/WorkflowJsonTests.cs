using System.Text.Json;
using System.Text.Json.Nodes;
using Orchestrator.Workflows.Definitions;

namespace Orchestrator.Workflows.Tests;

public class WorkflowJsonTests
{
    [Fact]
    public void A_full_definition_reads_its_header_variables_and_triggers()
    {
        var definition = WorkflowJson.Deserialize(Definitions.FullJson);

        definition.DefinitionId.Should().Be("major-incident");
        definition.Name.Should().Be("Major incident escalation");
        definition.Description.Should().Be("Asks the duty managers whether to escalate, then pages on-call.");
        definition.IsPublished.Should().BeFalse();

        definition.Variables.Select(v => (v.Name, v.Type)).Should().Equal(("escalated", "Boolean"), ("note", "String"), ("context", "Object"));
        definition.Variables[0].Default!.GetValue<bool>().Should().BeFalse();
        definition.Variables[1].Default.Should().BeNull();
        JsonNode.DeepEquals(definition.Variables[2].Default, JsonNode.Parse("""{ "team": "payments", "tags": ["p1", "checkout"] }""")).Should().BeTrue();

        definition.Triggers.Should().Equal(
            new TriggerDefinition("incident.created", "input.priority <= 2"),
            new TriggerDefinition("incident.reopened"));
    }

    [Fact]
    public void A_full_definition_reads_activities_with_literal_and_expression_inputs_retry_timeout_and_position()
    {
        var root = WorkflowJson.Deserialize(Definitions.FullJson).Root;

        root.Type.Should().Be("Flowchart");
        root.Activities.Select(a => a.Id).Should().Equal("start", "isUrgent", "ask", "remember", "page", "snooze", "log", "end");

        var decision = root.Activities[1];
        decision.Type.Should().Be("Decision");
        decision.Name.Should().Be("Is it urgent?");
        decision.Inputs["condition"].Should().Be(InputValue.Expr("input.priority == 1"));
        decision.Position.Should().Be(new CanvasPosition(200, 0));

        var approval = root.Activities[2];
        approval.Name.Should().BeNull();
        approval.Inputs["title"].IsExpression.Should().BeTrue();
        approval.Inputs["title"].Expression.Should().Be("\"Escalate \" + input.number + \"?\"");
        approval.Inputs["assignees"].Should().Be(InputValue.Of(new JsonArray("duty-managers", "alice")));
        approval.Inputs["timeoutSeconds"].Literal!.GetValue<int>().Should().Be(3600);
        approval.TimeoutSeconds.Should().Be(7200);
        approval.Position.Should().Be(new CanvasPosition(400, -100.5));
        approval.Retry.Should().BeNull();

        var child = root.Activities[4];
        child.Retry.Should().Be(new RetryPolicy(3, 2.5));
        child.Inputs["input"].IsExpression.Should().BeFalse();
        JsonNode.DeepEquals(child.Inputs["input"].Literal, JsonNode.Parse("""{ "team": "payments", "urgent": true }""")).Should().BeTrue();
        child.Inputs["wait"].Literal!.GetValue<bool>().Should().BeFalse();
        child.TimeoutSeconds.Should().BeNull();
        child.Position.Should().BeNull();

        root.Activities[0].Inputs.Should().BeEmpty();
    }

    [Fact]
    public void Connections_without_a_port_leave_it_null_and_with_a_port_keep_it()
    {
        var connections = WorkflowJson.Deserialize(Definitions.FullJson).Root.Connections;

        connections.Should().HaveCount(10);
        connections[0].Should().Be(new Connection(new ConnectionEndpoint("start"), new ConnectionEndpoint("isUrgent")));
        connections[1].Should().Be(new Connection(new ConnectionEndpoint("isUrgent", "True"), new ConnectionEndpoint("ask")));
        connections[6].Source.Port.Should().Be("Done");
        connections[8].Target.Should().Be(new ConnectionEndpoint("end", "In"));
    }

    [Fact]
    public void A_full_definition_serializes_back_to_equivalent_json()
    {
        var definition = WorkflowJson.Deserialize(Definitions.FullJson);

        var written = JsonNode.Parse(WorkflowJson.Serialize(definition));

        JsonNode.DeepEquals(written, JsonNode.Parse(Definitions.FullJson))
            .Should().BeTrue($"the written JSON was {written!.ToJsonString()}");
    }

    [Fact]
    public void Indented_serialization_is_equivalent_and_reads_back_the_same()
    {
        var definition = WorkflowJson.Deserialize(Definitions.FullJson);

        var indented = WorkflowJson.Serialize(definition, indented: true);

        indented.Should().Contain("\n");
        JsonNode.DeepEquals(JsonNode.Parse(indented), JsonNode.Parse(WorkflowJson.Serialize(definition))).Should().BeTrue();
    }

    [Fact]
    public void Serialization_writes_camelCase_names_and_leaves_out_unset_optional_properties()
    {
        var definition = Definitions.FromJson("""
            { "definitionId": "tiny", "name": "Tiny",
              "root": { "activities": [ { "id": "start", "type": "Start" } ], "connections": [] } }
            """);

        var written = JsonNode.Parse(WorkflowJson.Serialize(definition))!.AsObject();

        written.Select(p => p.Key).Should().BeEquivalentTo("definitionId", "version", "name", "isPublished", "variables", "triggers", "root");
        var start = written["root"]!["activities"]![0]!.AsObject();
        start.Select(p => p.Key).Should().BeEquivalentTo("id", "type", "inputs");
        written["root"]!["type"]!.GetValue<string>().Should().Be("Flowchart");
    }

    [Fact]
    public void Omitted_optional_parts_get_their_defaults()
    {
        var definition = Definitions.FromJson("""
            { "definitionId": "tiny", "name": "Tiny",
              "variables": [ { "name": "anything" } ],
              "root": { "activities": [ { "id": "start", "type": "Start" } ] } }
            """);

        definition.Variables.Should().ContainSingle().Which.Should().Be(new VariableDefinition("anything", "Any"));
        definition.Triggers.Should().BeEmpty();
        definition.Root.Type.Should().Be(Flowchart.TypeName);
        definition.Root.Connections.Should().BeEmpty();
        definition.Root.Activities[0].Inputs.Should().BeEmpty();
    }

    [Fact]
    public void Files_may_contain_comments_and_trailing_commas()
    {
        var definition = Definitions.FromJson("""
            {
              // shipped in workflows/
              "definitionId": "commented",
              "name": "Commented",
              "root": { "activities": [ { "id": "start", "type": "Start", }, ], },
            }
            """);

        definition.DefinitionId.Should().Be("commented");
        definition.Root.Activities.Should().ContainSingle();
    }

    [Fact]
    public void An_object_with_only_a_string_expr_is_an_expression()
    {
        var value = ReadInput("""{ "expr": "input.priority <= 2" }""");

        value.IsExpression.Should().BeTrue();
        value.Expression.Should().Be("input.priority <= 2");
        value.Literal.Should().BeNull();
    }

    [Fact]
    public void An_object_with_expr_and_other_properties_is_a_literal_object()
    {
        var value = ReadInput("""{ "expr": "x", "other": 1 }""");

        value.IsExpression.Should().BeFalse();
        value.Expression.Should().BeNull();
        JsonNode.DeepEquals(value.Literal, JsonNode.Parse("""{ "expr": "x", "other": 1 }""")).Should().BeTrue();
    }

    [Fact]
    public void An_expr_that_is_not_a_string_is_rejected_with_the_path_of_the_input()
    {
        var read = () => ReadInput("""{ "expr": 5 }""");

        read.Should().Throw<JsonException>()
            .Where(e => e.Message.Contains("\"expr\" must be a string") && e.Path == "$.root.activities[0].inputs.message");
    }

    [Fact]
    public void A_null_input_is_a_null_literal_and_is_written_back_as_null()
    {
        var definition = WithInput("null");
        var value = definition.Root.Activities[0].Inputs["message"];

        value.IsExpression.Should().BeFalse();
        value.Literal.Should().BeNull();
        JsonNode.Parse(WorkflowJson.Serialize(definition))!["root"]!["activities"]![0]!["inputs"]!.AsObject()
            .Should().ContainKey("message").WhoseValue.Should().BeNull();
    }

    [Theory]
    [InlineData("\"text\"")]
    [InlineData("42")]
    [InlineData("2.5")]
    [InlineData("true")]
    [InlineData("[1, \"two\", { \"three\": 3 }]")]
    [InlineData("{ \"a\": { \"expr\": \"nested expressions stay literal\" } }")]
    public void Literal_inputs_are_written_back_unchanged(string literal)
    {
        var definition = WithInput(literal);

        var written = JsonNode.Parse(WorkflowJson.Serialize(definition))!["root"]!["activities"]![0]!["inputs"]!["message"];

        definition.Root.Activities[0].Inputs["message"].IsExpression.Should().BeFalse();
        JsonNode.DeepEquals(written, JsonNode.Parse(literal)).Should().BeTrue();
    }

    [Fact]
    public void An_expression_is_written_back_as_an_expr_object()
    {
        var written = JsonNode.Parse(WorkflowJson.Serialize(WithInput("""{ "expr": "1 + 1" }""")))!["root"]!["activities"]![0]!["inputs"]!["message"];

        JsonNode.DeepEquals(written, JsonNode.Parse("""{ "expr": "1 + 1" }""")).Should().BeTrue();
    }

    [Fact]
    public void Input_values_are_equal_by_json_content_and_kind()
    {
        InputValue.Of(JsonNode.Parse("""{ "a": [1, 2] }""")).Should().Be(InputValue.Of(JsonNode.Parse("""{ "a": [1, 2] }""")));
        InputValue.Expr("x").Should().Be(InputValue.Expr("x"));
        InputValue.Expr("x").Should().NotBe(InputValue.Of(JsonValue.Create("x")));
        InputValue.Of(JsonValue.Create(1)).Should().NotBe(InputValue.Of(JsonValue.Create(2)));
    }

    [Fact]
    public void Equal_input_values_have_equal_hash_codes()
    {
        var first = InputValue.Of(JsonNode.Parse("""{ "a": 1, "b": 2 }"""));
        var second = InputValue.Of(JsonNode.Parse("""{ "b": 2, "a": 1 }"""));

        first.Should().Be(second);
        first.GetHashCode().Should().Be(second.GetHashCode());
    }

    [Fact]
    public void InputValue_Of_copies_the_literal_so_later_changes_do_not_leak_in()
    {
        var literal = new JsonObject { ["a"] = 1 };
        var value = InputValue.Of(literal);

        literal["a"] = 2;

        value.Literal!["a"]!.GetValue<int>().Should().Be(1);
    }

    [Theory]
    [InlineData("""{ "definitionId": "x", "name": "X", "root": { "activities": [ { "id": "a", "type": "Start", "timeoutSeconds": "ten" } ] } }""", "$.root.activities[0].timeoutSeconds")]
    [InlineData("""{ "definitionId": "x", "name": "X", "variables": { "name": "v" } }""", "$.variables")]
    [InlineData("""{ "definitionId": "x", "root": { "activities": [ { "id": 5 } ] } }""", "$.root.activities[0].id")]
    public void A_value_of_the_wrong_shape_throws_JsonException_with_the_path(string json, string path)
    {
        var read = () => WorkflowJson.Deserialize(json);

        read.Should().Throw<JsonException>().Which.Path.Should().Be(path);
    }

    [Fact]
    public void Broken_json_syntax_throws_JsonException_with_the_path()
    {
        var read = () => WorkflowJson.Deserialize("""{ "definitionId": "x", "root": { "activities": [ { "id": "a" """);

        read.Should().Throw<JsonException>().Which.Path.Should().StartWith("$.root.activities[0]");
    }

    [Fact]
    public void A_null_document_is_rejected()
    {
        var read = () => WorkflowJson.Deserialize("null");

        read.Should().Throw<JsonException>().WithMessage("*empty*");
    }

    private static WorkflowDefinition WithInput(string inputJson) => Definitions.FromJson($$"""
        { "definitionId": "x", "name": "X",
          "root": { "activities": [ { "id": "log", "type": "Log", "inputs": { "message": {{inputJson}} } } ] } }
        """);

    private static InputValue ReadInput(string inputJson) => WithInput(inputJson).Root.Activities[0].Inputs["message"];
}
