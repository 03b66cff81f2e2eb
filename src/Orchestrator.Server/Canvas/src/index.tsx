import { createRoot, type Root } from 'react-dom/client';
import { useCallback, useEffect, useRef, useState } from 'react';
import {
  Background,
  Controls,
  MiniMap,
  ReactFlow,
  ReactFlowProvider,
  useEdgesState,
  useNodesState,
  useReactFlow,
  type Connection,
  type Edge,
  type EdgeChange,
  type Node,
  type NodeChange,
} from '@xyflow/react';
import '@xyflow/react/dist/style.css';
import './canvas.css';
import { ActivityNode } from './ActivityNode';
import { copySelection, isClipboardPayload } from './clipboard';
import { connectionOf, keepSelection, toFlow, type ActivityData } from './graph';
import { layout } from './layout';
import { ToolboxDragType, type CanvasEvents, type CanvasGraph, type Placement } from './messages';

const nodeTypes = { activity: ActivityNode };
const grid: [number, number] = [16, 16];

/** Commands Blazor sends besides a new graph; the mounted canvas fills them in. */
interface Commands {
  select(activityId: string): void;
  layoutAll(): void;
  copy(): Promise<boolean>;
  paste(): Promise<void>;
}

/** The last copy, for when the system clipboard may not be read (no permission): pasting still works in this tab. */
let lastCopied: string | null = null;

const placements = (nodes: Node[]): Placement[] => nodes.map((n) => ({ id: n.id, x: n.position.x, y: n.position.y }));

const typing = (target: EventTarget | null): boolean =>
  target instanceof HTMLElement && (target.isContentEditable || ['INPUT', 'TEXTAREA', 'SELECT'].includes(target.tagName));

