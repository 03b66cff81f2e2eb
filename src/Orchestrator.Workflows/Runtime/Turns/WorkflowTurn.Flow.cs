using Orchestrator.Workflows.Activities.ControlFlow;
using Orchestrator.Workflows.Definitions;
using Orchestrator.Workflows.Graph;
using Orchestrator.Workflows.Runtime.Events;
using Orchestrator.Workflows.Runtime.Instances;

namespace Orchestrator.Workflows.Runtime.Turns;

/// <summary>
/// How flow moves on: each outbound connection of a finished activity is Taken (its port is an outcome) or Dead.
/// A node runs once every forward inbound connection is decided and at least one was taken; when all are dead the
/// node is skipped and its own outbound connections die too (dead-path elimination), so joins never wait for a
/// branch that cannot come. Back edges (loops) start the next iteration directly. WaitAny joins run on the first
/// arrival and cancel the other branches.
/// </summary>
internal sealed partial class WorkflowTurn
{
    private void Propagate(string activityId, IReadOnlyList<string> outcomes)
    {
        foreach (var connection in _graph.Outbound(activityId))
        {
            Signal(connection, outcomes.Contains(FlowchartGraph.PortOf(connection)) ? ConnectionState.Taken : ConnectionState.Dead);
        }
    }

    private void Signal(Connection connection, ConnectionState state)
    {
        var target = connection.Target.Activity;
        if (_graph.IsBackEdge(connection))
        {
            if (state == ConnectionState.Taken)
            {
                Enqueue(target, tryNumber: 1);
            }

            return;
        }

        instance.Connections[WorkflowInstance.ConnectionKey(connection)] = state;
        var forward = _graph.Inbound(target).Where(c => !_graph.IsBackEdge(c)).ToList();
        if (state == ConnectionState.Taken && IsWaitAny(target))
        {
            ClearStates(forward);
            CancelBranchesInto(target);
            Enqueue(target, tryNumber: 1);
            return;
        }

        var states = forward.Select(c => instance.Connections.TryGetValue(WorkflowInstance.ConnectionKey(c), out var s) ? s : (ConnectionState?)null).ToList();
        if (states.Any(s => s is null))
        {
            return; // some branch may still arrive
        }

        ClearStates(forward);
        if (states.Contains(ConnectionState.Taken))
        {
            Enqueue(target, tryNumber: 1);
        }
        else
        {
            Propagate(target, []); // skipped: nothing flows out of it either
        }
    }

    private bool IsWaitAny(string activityId) =>
        _graph.Activities[activityId] is { Type: JoinActivity.TypeName } join
        && join.Inputs.TryGetValue("mode", out var mode)
        && mode.Literal?.GetValue<string>() == JoinActivity.WaitAny;

    private void ClearStates(IEnumerable<Connection> connections)
    {
        foreach (var connection in connections)
        {
            instance.Connections.Remove(WorkflowInstance.ConnectionKey(connection));
        }
    }

    /// <summary>Cancels the work and waits of every branch still on its way into the join (activities that can reach it
    /// and do not come after it).</summary>
    private void CancelBranchesInto(string joinId)
    {
        var after = _graph.ReachableFrom(joinId);
        bool OnTheWay(string activityId) =>
            activityId != joinId && !after.Contains(activityId) && _graph.ReachableFrom(activityId).Contains(joinId);

        var now = clock.GetUtcNow();
        foreach (var bookmark in instance.Bookmarks.Where(b => OnTheWay(b.ActivityId)).ToList())
        {
            CloseCancelled(bookmark, now);
        }

        foreach (var item in instance.Queue.Where(i => OnTheWay(i.ActivityId)).ToList())
        {
            instance.Queue.Remove(item);
            Publish(WorkflowEventKind.ActivityCancelled, item.ActivityId, null);
        }

        // Forget what was decided on the connections into the cancelled branches and into the join itself.
        foreach (var connection in definition.Root.Connections.Where(c => OnTheWay(c.Target.Activity) || c.Target.Activity == joinId))
        {
            instance.Connections.Remove(WorkflowInstance.ConnectionKey(connection));
        }
    }
}
