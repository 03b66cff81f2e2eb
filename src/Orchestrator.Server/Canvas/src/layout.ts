import type { Edge, Node } from '@xyflow/react';
import type { ActivityData } from './graph';

export const NodeWidth = 200;

/** The height a node will have: its title lines plus one row per port (nodes are not measured before the first draw). */
export const nodeHeight = (node: Node<ActivityData>): number => node.measured?.height ?? 48 + 19 * Math.max(1, node.data.activity.ports.length);

/** Places nodes left to right with ELK's layered algorithm: all of them, or (with `only`) just those, keeping the
 * others where they are. ELK (≈ 1.5 MB) is loaded only when needed, so opening a saved workflow never waits for it. */
export async function layout(nodes: Node<ActivityData>[], edges: Edge[], only?: Set<string>): Promise<Node<ActivityData>[]> {
  const { default: ELK } = await import('elkjs/lib/elk.bundled.js');
  const elk = new ELK();
  const result = await elk.layout({
    id: 'root',
    layoutOptions: {
      'elk.algorithm': 'layered',
      'elk.direction': 'RIGHT',
      'elk.spacing.nodeNode': '40',
      'elk.layered.spacing.nodeNodeBetweenLayers': '80',
    },
    children: nodes.map((n) => ({ id: n.id, width: n.measured?.width ?? NodeWidth, height: nodeHeight(n) })),
    edges: edges.map((e) => ({ id: e.id, sources: [e.source], targets: [e.target] })),
  });
  const placed = new Map((result.children ?? []).map((c) => [c.id, { x: Math.round(c.x ?? 0), y: Math.round(c.y ?? 0) }]));
  return nodes.map((n) => (only && !only.has(n.id) ? n : { ...n, position: placed.get(n.id) ?? n.position }));
}
