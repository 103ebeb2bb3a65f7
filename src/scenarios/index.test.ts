import { describe, expect, it } from 'vitest';
import { restoreScenario } from '../engine/scenario/restore';
import { builtinScenarios } from './index';

describe('built-in scenarios', () => {
  it.each(builtinScenarios.map((b) => [b.id, b] as const))('%s restores with no errors and no warnings', (_id, b) => {
    const r = restoreScenario(b.scenario, { source: 'builtin' });
    expect(r.ok ? [] : r.errors).toEqual([]);
    expect(r.warnings).toEqual([]);
  });

  it('also restore from their JSON text (the way a file export comes back)', () => {
    for (const b of builtinScenarios) expect(restoreScenario(JSON.stringify(b.scenario), { source: 'builtin' }).ok).toBe(true);
  });

  it('have unique URL-safe ids and the texts the page shows', () => {
    const ids = builtinScenarios.map((b) => b.id);
    expect(new Set(ids).size).toBe(ids.length);
    for (const b of builtinScenarios) {
      expect(b.id).toMatch(/^[a-z0-9]+(-[a-z0-9]+)*$/);
      expect(b.title.length).toBeGreaterThan(0);
      // One sentence: it ends with a full stop and no sentence starts inside it.
      expect(b.summary).toMatch(/^[^\n]+\.$/);
      expect(b.summary).not.toMatch(/[.!?]\s+[A-Z]/);
      expect(b.explanation.length).toBeGreaterThan(100);
    }
  });

  it('include the scenarios the design asks for', () => {
    expect(builtinScenarios.map((b) => b.id)).toEqual(
      expect.arrayContaining(['client-mode', 'cluster-mode', 'spread-out', 'consolidate', 'drivers-round-robin', 'rest-gateway', 'executor-cores-set-vs-unset']),
    );
  });

  it('make the spread-out pair differ only in spark.deploy.spreadOut', () => {
    const get = (id: string) => {
      const r = restoreScenario(builtinScenarios.find((b) => b.id === id)?.scenario);
      if (!r.ok) throw new Error(id);
      return r.scenario;
    };
    const spread = get('spread-out');
    const packed = get('consolidate');
    expect(spread.conf).toEqual({ 'spark.deploy.spreadOut': 'true' });
    expect(packed.conf).toEqual({ 'spark.deploy.spreadOut': 'false' });
    expect({ ...packed, name: '', description: '', conf: {} }).toEqual({ ...spread, name: '', description: '', conf: {} });
    // Fewer cores asked than the cluster has, so the placement shows.
    const asked = /--total-executor-cores (\d+)/.exec(spread.actions[0]?.type === 'submit' ? spread.actions[0].command : '');
    expect(Number(asked?.[1])).toBeLessThan(spread.workers.reduce((n, w) => n + w.cores, 0));
  });

  it('give every SparkPi submission a realistic workload that matches its argument', () => {
    for (const b of builtinScenarios) {
      const r = restoreScenario(b.scenario);
      if (!r.ok) throw new Error(b.id);
      for (const a of r.scenario.actions) {
        if (a.type !== 'submit') continue;
        expect(a.workload, b.id).toBeDefined();
        const { tasks = 0, taskMs = 0 } = a.workload ?? {};
        expect(tasks).toBeGreaterThanOrEqual(10);
        expect(tasks).toBeLessThanOrEqual(1000);
        expect(taskMs).toBeGreaterThanOrEqual(100);
        expect(taskMs).toBeLessThanOrEqual(2000);
        expect(a.command.endsWith(` ${tasks}`), `${b.id}: SparkPi's slices = workload.tasks`).toBe(true);
      }
    }
  });
});
