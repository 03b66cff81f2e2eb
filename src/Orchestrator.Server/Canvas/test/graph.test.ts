import { describe, expect, it } from 'vitest';
import { edgeId, keepSelection, toFlow } from '../src/graph';
import type { CanvasGraph } from '../src/messages';

const graph: CanvasGraph = {
  readOnly: true,
  activities: [
    { id: 'start', type: 'Start', ports: ['Done'], position: { x: 10, y: 20 } },
    { id: 'call', type: 'http.Request', displayName: 'HTTP request', ports: ['Done', 'Failed'], position: null },
  ],
  connections: [
    { source: 'start', sourcePort: 'Done', target: 'call' },
    { source: 'call', sourcePort: 'Failed', target: 'start' },
  ],
};

describe('toFlow', () => {
  it('marks the connections a run took, and animates those leading to an activity still at work', () => {
    const run: CanvasGraph = {
      ...graph,
      activities: [
        { ...graph.activities[0], status: { state: 'done', outcome: 'Done', runs: 1 } },
        { ...graph.activities[1], status: { state: 'waiting', detail: "event 'go'", runs: 1 } },
      ],
      connections: [{ ...graph.connections[0], taken: true }, graph.connections[1]],
    };
    const { edges } = toFlow(run);
    expect(edges.map((e) => [e.className, e.animated])).toEqual([
      ['edge-taken', true],
      ['edge-failed', false],
    ]);
  });

  it('keeps stored positions and lists the activities ELK must place', () => {
    const { nodes, unpositioned } = toFlow(graph);
    expect(nodes.map((n) => n.position)).toEqual([{ x: 10, y: 20 }, { x: 0, y: 0 }]);
    expect(unpositioned).toEqual(['call']);
  });

  it('draws each connection from its port, labels all but Done and marks Failed apart', () => {
    const { edges } = toFlow(graph);
    expect(edges.map((e) => [e.id, e.sourceHandle, e.label, e.className])).toEqual([
      [edgeId('start', 'Done', 'call'), 'Done', undefined, undefined],
      [edgeId('call', 'Failed', 'start'), 'Failed', 'Failed', 'edge-failed'],
    ]);
  });

  it('makes nothing draggable, connectable or deletable when read-only', () => {
    const { nodes, edges } = toFlow(graph);
    expect(nodes.every((n) => !n.draggable && !n.connectable && !n.deletable)).toBe(true);
    expect(edges.every((e) => !e.deletable)).toBe(true);
    const editable = toFlow({ ...graph, readOnly: false });
    expect(editable.nodes.every((n) => n.draggable && n.connectable && n.deletable)).toBe(true);
  });
});

describe('keepSelection', () => {
  it('keeps the ids that were selected, and drops ids that are gone', () => {
    type Item = { id: string; selected?: boolean };
    const before: Item[] = [{ id: 'a', selected: true }, { id: 'b', selected: false }, { id: 'gone', selected: true }];
    const next = keepSelection<Item>(before, [{ id: 'a' }, { id: 'b' }, { id: 'new' }]);
    expect(next).toEqual([{ id: 'a', selected: true }, { id: 'b', selected: false }, { id: 'new', selected: false }]);
  });

  it('selects what the graph asks to select instead (a dropped or pasted activity)', () => {
    const next = keepSelection<{ id: string; selected?: boolean }>([{ id: 'a', selected: true }], [{ id: 'a' }, { id: 'new' }], ['new']);
    expect(next.map((n) => n.selected)).toEqual([false, true]);
  });
});
