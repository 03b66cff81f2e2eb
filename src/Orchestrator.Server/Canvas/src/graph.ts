import type { Edge, Node } from '@xyflow/react';
import type { CanvasActivity, CanvasConnection, CanvasGraph } from './messages';

/** Data carried by each React Flow node (what ActivityNode draws). */
export interface ActivityData extends Record<string, unknown> {
  activity: CanvasActivity;
}

export const FailedPort = 'Failed';
export const DonePort = 'Done';

/** The id of the edge for a connection: unique per source, port and target. */
export const edgeId = (source: string, port: string, target: string): string => `${source}:${port}->${target}`;

/** The connection an edge draws. */
export const connectionOf = (edge: Edge): CanvasConnection => ({
  source: edge.source,
  sourcePort: edge.sourceHandle ?? DonePort,
  target: edge.target,
});

/** Maps the graph from Blazor to React Flow nodes and edges; activities without a position get (0, 0) and are listed
 * in `unpositioned` for the layout to place. A connection from a port the activity does not list still draws (the
 * validator reports it), so nothing the definition holds is hidden. */
export function toFlow(graph: CanvasGraph): { nodes: Node<ActivityData>[]; edges: Edge[]; unpositioned: string[] } {
  const unpositioned: string[] = [];
  const nodes = graph.activities.map((activity): Node<ActivityData> => {
    if (!activity.position) {
      unpositioned.push(activity.id);
    }

    return {
      id: activity.id,
      type: 'activity',
      position: activity.position ?? { x: 0, y: 0 },
      data: { activity },
      draggable: !graph.readOnly,
      connectable: !graph.readOnly,
      deletable: !graph.readOnly,
    };
  });
  const edges = graph.connections.map((c): Edge => ({
    id: edgeId(c.source, c.sourcePort, c.target),
    source: c.source,
    sourceHandle: c.sourcePort,
    target: c.target,
    label: c.sourcePort === DonePort ? undefined : c.sourcePort,
    className: [c.sourcePort === FailedPort ? 'edge-failed' : '', c.taken ? 'edge-taken' : '', c.change ? `edge-${c.change}` : ''].filter(Boolean).join(' ') || undefined,
    animated: c.taken === true && graph.activities.some((a) => a.id === c.target && (a.status?.state === 'running' || a.status?.state === 'waiting')),
    deletable: !graph.readOnly,
  }));
  return { nodes, edges, unpositioned };
}

/** Carries selection over from the nodes drawn before to the same ids in the new graph (or selects `select`), so an
 * edit applied by Blazor does not lose what the user had selected. */
export function keepSelection<T extends { id: string; selected?: boolean }>(previous: T[], next: T[], select?: string[] | null): T[] {
  const selected = select && select.length > 0 ? new Set(select) : new Set(previous.filter((n) => n.selected).map((n) => n.id));
  return next.map((n) => ({ ...n, selected: selected.has(n.id) }));
}
