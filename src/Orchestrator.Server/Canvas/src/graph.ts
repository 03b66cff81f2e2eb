import type { Edge, Node } from '@xyflow/react';
import type { CanvasActivity, CanvasGraph } from './messages';

/** Data carried by each React Flow node (what ActivityNode draws). */
export interface ActivityData extends Record<string, unknown> {
  activity: CanvasActivity;
}

export const FailedPort = 'Failed';

/** The id of the edge for a connection: unique per source, port and target. */
export const edgeId = (source: string, port: string, target: string): string => `${source}:${port}->${target}`;

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
    label: c.sourcePort === 'Done' ? undefined : c.sourcePort,
    className: c.sourcePort === FailedPort ? 'edge-failed' : undefined,
    deletable: !graph.readOnly,
  }));
  return { nodes, edges, unpositioned };
}
