import { describe, expect, it } from 'vitest';
import type { Edge } from '@xyflow/react';
import { copySelection, isClipboardPayload } from '../src/clipboard';
import type { CanvasActivity } from '../src/messages';

const activity = (id: string): CanvasActivity => ({ id, type: 'Log', ports: ['Done', 'Failed'], json: JSON.stringify({ id, type: 'Log', inputs: { message: 'hi' } }) });
const edge = (source: string, port: string, target: string): Edge => ({ id: `${source}:${port}->${target}`, source, sourceHandle: port, target });

describe('copySelection', () => {
  const activities = [activity('a'), activity('b'), activity('c')];
  const edges = [edge('a', 'Done', 'b'), edge('b', 'Failed', 'c')];

  it('copies the selected activities as definition JSON and only the connections between them', () => {
    const text = copySelection(activities, edges, new Set(['a', 'b']))!;
    const payload = JSON.parse(text);
    expect(payload.orchestrator).toBe('activities');
    expect(payload.activities).toEqual([
      { id: 'a', type: 'Log', inputs: { message: 'hi' } },
      { id: 'b', type: 'Log', inputs: { message: 'hi' } },
    ]);
    expect(payload.connections).toEqual([{ source: { activity: 'a' }, target: { activity: 'b' } }]);
  });

  it('keeps a port other than Done on the connection', () => {
    const payload = JSON.parse(copySelection(activities, edges, new Set(['b', 'c']))!);
    expect(payload.connections).toEqual([{ source: { activity: 'b', port: 'Failed' }, target: { activity: 'c' } }]);
  });

  it('copies nothing when nothing is selected', () => {
    expect(copySelection(activities, edges, new Set())).toBeNull();
  });
});

describe('isClipboardPayload', () => {
  it('recognises what copySelection wrote and nothing else', () => {
    expect(isClipboardPayload(copySelection([activity('a')], [], new Set(['a']))!)).toBe(true);
    expect(isClipboardPayload('hello')).toBe(false);
    expect(isClipboardPayload('{"activities": []}')).toBe(false);
    expect(isClipboardPayload('null')).toBe(false);
  });
});
