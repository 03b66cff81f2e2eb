// The one typed message set between Blazor (Components/Canvas/FlowCanvas.razor.cs) and the canvas.
// In: the graph. Out: coarse events only (selection), never pointer moves.

/** Where an activity sits on the canvas, as stored in the definition. */
export interface Position {
  x: number;
  y: number;
}

/** One activity as the canvas draws it: its outcome ports come from the activity's descriptor. */
export interface CanvasActivity {
  id: string;
  type: string;
  /** The activity's display name (its descriptor's), shown under the id. */
  displayName?: string;
  category?: string;
  /** Outcome ports, each drawn as a labelled handle; "Failed" is drawn apart. */
  ports: string[];
  /** Stored position; activities without one are laid out by ELK. */
  position?: Position | null;
}

export interface CanvasConnection {
  source: string;
  sourcePort: string;
  target: string;
}

export interface CanvasGraph {
  readOnly: boolean;
  activities: CanvasActivity[];
  connections: CanvasConnection[];
}

/** What the canvas tells Blazor (a DotNetObjectReference's [JSInvokable] methods). */
export interface CanvasEvents {
  invokeMethodAsync(method: 'OnSelectionChanged', activityIds: string[]): Promise<unknown>;
}
