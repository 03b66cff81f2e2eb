// The expression editor island: CodeMirror 6 in the property panel, with completion of the scope (completions.ts).
// In: the text and the completions. Out: the text as typed (debounced, for the live preview) and when the field is
// left (the edit, one undo step). Mounted by Components/Workflows/Designer/ExpressionEditor.razor.cs.
import { EditorState } from '@codemirror/state';
import { EditorView, keymap, placeholder } from '@codemirror/view';
import { autocompletion, completionKeymap, type CompletionContext } from '@codemirror/autocomplete';
import { defaultKeymap, history, historyKeymap } from '@codemirror/commands';
import { completeAt, type Completions } from './completions';

export interface ExpressionOptions {
  value: string;
  label: string;
  placeholder?: string | null;
  completions: Completions;
}

export interface ExpressionEvents {
  invokeMethodAsync(method: 'OnTyped', text: string): Promise<unknown>;
  invokeMethodAsync(method: 'OnCommitted', text: string): Promise<unknown>;
}

export interface ExpressionHandle {
  setValue(text: string): void;
  setCompletions(completions: Completions): void;
  dispose(): void;
}

const theme = EditorView.theme({
  '&': { fontSize: '12px', border: '1px solid var(--mud-palette-lines-inputs, #bbb)', borderRadius: '4px', background: 'var(--mud-palette-surface, #fff)' },
  '&.cm-focused': { outline: '2px solid var(--mud-palette-primary, #594ae2)' },
  '.cm-content': { fontFamily: 'ui-monospace, Menlo, Consolas, monospace', padding: '6px 0', minHeight: '2.4em', color: 'var(--mud-palette-text-primary, #222)' },
  '.cm-tooltip-autocomplete': { fontSize: '12px' },
});

export function mount(element: HTMLElement, options: ExpressionOptions, events: ExpressionEvents): ExpressionHandle {
  let completions = options.completions;
  let committed = options.value;
  let timer: ReturnType<typeof setTimeout> | undefined;
  const source = (context: CompletionContext) => {
    const found = completeAt(context.state.doc.toString(), context.pos, completions, context.explicit);
    return found && found.options.length > 0
      ? { from: found.from, options: found.options.map((o) => ({ label: o.label, detail: o.detail ?? undefined, type: 'property' })) }
      : null;
  };
  const commit = (text: string) => {
    if (text !== committed) {
      committed = text;
      void events.invokeMethodAsync('OnCommitted', text);
    }
  };

  const view = new EditorView({
    parent: element,
    state: EditorState.create({
      doc: options.value,
      extensions: [
        history(),
        keymap.of([...completionKeymap, ...defaultKeymap, ...historyKeymap]),
        autocompletion({ override: [source], activateOnTyping: true }),
        EditorView.lineWrapping,
        EditorView.contentAttributes.of({ 'aria-label': options.label, 'data-expression-editor': 'true' }),
        placeholder(options.placeholder ?? ''),
        theme,
        EditorView.updateListener.of((update) => {
          if (update.docChanged) {
            const text = update.state.doc.toString();
            clearTimeout(timer);
            timer = setTimeout(() => void events.invokeMethodAsync('OnTyped', text), 250);
          }

          if (update.focusChanged && !update.view.hasFocus) {
            commit(update.state.doc.toString());
          }
        }),
      ],
    }),
  });

  return {
    setValue(text) {
      committed = text;
      if (text !== view.state.doc.toString()) {
        view.dispatch({ changes: { from: 0, to: view.state.doc.length, insert: text } });
      }
    },
    setCompletions(next) {
      completions = next;
    },
    dispose() {
      clearTimeout(timer);
      view.destroy();
    },
  };
}
