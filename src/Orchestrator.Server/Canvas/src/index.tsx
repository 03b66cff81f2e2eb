import { createRoot, type Root } from 'react-dom/client';
import { useEffect, useState } from 'react';
import { Background, Controls, MiniMap, ReactFlow, ReactFlowProvider, type Edge, type Node } from '@xyflow/react';
import '@xyflow/react/dist/style.css';
import './canvas.css';
import { ActivityNode } from './ActivityNode';
import { toFlow, type ActivityData } from './graph';
import { layout } from './layout';
import type { CanvasEvents, CanvasGraph } from './messages';

const nodeTypes = { activity: ActivityNode };

function Canvas({ graph, events }: { graph: CanvasGraph; events: CanvasEvents | null }) {
  const [flow, setFlow] = useState<{ nodes: Node<ActivityData>[]; edges: Edge[]; version: number } | null>(null);

  useEffect(() => {
    let current = true;
    const { nodes, edges, unpositioned } = toFlow(graph);
    if (unpositioned.length === 0) {
      setFlow((f) => ({ nodes, edges, version: (f?.version ?? 0) + 1 }));
    } else {
      void layout(nodes, edges).then((placed) => current && setFlow((f) => ({ nodes: placed, edges, version: (f?.version ?? 0) + 1 })));
    }
    return () => {
      current = false;
    };
  }, [graph]);

  if (!flow) {
    return <div className="canvas-loading">Laying out…</div>;
  }

  return (
    // Uncontrolled: React Flow keeps selection and (in the designer) moves itself; a new graph from Blazor remounts it.
    <ReactFlow
      key={flow.version}
      defaultNodes={flow.nodes}
      defaultEdges={flow.edges}
      nodeTypes={nodeTypes}
      fitView
      onlyRenderVisibleElements
      nodesDraggable={!graph.readOnly}
      nodesConnectable={!graph.readOnly}
      elementsSelectable
      onSelectionChange={({ nodes }) => void events?.invokeMethodAsync('OnSelectionChanged', nodes.map((n) => n.id))}
      proOptions={{ hideAttribution: true }}
    >
      <Background gap={16} />
      <MiniMap pannable zoomable />
      <Controls showInteractive={!graph.readOnly} />
    </ReactFlow>
  );
}

/** What `mount` returns to Blazor: redraw with a new graph, or unmount. */
export interface CanvasHandle {
  update(graph: CanvasGraph): void;
  dispose(): void;
}

/** Mounts the canvas in `element` (called by FlowCanvas.razor.cs through a JS module import). */
export function mount(element: HTMLElement, graph: CanvasGraph, events: CanvasEvents | null): CanvasHandle {
  const root: Root = createRoot(element);
  const render = (g: CanvasGraph) =>
    root.render(
      <ReactFlowProvider>
        <Canvas graph={g} events={events} />
      </ReactFlowProvider>,
    );
  render(graph);
  element.dataset.canvasReady = 'true';
  return {
    update: render,
    dispose: () => root.unmount(),
  };
}
