using Orchestrator.Workflows.Activities.ControlFlow;
using Orchestrator.Workflows.Definitions;
using Orchestrator.Workflows.Descriptors;

namespace Orchestrator.Workflows.Activities;

/// <summary>The outcome ports of one node: its type's outcomes, the ports its inputs add (Switch cases, Approval options),
/// and <c>Failed</c>, which every activity has.</summary>
public static class ActivityPorts
{
    public static IReadOnlyList<string> Of(ActivityDescriptor descriptor, ActivityNode node)
    {
        var ports = new List<string>();
        if (descriptor.OutcomesFromInput is { } input && node.Inputs.TryGetValue(input, out var value) && !value.IsExpression)
        {
            ports.AddRange(descriptor.Type switch
            {
                SwitchActivity.TypeName => SwitchCases.Read(value.Literal).Cases.Select(c => c.Name),
                ApprovalActivity.TypeName => ApprovalActivity.OptionsOf(value.Literal),
                _ => Names(value.Literal),
            });
        }
        else if (descriptor.Type == ApprovalActivity.TypeName && (!node.Inputs.TryGetValue("options", out var options) || !options.IsExpression))
        {
            ports.AddRange(ApprovalActivity.OptionsOf(null));
        }
        else if (descriptor.OutcomesFromInput is { } absent && !node.Inputs.ContainsKey(absent))
        {
            ports.AddRange(Names(descriptor.Inputs.FirstOrDefault(i => i.Name == absent)?.Default));
        }

        ports.AddRange(descriptor.Outcomes);
        ports.Add(Ports.Failed);
        return ports.Distinct(StringComparer.Ordinal).ToList();
    }

    /// <summary>A list of names, one port each (e.g. WaitForIncidentState's states).</summary>
    private static IEnumerable<string> Names(System.Text.Json.Nodes.JsonNode? list) =>
        list is System.Text.Json.Nodes.JsonArray array
            ? array.Select(n => n is System.Text.Json.Nodes.JsonValue v && v.TryGetValue<string>(out var name) ? name : null).OfType<string>().Where(n => n.Length > 0)
            : [];
}
