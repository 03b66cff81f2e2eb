using Orchestrator.Workflows.Descriptors;

namespace Orchestrator.Workflows.Activities;

/// <summary>The activity types a definition may use: the built-ins and, once loaded, plugin actions.</summary>
public interface IActivityRegistry
{
    IActivity? Find(string type);

    IReadOnlyList<ActivityDescriptor> Descriptors { get; }
}
