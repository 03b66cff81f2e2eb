using System.Text;
using Orchestrator.Templating;
using Orchestrator.Workflows.Activities;
using Orchestrator.Workflows.Definitions;
using Orchestrator.Workflows.Validation;
using Orchestrator.Tests.Shared;

namespace Orchestrator.Workflows.Tests;

/// <summary>Builds definitions from JSON exactly as users write them (through <see cref="WorkflowJson.Deserialize"/>).</summary>
internal static class Definitions
{
    /// <summary>The header every <see cref="Flowchart(string, string[])"/> definition gets: one declared Number variable.</summary>
    public const string DefaultHeader = """
        "definitionId": "test-flow",
        "name": "Test flow",
        "variables": [ { "name": "attempts", "type": "Number", "default": 0 } ]
        """;

    /// <summary>Start → log → end (connect them with <c>"start -> log", "log -> end"</c>).</summary>
    public const string StartLogEnd = """
        { "id": "start", "type": "Start" },
        { "id": "log", "type": "Log", "inputs": { "message": "hello" } },
        { "id": "end", "type": "End" }
        """;

    /// <summary>A CONTRACT-style definition using most of the format. It is valid, and it is written exactly as
    /// <see cref="WorkflowJson.Serialize"/> writes it (every property that is always written is present).</summary>
    public const string FullJson = """
        {
          "definitionId": "major-incident",
          "version": 0,
          "name": "Major incident escalation",
          "description": "Asks the duty managers whether to escalate, then pages on-call.",
          "isPublished": false,
          "variables": [
            { "name": "escalated", "type": "Boolean", "default": false },
            { "name": "note", "type": "String" },
            { "name": "context", "type": "Object", "default": { "team": "payments", "tags": ["p1", "checkout"] } }
          ],
          "triggers": [
            { "event": "incident.created", "filter": "input.priority <= 2" },
            { "event": "incident.reopened" }
          ],
          "root": {
            "type": "Flowchart",
            "activities": [
              { "id": "start", "type": "Start", "inputs": {}, "position": { "x": 0, "y": 0 } },
              {
                "id": "isUrgent",
                "type": "Decision",
                "name": "Is it urgent?",
                "inputs": { "condition": { "expr": "input.priority == 1" } },
                "position": { "x": 200, "y": 0 }
              },
              {
                "id": "ask",
                "type": "Approval",
                "inputs": {
                  "title": { "expr": "\"Escalate \" + input.number + \"?\"" },
                  "assignees": ["duty-managers", "alice"],
                  "options": ["Escalate", "Ignore"],
                  "timeoutSeconds": 3600
                },
                "timeoutSeconds": 7200,
                "position": { "x": 400, "y": -100.5 }
              },
              { "id": "remember", "type": "SetVariable", "inputs": { "name": "escalated", "value": true } },
              {
                "id": "page",
                "type": "RunWorkflow",
                "inputs": { "definitionId": "page-on-call", "input": { "team": "payments", "urgent": true }, "wait": false },
                "retry": { "maxAttempts": 3, "backoffSeconds": 2.5 }
              },
              { "id": "snooze", "type": "Delay", "inputs": { "seconds": 300 } },
              { "id": "log", "type": "Log", "inputs": { "message": { "expr": "\"Not urgent: \" + input.title" } } },
              { "id": "end", "type": "End", "inputs": {} }
            ],
            "connections": [
              { "source": { "activity": "start" }, "target": { "activity": "isUrgent" } },
              { "source": { "activity": "isUrgent", "port": "True" }, "target": { "activity": "ask" } },
              { "source": { "activity": "isUrgent", "port": "False" }, "target": { "activity": "log" } },
              { "source": { "activity": "ask", "port": "Escalate" }, "target": { "activity": "remember" } },
              { "source": { "activity": "ask", "port": "Ignore" }, "target": { "activity": "end" } },
              { "source": { "activity": "ask", "port": "TimedOut" }, "target": { "activity": "snooze" } },
              { "source": { "activity": "snooze", "port": "Done" }, "target": { "activity": "ask" } },
              { "source": { "activity": "remember" }, "target": { "activity": "page" } },
              { "source": { "activity": "page" }, "target": { "activity": "end", "port": "In" } },
              { "source": { "activity": "log" }, "target": { "activity": "end" } }
            ]
          }
        }
        """;

    public static WorkflowDefinition FromJson(string json) => WorkflowJson.Deserialize(json);

    /// <summary>A definition with <see cref="DefaultHeader"/> and the given activities (the JSON objects inside the
    /// <c>activities</c> array) and connections written as <c>"a -> b"</c> or <c>"a.Port -> b"</c>.</summary>
    public static WorkflowDefinition Flowchart(string activities, params string[] connections) =>
        FromParts(DefaultHeader, activities, connections);

    /// <summary>Like <see cref="Flowchart(string, string[])"/> with a header of your own (the JSON properties before <c>root</c>).</summary>
    public static WorkflowDefinition FromParts(string header, string activities, params string[] connections) =>
        FromJson(JsonOf(header, activities, connections));

    public static string JsonOf(string header, string activities, params string[] connections)
    {
        var json = new StringBuilder();
        json.Append("{ ").Append(header).Append(", \"root\": { \"type\": \"Flowchart\", \"activities\": [ ")
            .Append(activities).Append(" ], \"connections\": [ ")
            .Append(string.Join(", ", connections.Select(Connection))).Append(" ] } }");
        return json.ToString();
    }

    /// <summary><c>"a.Port -> b"</c> as connection JSON (<see cref="ConnectionShorthand"/>).</summary>
    public static string Connection(string shorthand) => ConnectionShorthand.Parse(shorthand).ToJsonString();

    public static ActivityRegistry BuiltInRegistry() => new(ActivityRegistry.BuiltIn());

    public static WorkflowValidator Validator() => new(BuiltInRegistry(), new ScriptSandbox());
}
