// What the expression editor offers as you type: the scope's roots (input, variables, outputs, …) and the members of a
// path (outputs → activity ids, outputs.call → that activity's outputs). Computed by Blazor from the descriptors, the
// definition and the sample data; matched here, without the editor, so it is testable.

export interface CompletionItem {
  label: string;
  /** Shown beside the label: a type, a description, a sample value. */
  detail?: string | null;
}

export interface Completions {
  roots: CompletionItem[];
  /** Members by dotted path: "outputs", "outputs.call", "variables", "input". */
  members: Record<string, CompletionItem[]>;
}

/** The completions for the text before `pos`: after `outputs.ca` the members of `outputs` starting with `ca`, replacing
 * from the `c`; after a bare word the roots; null when the cursor is not after a name or a dot (unless `explicit`). */
export function completeAt(text: string, pos: number, completions: Completions, explicit = false): { from: number; options: CompletionItem[] } | null {
  const before = text.slice(0, pos);
  const token = /[A-Za-z_][\w]*(?:\.[A-Za-z_]\w*)*\.?$/.exec(before)?.[0];
  if (!token) {
    return explicit ? { from: pos, options: completions.roots } : null;
  }

  const dot = token.lastIndexOf('.');
  if (dot < 0) {
    return { from: pos - token.length, options: completions.roots.filter((c) => c.label.startsWith(token)) };
  }

  const path = token.slice(0, dot);
  const partial = token.slice(dot + 1);
  const members = completions.members[path];
  return members ? { from: pos - partial.length, options: members.filter((c) => c.label.startsWith(partial)) } : null;
}
