import { describe, expect, it } from 'vitest';
import type { Migration } from './migrate';
import { MIGRATIONS, migrate, readVersion } from './migrate';
import type { ScenarioIssue } from './types';
import { SCENARIO_FORMAT_VERSION } from './types';

describe('readVersion', () => {
  it('accepts every version up to the newest', () => {
    expect(readVersion({ version: 1 })).toEqual({ ok: true, version: 1 });
    expect(readVersion({ version: 3 }, 3)).toEqual({ ok: true, version: 3 });
  });

  it('refuses a version newer than the playground', () => {
    expect(readVersion({ version: 4 }, 3)).toEqual({
      ok: false,
      error: {
        path: 'version',
        message:
          'This scenario was made by a newer version of the playground (format version 4; this one reads up to 3).',
      },
    });
  });
});

describe('migrate', () => {
  // A made-up history: v1 had `cluster.workers`, v2 moved them to the top, v3 renamed `at` units.
  const chain: Record<number, Migration> = {
    1: (doc) => {
      const { cluster, ...rest } = doc as { cluster: { workers: unknown[] } };
      return { ...rest, workers: cluster.workers };
    },
    2: (doc, warn) => {
      warn({ path: 'legacy', message: 'dropped' });
      const { legacy: _legacy, ...rest } = doc;
      return rest;
    },
  };

  it('runs each step from the document version up to the newest, stamping versions', () => {
    const warnings: ScenarioIssue[] = [];
    const out = migrate(
      { version: 1, cluster: { workers: ['w1'] }, legacy: true },
      1,
      (w) => warnings.push(w),
      3,
      chain,
    );
    expect(out).toEqual({ version: 3, workers: ['w1'] });
    expect(warnings).toEqual([{ path: 'legacy', message: 'dropped' }]);
  });

  it('starts in the middle of the chain for a middle version', () => {
    const out = migrate({ version: 2, workers: [], legacy: 1 }, 2, () => {}, 3, chain);
    expect(out).toEqual({ version: 3, workers: [] });
  });

  it('leaves a current document as it is', () => {
    const doc = { version: SCENARIO_FORMAT_VERSION, workers: [] };
    expect(migrate(doc, SCENARIO_FORMAT_VERSION, () => {})).toBe(doc);
  });

  it('fails loudly on a gap in the chain (a playground bug)', () => {
    expect(() => migrate({ version: 1 }, 1, () => {}, 2, {})).toThrow(
      'No migration from scenario format version 1 to 2.',
    );
  });

  it('has a step for every older version', () => {
    for (let v = 1; v < SCENARIO_FORMAT_VERSION; v++) expect(MIGRATIONS[v]).toBeTypeOf('function');
  });
});
