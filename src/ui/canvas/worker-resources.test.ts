import { describe, expect, it } from 'vitest';
import type { ProcessCardView } from '../../engine/public';
import {
  coreOwners,
  coreRuns,
  heldResources,
  memorySegments,
  processResources,
  usageText,
  visibleProcesses,
} from './worker-resources';

function proc(id: string, over: Partial<ProcessCardView> = {}): ProcessCardView {
  return {
    id,
    kind: 'executor',
    label: id,
    appId: 'app-1',
    state: 'RUNNING',
    cores: 1,
    memoryMb: 1024,
    exitCode: null,
    ended: false,
    ...over,
  };
}

describe('coreOwners', () => {
  it('gives each live process consecutive cores in card order, the rest free', () => {
    const owners = coreOwners({
      cores: 8,
      processes: [
        proc('driver-1', { kind: 'driver', appId: null, cores: 1 }),
        proc('app-1/0', { cores: 2 }),
        proc('app-2/0', { appId: 'app-2', cores: 3 }),
      ],
    });
    expect(owners.map((o) => o?.processId ?? null)).toEqual([
      'driver-1',
      'app-1/0',
      'app-1/0',
      'app-2/0',
      'app-2/0',
      'app-2/0',
      null,
      null,
    ]);
    expect(owners[0]).toEqual({ processId: 'driver-1', kind: 'driver', appId: null });
  });

  it('skips ended processes: they have given their cores back', () => {
    const owners = coreOwners({
      cores: 4,
      processes: [proc('a', { cores: 2 }), proc('b', { cores: 2, ended: true, state: 'EXITED', exitCode: 0 })],
    });
    expect(owners.map((o) => o?.processId ?? null)).toEqual(['a', 'a', null, null]);
  });

  it('cuts claims beyond the worker size and handles an empty worker', () => {
    expect(coreOwners({ cores: 2, processes: [proc('a', { cores: 3 })] }).map((o) => o?.processId)).toEqual(['a', 'a']);
    expect(coreOwners({ cores: 0, processes: [] })).toEqual([]);
  });
});

describe('coreRuns', () => {
  it('groups consecutive equal owners', () => {
    const owners = coreOwners({ cores: 6, processes: [proc('a', { cores: 2 }), proc('b', { cores: 1 })] });
    expect(coreRuns(owners).map((r) => [r.holder?.processId ?? null, r.count])).toEqual([
      ['a', 2],
      ['b', 1],
      [null, 3],
    ]);
    expect(coreRuns([])).toEqual([]);
  });
});

describe('memorySegments', () => {
  it('splits memory by live process in proportion, skipping zero and ended ones', () => {
    const segs = memorySegments({
      memoryMb: 16384,
      processes: [
        proc('d', { kind: 'driver', memoryMb: 1024 }),
        proc('e', { memoryMb: 4096 }),
        proc('z', { memoryMb: 0 }),
        proc('x', { ended: true, memoryMb: 2048 }),
      ],
    });
    expect(segs.map((s) => [s.processId, s.memoryMb, s.fraction])).toEqual([
      ['d', 1024, 1024 / 16384],
      ['e', 4096, 4096 / 16384],
    ]);
  });

  it('never goes past the whole bar', () => {
    const segs = memorySegments({
      memoryMb: 1000,
      processes: [proc('a', { memoryMb: 800 }), proc('b', { memoryMb: 800 }), proc('c', { memoryMb: 10 })],
    });
    expect(segs.reduce((s, x) => s + x.fraction, 0)).toBeCloseTo(1, 10);
    expect(segs.map((s) => s.processId)).toEqual(['a', 'b']);
    expect(memorySegments({ memoryMb: 0, processes: [proc('a')] })).toEqual([]);
  });
});

describe('texts', () => {
  it('prints usage as the Master UI does', () => {
    const processes = [proc('app-1/0', { cores: 3, memoryMb: 6144 })];
    expect(usageText({ cores: 8, memoryMb: 16384, processes })).toBe('3/8 cores · 6.0 GiB/16.0 GiB');
    expect(usageText({ cores: 4, memoryMb: 1024, processes: [] })).toBe('0/4 cores · 0.0 B/1024.0 MiB');
  });

  it('counts what the grid and the bar show, so the numbers always match the picture', () => {
    // A card killed a moment ago has given its cores back in the grid: the count says so too.
    const worker = {
      cores: 8,
      memoryMb: 16384,
      processes: [
        proc('app-1/0', { cores: 3, memoryMb: 2048, state: 'EXITED', ended: true, exitCode: 137 }),
        proc('app-1/1', { cores: 2, memoryMb: 1024 }),
      ],
    };
    const held = coreOwners(worker).filter((o) => o !== null).length;
    expect(heldResources(worker)).toEqual({ cores: held, memoryMb: 1024 });
    expect(usageText(worker)).toBe('2/8 cores · 1024.0 MiB/16.0 GiB');
    // More claimed than the machine has is cut at its size, in the count as in the grid.
    const over = { cores: 2, memoryMb: 1024, processes: [proc('a', { cores: 3, memoryMb: 4096 })] };
    expect(heldResources(over)).toEqual({ cores: 2, memoryMb: 1024 });
  });

  it('prints a process card’s resources, nothing for a client-mode driver', () => {
    expect(processResources({ cores: 2, memoryMb: 4096 })).toBe('2 cores · 4.0 GiB');
    expect(processResources({ cores: 1, memoryMb: 0 })).toBe('1 core');
    expect(processResources({ cores: 0, memoryMb: 0 })).toBe('');
  });
});

describe('visibleProcesses', () => {
  it('caps the cards and counts the rest', () => {
    expect(visibleProcesses([1, 2, 3], 5)).toEqual({ shown: [1, 2, 3], hidden: 0 });
    expect(visibleProcesses([1, 2, 3, 4], 2)).toEqual({ shown: [1, 2], hidden: 2 });
  });
});
