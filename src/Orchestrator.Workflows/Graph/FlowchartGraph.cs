using Orchestrator.Workflows.Definitions;
using Orchestrator.Workflows.Descriptors;

namespace Orchestrator.Workflows.Graph;

/// <summary>
/// The flowchart as a graph: inbound and outbound connections per activity, reachability, and the back edges that
/// close loops. The validator and the runtime share it.
/// </summary>
public sealed class FlowchartGraph
{
    private readonly Dictionary<string, List<Connection>> _outbound = new(StringComparer.Ordinal);
    private readonly Dictionary<string, List<Connection>> _inbound = new(StringComparer.Ordinal);
    private readonly Dictionary<string, HashSet<string>> _reachable = new(StringComparer.Ordinal);
    private readonly HashSet<Connection> _backEdges = new(ReferenceEqualityComparer.Instance);

    public FlowchartGraph(Flowchart flowchart)
    {
        Activities = (flowchart.Activities ?? []).Where(a => a?.Id is not null)
            .GroupBy(a => a.Id, StringComparer.Ordinal).ToDictionary(g => g.Key, g => g.First(), StringComparer.Ordinal);
        foreach (var connection in flowchart.Connections ?? [])
        {
            if (connection?.Source?.Activity is not { } source || connection.Target?.Activity is not { } target
                || !Activities.ContainsKey(source) || !Activities.ContainsKey(target))
            {
                continue;
            }

            Add(_outbound, source, connection);
            Add(_inbound, target, connection);
        }

        FindBackEdges();
    }

    public IReadOnlyDictionary<string, ActivityNode> Activities { get; }

    private static readonly System.Runtime.CompilerServices.ConditionalWeakTable<Flowchart, FlowchartGraph> Cache = new();

    /// <summary>The graph of a flowchart, built once per flowchart object (definitions are immutable once stored).</summary>
    public static FlowchartGraph Of(Flowchart flowchart) => Cache.GetValue(flowchart, f => new FlowchartGraph(f));

    public static string PortOf(Connection connection) => connection.Source.Port ?? Ports.Done;

    public IReadOnlyList<Connection> Outbound(string activityId) => _outbound.TryGetValue(activityId, out var list) ? list : [];

    public IReadOnlyList<Connection> Inbound(string activityId) => _inbound.TryGetValue(activityId, out var list) ? list : [];

    /// <summary>Every activity reachable from <paramref name="activityId"/> by following connections (itself only if on a cycle).</summary>
    public IReadOnlySet<string> ReachableFrom(string activityId)
    {
        if (_reachable.TryGetValue(activityId, out var cached))
        {
            return cached;
        }

        var seen = new HashSet<string>(StringComparer.Ordinal);
        var stack = new Stack<string>(Outbound(activityId).Select(c => c.Target.Activity));
        while (stack.TryPop(out var next))
        {
            if (seen.Add(next))
            {
                foreach (var connection in Outbound(next))
                {
                    stack.Push(connection.Target.Activity);
                }
            }
        }

        _reachable[activityId] = seen;
        return seen;
    }

    /// <summary>A back edge closes a loop: walking the flowchart depth-first from Start, it leads back to an activity still
    /// on the walk. Joins do not wait for back edges; arriving over one starts the next iteration.</summary>
    public bool IsBackEdge(Connection connection) => _backEdges.Contains(connection);

    /// <summary>Groups of activities that form cycles (strongly connected components with a loop), via Tarjan's algorithm,
    /// optionally ignoring some activities (e.g. the ones that can wait, to find loops that never do).</summary>
    public IReadOnlyList<IReadOnlyList<string>> Cycles(Func<ActivityNode, bool>? ignore = null)
    {
        var index = 0;
        var indices = new Dictionary<string, int>(StringComparer.Ordinal);
        var low = new Dictionary<string, int>(StringComparer.Ordinal);
        var onStack = new HashSet<string>(StringComparer.Ordinal);
        var stack = new Stack<string>();
        var cycles = new List<IReadOnlyList<string>>();

        void Visit(string v)
        {
            indices[v] = low[v] = index++;
            stack.Push(v);
            onStack.Add(v);
            foreach (var w in Outbound(v).Select(c => c.Target.Activity).Where(w => ignore is null || !ignore(Activities[w])))
            {
                if (!indices.ContainsKey(w))
                {
                    Visit(w);
                    low[v] = Math.Min(low[v], low[w]);
                }
                else if (onStack.Contains(w))
                {
                    low[v] = Math.Min(low[v], indices[w]);
                }
            }

            if (low[v] != indices[v])
            {
                return;
            }

            var component = new List<string>();
            string member;
            do
            {
                member = stack.Pop();
                onStack.Remove(member);
                component.Add(member);
            }
            while (member != v);

            if (component.Count > 1 || Outbound(v).Any(c => c.Target.Activity == v))
            {
                component.Reverse();
                cycles.Add(component);
            }
        }

        foreach (var id in Activities.Keys.Where(id => !indices.ContainsKey(id) && (ignore is null || !ignore(Activities[id]))))
        {
            Visit(id);
        }

        return cycles;
    }

    /// <summary>Classifies edges by an iterative depth-first walk, from Start first, then from any activity not yet seen.</summary>
    private void FindBackEdges()
    {
        var state = new Dictionary<string, int>(StringComparer.Ordinal); // 1 = on the walk, 2 = done
        var roots = Activities.Values.Where(a => a.Type == "Start").Concat(Activities.Values).Select(a => a.Id);
        foreach (var root in roots)
        {
            if (state.ContainsKey(root))
            {
                continue;
            }

            var stack = new Stack<(string Node, int Next)>();
            stack.Push((root, 0));
            state[root] = 1;
            while (stack.Count > 0)
            {
                var (node, next) = stack.Pop();
                var outbound = Outbound(node);
                if (next < outbound.Count)
                {
                    stack.Push((node, next + 1));
                    var edge = outbound[next];
                    var target = edge.Target.Activity;
                    if (!state.TryGetValue(target, out var targetState))
                    {
                        state[target] = 1;
                        stack.Push((target, 0));
                    }
                    else if (targetState == 1)
                    {
                        _backEdges.Add(edge);
                    }
                }
                else
                {
                    state[node] = 2;
                }
            }
        }
    }

    private static void Add(Dictionary<string, List<Connection>> map, string key, Connection connection)
    {
        if (!map.TryGetValue(key, out var list))
        {
            map[key] = list = [];
        }

        list.Add(connection);
    }
}
