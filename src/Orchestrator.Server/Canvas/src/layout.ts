import type { Edge, Node } from '@xyflow/react';

export const NodeWidth = 200;
export const NodeHeight = 72;

/** Places every node left to right with ELK's layered algorithm. ELK (≈ 1.5 MB) is loaded only when a graph has
 * activities without a stored position, so opening a saved workflow never waits for it. */
export async function layout<T extends Record<string, unknown>>(nodes: Node<T>[], edges: Edge[]): Promise<Node<T>[]> {
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
    children: nodes.map((n) => ({ id: n.id, width: NodeWidth, height: NodeHeight })),
    edges: edges.map((e) => ({ id: e.id, sources: [e.source], targets: [e.target] })),
  });
  const placed = new Map((result.children ?? []).map((c) => [c.id, { x: c.x ?? 0, y: c.y ?? 0 }]));
  return nodes.map((n) => ({ ...n, position: placed.get(n.id) ?? n.position }));
}
