import type { Edge } from '@xyflow/react';
import { DonePort } from './graph';
import type { CanvasActivity } from './messages';

/** What the designer puts on the clipboard: the selected activities as definition JSON and the connections among
 * them, in the definition's own connection form — so it pastes into any workflow, and reads as JSON anywhere else. */
export interface ClipboardPayload {
  orchestrator: 'activities';
  activities: unknown[];
  connections: { source: { activity: string; port?: string }; target: { activity: string } }[];
}

/** The clipboard text for the selected activities (those with definition JSON), or null when nothing is selected.
 * Connections go along only when both ends are copied. */
export function copySelection(activities: CanvasActivity[], edges: Edge[], selected: Set<string>): string | null {
  const copied = activities.filter((a) => selected.has(a.id) && a.json);
  if (copied.length === 0) {
    return null;
  }

  const ids = new Set(copied.map((a) => a.id));
  const payload: ClipboardPayload = {
    orchestrator: 'activities',
    activities: copied.map((a) => JSON.parse(a.json!)),
    connections: edges
      .filter((e) => ids.has(e.source) && ids.has(e.target))
      .map((e) => ({
        source: e.sourceHandle && e.sourceHandle !== DonePort ? { activity: e.source, port: e.sourceHandle } : { activity: e.source },
        target: { activity: e.target },
      })),
  };
  return JSON.stringify(payload, null, 2);
}

/** True when `text` is something copySelection wrote (other clipboard text is not pasted onto the canvas). */
export function isClipboardPayload(text: string): boolean {
  try {
    const value = JSON.parse(text) as Partial<ClipboardPayload>;
    return value?.orchestrator === 'activities' && Array.isArray(value.activities) && Array.isArray(value.connections);
  } catch {
    return false;
  }
}