function Canvas({ graph, events, commands }: { graph: CanvasGraph; events: CanvasEvents | null; commands: Commands }) {
  const [nodes, setNodes, onNodesChange] = useNodesState<Node<ActivityData>>([]);
  const [edges, setEdges, onEdgesChange] = useEdgesState<Edge>([]);
  const [drawn, setDrawn] = useState(false);
  const flow = useReactFlow<Node<ActivityData>, Edge>();
  const editable = !graph.readOnly && events !== null;
  const latest = useRef({ nodes, edges, graph });
  latest.current = { nodes, edges, graph };
  const surface = useRef<HTMLDivElement>(null);
  const reveal = useRef<string[] | 'all' | null>(null);
  // The selection last told to Blazor: React Flow also reports a selection when nodes are replaced or first drawn,
  // and an empty one then would clear what the page selected by itself (a journal row, a find).
  const reported = useRef('');

  // A new graph from Blazor: draw it, keeping the selection; place activities that have no stored position.
  useEffect(() => {
    let current = true;
    const next = toFlow(graph);
    const show = (placed: Node<ActivityData>[]) => {
      setNodes((previous) => keepSelection(previous, placed, graph.select));
      reveal.current = graph.fit ? 'all' : graph.select && graph.select.length > 0 ? graph.select : null;
      setEdges((previous) => keepSelection(previous, next.edges));
      setDrawn(true);
    };
    if (next.unpositioned.length === 0) {
      show(next.nodes);
    } else {
      const only = next.unpositioned.length < next.nodes.length ? new Set(next.unpositioned) : undefined;
      void layout(next.nodes, next.edges, only).then((placed) => {
        if (current) {
          show(placed);
          // Read-only views keep the layout too, so a live update (a run's statuses) does not lay it out again.
          if (events) {
            void events.invokeMethodAsync('OnLaidOut', placements(placed.filter((n) => next.unpositioned.includes(n.id))));
          }
        }
      });
    }
    return () => {
      current = false;
    };
  }, [graph]);

  // Activities Blazor selected (added, pasted): when the first is outside the view, centre it, keeping the zoom.
  // A graph to fit (restored, reloaded): show all of it.
  useEffect(() => {
    const wanted = reveal.current;
    if (wanted === null) {
      return; // most renders (every frame of a drag): nothing to reveal, and no layout read that would force a reflow
    }

    reveal.current = null;
    if (wanted === 'all') {
      void flow.fitView({ duration: 200 });
      return;
    }

    const node = nodes.find((n) => n.id === wanted[0]);
    const box = node ? surface.current?.getBoundingClientRect() : undefined;
    if (!box || !node) {
      return;
    }

    const zoom = flow.getZoom();
    const width = node.measured?.width ?? 200;
    const height = node.measured?.height ?? 80;
    const corner = flow.flowToScreenPosition(node.position);
    if (corner.x < box.left || corner.y < box.top || corner.x + width * zoom > box.right || corner.y + height * zoom > box.bottom) {
      void flow.setCenter(node.position.x + width / 2, node.position.y + height / 2, { zoom, duration: 200 });
    }
  }, [nodes]);

  commands.select = (activityId) => {
    setNodes((all) => all.map((n) => ({ ...n, selected: n.id === activityId })));
    void flow.fitView({ nodes: [{ id: activityId }], duration: 200, maxZoom: 1.2 });
  };
  commands.layoutAll = () => {
    void layout(latest.current.nodes, latest.current.edges).then((placed) => void events?.invokeMethodAsync('OnMoved', placements(placed)));
  };
  commands.copy = async () => {
    const { nodes: all, edges: lines, graph: g } = latest.current;
    const text = copySelection(g.activities, lines, new Set(all.filter((n) => n.selected).map((n) => n.id)));
    if (text === null) {
      return false;
    }

    lastCopied = text;
    try {
      await navigator.clipboard.writeText(text);
    } catch {
      // No clipboard permission: lastCopied still pastes within this tab.
    }
    return true;
  };
  commands.paste = async () => {
    let text: string | null = null;
    try {
      text = await navigator.clipboard.readText();
    } catch {
      text = null;
    }
    text = text && isClipboardPayload(text) ? text : lastCopied;
    if (text) {
      await events?.invokeMethodAsync('OnPasted', text);
    }
  };

  // Keyboard: undo/redo, copy/paste — not while the user types in a field.
  useEffect(() => {
    if (!editable) {
      return;
    }

    const onKey = (e: KeyboardEvent) => {
      if (typing(e.target) || !(e.ctrlKey || e.metaKey)) {
        return;
      }

      const key = e.key.toLowerCase();
      if (key === 'z' || key === 'y') {
        e.preventDefault();
        void events!.invokeMethodAsync(key === 'y' || e.shiftKey ? 'OnRedo' : 'OnUndo');
      } else if (key === 'c' && !window.getSelection()?.toString()) {
        void commands.copy();
      } else if (key === 'v') {
        void commands.paste();
      }
    };
    document.addEventListener('keydown', onKey);
    return () => document.removeEventListener('keydown', onKey);
  }, [editable, events]);

  // Removals are Blazor's to apply (onDelete below), so the canvas never shows a state the definition does not have.
  const nodeChanges = useCallback((changes: NodeChange<Node<ActivityData>>[]) => onNodesChange(changes.filter((c) => c.type !== 'remove')), [onNodesChange]);
  const edgeChanges = useCallback((changes: EdgeChange<Edge>[]) => onEdgesChange(changes.filter((c) => c.type !== 'remove')), [onEdgesChange]);

  // Stable across renders (a new handler each frame of a drag would be handed to React Flow's store each time).
  const selectionChange = useCallback(({ nodes: selected }: { nodes: Node[] }) => {
    const ids = selected.map((n) => n.id);
    const key = [...ids].sort().join('\n');
    if (key !== reported.current) {
      reported.current = key;
      void events?.invokeMethodAsync('OnSelectionChanged', ids);
    }
  }, [events]);
  const connect = useCallback((c: Connection) => void events?.invokeMethodAsync('OnConnected', c.source, c.sourceHandle ?? 'Done', c.target), [events]);
  const remove = useCallback(({ nodes: gone, edges: cut }: { nodes: Node[]; edges: Edge[] }) =>
    void events?.invokeMethodAsync('OnDeleted', gone.map((n) => n.id), cut.map(connectionOf)), [events]);
  const dragStop = useCallback((_: unknown, __: unknown, dragged: Node[]) => void events?.invokeMethodAsync('OnMoved', placements(dragged)), [events]);

  if (!drawn) {
    return <div className="canvas-loading">Laying out…</div>;
  }

  return (
    <div
      className="canvas-surface"
      ref={surface}
      onDragOver={(e) => {
        if (editable && e.dataTransfer.types.includes(ToolboxDragType)) {
          e.preventDefault();
          e.dataTransfer.dropEffect = 'copy';
        }
      }}
      onDrop={(e) => {
        const type = e.dataTransfer.getData(ToolboxDragType);
        if (editable && type) {
          e.preventDefault();
          const at = flow.screenToFlowPosition({ x: e.clientX, y: e.clientY });
          void events!.invokeMethodAsync('OnActivityDropped', type, Math.round(at.x), Math.round(at.y));
        }
      }}
    >
      <ReactFlow
        nodes={nodes}
        edges={edges}
        onNodesChange={nodeChanges}
        onEdgesChange={edgeChanges}
        nodeTypes={nodeTypes}
        fitView
        onlyRenderVisibleElements
        nodesDraggable={editable}
        nodesConnectable={editable}
        elementsSelectable
        snapToGrid
        snapGrid={grid}
        deleteKeyCode={editable ? ['Delete', 'Backspace'] : null}
        onSelectionChange={selectionChange}
        onConnect={connect}
        onDelete={remove}
        onNodeDragStop={dragStop}
        proOptions={{ hideAttribution: true }}
      >
        <Background gap={grid} />
        <MiniMap pannable zoomable />
        <Controls showInteractive={false} />
      </ReactFlow>
    </div>
  );
}

