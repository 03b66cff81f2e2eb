namespace Orchestrator.Bench;

/// <summary>The definitions the benchmarks run.</summary>
internal static class Flowcharts
{
    /// <summary>Start → 8 no-op Forks → End: 10 activities, nothing to wait for.</summary>
    public static string NoOp(string id)
    {
        var activities = new List<string> { """{ "id": "start", "type": "Start" }""" };
        var connections = new List<string>();
        var previous = "start";
        for (var i = 1; i <= 8; i++)
        {
            activities.Add($$"""{ "id": "step{{i}}", "type": "Fork" }""");
            connections.Add($$"""{ "source": { "activity": "{{previous}}" }, "target": { "activity": "step{{i}}" } }""");
            previous = $"step{i}";
        }

        activities.Add("""{ "id": "end", "type": "End" }""");
        connections.Add($$"""{ "source": { "activity": "{{previous}}" }, "target": { "activity": "end" } }""");
        return $$"""{ "definitionId": "{{id}}", "name": "No-op", "root": { "activities": [{{string.Join(",", activities)}}], "connections": [{{string.Join(",", connections)}}] } }""";
    }

    /// <summary>Start → WaitForEvent "go" → End.</summary>
    public static string WaitForGo(string id) => $$"""
        { "definitionId": "{{id}}", "name": "Wait", "root": { "activities": [
          { "id": "start", "type": "Start" }, { "id": "wait", "type": "WaitForEvent", "inputs": { "eventName": "go" } }, { "id": "end", "type": "End" } ],
          "connections": [ { "source": { "activity": "start" }, "target": { "activity": "wait" } }, { "source": { "activity": "wait" }, "target": { "activity": "end" } } ] } }
        """;

    /// <summary>Start → Delay → End.</summary>
    public static string Delay(string id, double seconds) => $$"""
        { "definitionId": "{{id}}", "name": "Delay", "root": { "activities": [
          { "id": "start", "type": "Start" }, { "id": "delay", "type": "Delay", "inputs": { "seconds": {{seconds}} } }, { "id": "end", "type": "End" } ],
          "connections": [ { "source": { "activity": "start" }, "target": { "activity": "delay" } }, { "source": { "activity": "delay" }, "target": { "activity": "end" } } ] } }
        """;

    /// <summary>A playbook started by every new alert: Start → Probe (an action run off the turn) → End.</summary>
    public static string AlertPlaybook(string id) => $$"""
        { "definitionId": "{{id}}", "name": "On new alert", "triggers": [ { "event": "alert.received", "filter": "input.event == \"triggered\"" } ],
          "root": { "activities": [
          { "id": "start", "type": "Start" }, { "id": "probe", "type": "{{ProbeAction.TypeName}}", "inputs": { "key": { "expr": "alert.fingerprint" } } }, { "id": "end", "type": "End" } ],
          "connections": [ { "source": { "activity": "start" }, "target": { "activity": "probe" } }, { "source": { "activity": "probe" }, "target": { "activity": "end" } } ] } }
        """;

    /// <summary>A lifecycle stand-in started by every new incident: Start → WaitForIncidentState [Resolved] (suspended) → End.</summary>
    public static string Lifecycle(string id) => $$"""
        { "definitionId": "{{id}}", "name": "Lifecycle", "triggers": [ { "event": "incident.created" } ],
          "root": { "activities": [
          { "id": "start", "type": "Start" }, { "id": "wait", "type": "WaitForIncidentState", "inputs": { "states": ["Resolved"] } }, { "id": "end", "type": "End" } ],
          "connections": [ { "source": { "activity": "start" }, "target": { "activity": "wait" } }, { "source": { "activity": "wait", "port": "Resolved" }, "target": { "activity": "end" } } ] } }
        """;
}
