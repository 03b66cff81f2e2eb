// The one typed message set between Blazor (Components/Canvas/FlowCanvas.razor.cs) and the canvas.
// In: the graph (and a few commands: select, lay out). Out: coarse events only — selection, edits, moves when a drag
// ends — never pointer moves. The definition itself lives on the Blazor side; the canvas asks, Blazor applies and
// sends the new graph back.

/** Where an activity sits on the canvas, as stored in the definition. */
export interface Position {
  x: number;
  y: number;
}

/** One activity as the canvas draws it: its outcome ports come from the activity's descriptor. */
export interface CanvasActivity {
  id: string;
  type: string;
  /** The activity's label in the definition (`name`), if it has one. */
  name?: string | null;
  /** The activity type's display name (its descriptor's), shown under the id. */
  displayName?: string | null;
  category?: string | null;
  /** Outcome ports, each drawn as a labelled handle; "Failed" is drawn apart. */
  ports: string[];
  /** Stored position; activities without one are laid out by ELK. */
  position?: Position | null;
  /** What the validator says is wrong with this activity (shown on the node). */
  errors?: string[] | null;
  /** The activity as definition JSON (for copy); absent when read-only. */
  json?: string | null;
  /** Where the activity stands in a run (the run view only). */
  status?: CanvasStatus | null;
}

/** An activity's state in a run, as Components/Runs/RunProgress.cs reads it from the journal. */
export type RunState = 'pending' | 'running' | 'waiting' | 'done' | 'failed' | 'cancelled' | 'skipped';

/** How an activity differs between two compared versions (the version comparison draws these in place of run states). */
export type DiffState = 'added' | 'removed' | 'changed' | 'unchanged';

export interface CanvasStatus {
  state: RunState | DiffState;
  /** The port a done activity took. */
  outcome?: string | null;
  /** What it waits for, or its error. */
  detail?: string | null;
  /** How many times it ran (loops, retries). */
  runs: number;
}

export interface CanvasConnection {
  source: string;
  sourcePort: string;
  target: string;
  /** The run went along it (the run view only). */
  taken?: boolean | null;
  /** In a comparison of two versions: 'added' or 'removed'. */
  change?: string | null;
}

export interface CanvasGraph {
  readOnly: boolean;
  activities: CanvasActivity[];
  connections: CanvasConnection[];
  /** Activities to select once this graph is drawn (e.g. the one just dropped or pasted). */
  select?: string[] | null;
  /** Fit the whole flowchart into view once drawn (a definition replaced wholesale: restored, reloaded). */
  fit?: boolean | null;
}

/** A position reported when a drag ends or a layout placed activities. */
export interface Placement {
  id: string;
  x: number;
  y: number;
}

/** What the canvas tells Blazor (a DotNetObjectReference's [JSInvokable] methods). */
export interface CanvasEvents {
  invokeMethodAsync(method: 'OnSelectionChanged', activityIds: string[]): Promise<unknown>;
  invokeMethodAsync(method: 'OnActivityDropped', type: string, x: number, y: number): Promise<unknown>;
  invokeMethodAsync(method: 'OnConnected', source: string, port: string, target: string): Promise<unknown>;
  invokeMethodAsync(method: 'OnDeleted', activityIds: string[], connections: CanvasConnection[]): Promise<unknown>;
  invokeMethodAsync(method: 'OnMoved', placements: Placement[]): Promise<unknown>;
  invokeMethodAsync(method: 'OnLaidOut', placements: Placement[]): Promise<unknown>;
  invokeMethodAsync(method: 'OnUndo' | 'OnRedo'): Promise<unknown>;
  invokeMethodAsync(method: 'OnPasted', clipboard: string): Promise<unknown>;
}

/** The MIME type a toolbox item puts on the drag (its value: the activity type). */
export const ToolboxDragType = 'application/x-orchestrator-activity';