/** What `mount` returns to Blazor: redraw with a new graph, commands, or unmount. */
export interface CanvasHandle {
  update(graph: CanvasGraph): void;
  select(activityId: string): void;
  layoutAll(): void;
  copy(): Promise<boolean>;
  paste(): Promise<void>;
  dispose(): void;
}

/** Toolbox items (any element with `data-toolbox-type`) put their activity type on the drag, for the canvas's drop. */
function onToolboxDragStart(e: DragEvent) {
  const item = (e.target as HTMLElement | null)?.closest?.('[data-toolbox-type]') as HTMLElement | null;
  if (item && e.dataTransfer) {
    e.dataTransfer.setData(ToolboxDragType, item.dataset.toolboxType ?? '');
    e.dataTransfer.effectAllowed = 'copy';
  }
}

/** Mounts the canvas in `element` (called by FlowCanvas.razor.cs through a JS module import). */
export function mount(element: HTMLElement, graph: CanvasGraph, events: CanvasEvents | null): CanvasHandle {
  const root: Root = createRoot(element);
  const commands: Commands = { select: () => {}, layoutAll: () => {}, copy: async () => false, paste: async () => {} };
  const render = (g: CanvasGraph) =>
    root.render(
      <ReactFlowProvider>
        <Canvas graph={g} events={events} commands={commands} />
      </ReactFlowProvider>,
    );
  document.addEventListener('dragstart', onToolboxDragStart);
  render(graph);
  element.dataset.canvasReady = 'true';
  return {
    update: render,
    select: (id) => commands.select(id),
    layoutAll: () => commands.layoutAll(),
    copy: () => commands.copy(),
    paste: () => commands.paste(),
    dispose: () => {
      document.removeEventListener('dragstart', onToolboxDragStart);
      root.unmount();
    },
  };
}
