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
                _ => [],
            });
        }
        else if (descriptor.Type == ApprovalActivity.TypeName && (!node.Inputs.TryGetValue("options", out var options) || !options.IsExpression))
        {
            ports.AddRange(ApprovalActivity.OptionsOf(null));
        }

        ports.AddRange(descriptor.Outcomes);
        ports.Add(Ports.Failed);
        return ports.Distinct(StringComparer.Ordinal).ToList();
    }
}
