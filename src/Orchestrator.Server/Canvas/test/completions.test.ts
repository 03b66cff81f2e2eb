import { describe, expect, it } from 'vitest';
import { completeAt, type Completions } from '../src/completions';

const completions: Completions = {
  roots: [{ label: 'input' }, { label: 'outputs' }, { label: 'variables' }],
  members: {
    outputs: [{ label: 'call', detail: 'HTTP request' }, { label: 'check' }],
    'outputs.call': [{ label: 'status', detail: 'Number' }, { label: 'body' }],
  },
};

const at = (text: string, explicit = false) => completeAt(text, text.length, completions, explicit);

describe('completeAt', () => {
  it('offers the roots for a bare word, matching its start', () => {
    expect(at('ou')).toEqual({ from: 0, options: [{ label: 'outputs' }] });
    expect(at('1 + in')?.from).toBe(4);
  });

  it('offers the members of the path before the dot, replacing only the last part', () => {
    expect(at('outputs.')?.options.map((o) => o.label)).toEqual(['call', 'check']);
    expect(at('outputs.ca')).toEqual({ from: 8, options: [{ label: 'call', detail: 'HTTP request' }] });
    expect(at('outputs.call.st')).toEqual({ from: 13, options: [{ label: 'status', detail: 'Number' }] });
  });

  it('offers nothing for an unknown path, and the roots on request in empty space', () => {
    expect(at('variables.x.')).toBeNull();
    expect(at('1 + ')).toBeNull();
    expect(at('1 + ', true)?.options).toHaveLength(3);
  });
});
