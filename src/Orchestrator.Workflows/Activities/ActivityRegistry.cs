using Orchestrator.Workflows.Activities.ControlFlow;
using Orchestrator.Workflows.Descriptors;

namespace Orchestrator.Workflows.Activities;

/// <summary>A fixed set of activity types, looked up by type name (case-sensitive, as written in definitions).</summary>
public sealed class ActivityRegistry : IActivityRegistry
{
    private readonly Dictionary<string, IActivity> _byType;

    public ActivityRegistry(IEnumerable<IActivity> activities)
    {
        _byType = new Dictionary<string, IActivity>(StringComparer.Ordinal);
        foreach (var activity in activities)
        {
            if (!_byType.TryAdd(activity.Descriptor.Type, activity))
            {
                throw new ArgumentException($"Two activities declare the type '{activity.Descriptor.Type}'.", nameof(activities));
            }
        }

        Descriptors = _byType.Values.Select(a => a.Descriptor).OrderBy(d => d.Category).ThenBy(d => d.DisplayName).ToList();
    }

    /// <summary>The built-in control-flow, timing, people and data activities.</summary>
    public static IReadOnlyList<IActivity> BuiltIn() =>
    [
        new StartActivity(), new EndActivity(), new DecisionActivity(), new SwitchActivity(), new ForkActivity(), new JoinActivity(),
        new DelayActivity(), new WaitForEventActivity(), new ApprovalActivity(), new SetVariableActivity(), new RunWorkflowActivity(),
        new FailActivity(), new LogActivity(),
    ];

    public IReadOnlyList<ActivityDescriptor> Descriptors { get; }

    public IActivity? Find(string type) => _byType.GetValueOrDefault(type);
}
