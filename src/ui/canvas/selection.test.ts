import { describe, expect, it } from 'vitest';
import type { ProcessCardView } from '../../engine/public';
import { cardHighlighted, highlightKey, isSelected } from './selection';

const p = (id: string, kind: ProcessCardView['kind'], appId: string | null): ProcessCardView => ({
  id,
  kind,
  label: id,
  appId,
  state: 'RUNNING',
  cores: 1,
  memoryMb: 1,
  exitCode: null,
  ended: false,
});
const procs = [p('driver-1', 'driver', 'app-1'), p('app-1/0', 'executor', 'app-1'), p('app-2/0', 'executor', 'app-2')];

describe('isSelected', () => {
  it('matches kind and id', () => {
    expect(isSelected({ kind: 'worker', id: 'w1' }, 'worker', 'w1')).toBe(true);
    expect(isSelected({ kind: 'master', id: 'w1' }, 'worker', 'w1')).toBe(false);
    expect(isSelected(null, 'worker', 'w1')).toBe(false);
  });
});

describe('highlightKey and cardHighlighted', () => {
  it('highlights the selected process when the node has it', () => {
    const key = highlightKey({ kind: 'executor', id: 'app-1/0' }, procs);
    expect(key).toBe('proc:app-1/0');
    expect(procs.map((x) => cardHighlighted(key, x))).toEqual([false, true, false]);
    expect(highlightKey({ kind: 'executor', id: 'app-9/0' }, procs)).toBeNull();
    expect(highlightKey({ kind: 'driver', id: 'app-1/0' }, procs)).toBeNull();
  });

  it('highlights every card of a selected application', () => {
    const key = highlightKey({ kind: 'application', id: 'app-1' }, procs);
    expect(procs.map((x) => cardHighlighted(key, x))).toEqual([true, true, false]);
  });

  it('highlights nothing for other selections', () => {
    expect(highlightKey({ kind: 'worker', id: 'w1' }, procs)).toBeNull();
    expect(highlightKey(null, procs)).toBeNull();
    expect(cardHighlighted(null, procs[0]!)).toBe(false);
  });
});
