import { describe, expect, it } from 'vitest';
import { restoreScenario } from '../engine/scenario/restore';
import type { Scenario } from '../engine/scenario/types';
import { builtinScenarios } from './index';

function get(id: string): Scenario {
  const r = restoreScenario(builtinScenarios.find((b) => b.id === id)?.scenario);
  if (!r.ok) throw new Error(id);
  return r.scenario;
}

describe('built-in scenarios', () => {
  it.each(builtinScenarios.map((b) => [b.id, b] as const))('%s restores with no errors and no warnings', (_id, b) => {
    const r = restoreScenario(b.scenario, { source: 'builtin' });
    expect(r.ok ? [] : r.errors).toEqual([]);
    expect(r.warnings).toEqual([]);
  });

  it('also restore from their JSON text (the way a file export comes back)', () => {
    for (const b of builtinScenarios)
      expect(restoreScenario(JSON.stringify(b.scenario), { source: 'builtin' }).ok).toBe(true);
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
      expect.arrayContaining([
        'client-mode',
        'cluster-mode',
        'spread-out',
        'consolidate',
        'drivers-round-robin',
        'drivers-nested-loop',
        'rest-gateway',
        'executor-cores-set-vs-unset',
        'app-waiting-for-memory',
        'worker-kill-vs-power-off',
        'driver-supervised-relaunch',
        'driver-unsupervised-lost',
        'master-failover-zookeeper',
        'worker-decommission',
      ]),
    );
    expect(builtinScenarios.length).toBeGreaterThanOrEqual(14);
  });

  it("keep the page's first scenario first and the sandbox last", () => {
    expect(builtinScenarios[0]?.id).toBe('client-mode');
    expect(builtinScenarios.at(-1)?.id).toBe('sandbox');
  });

  it('keep each explanation short: a lead line and 3 to 6 bullets', () => {
    for (const b of builtinScenarios) {
      const bullets = b.explanation.split('\n').filter((l) => l.startsWith('- '));
      expect(bullets.length, b.id).toBeGreaterThanOrEqual(3);
      expect(bullets.length, b.id).toBeLessThanOrEqual(6);
    }
  });

  it('make the spread-out pair differ only in spark.deploy.spreadOut', () => {
    const spread = get('spread-out');
    const packed = get('consolidate');
    expect(spread.conf).toEqual({ 'spark.deploy.spreadOut': 'true' });
    expect(packed.conf).toEqual({ 'spark.deploy.spreadOut': 'false' });
    expect({ ...packed, name: '', description: '', conf: {} }).toEqual({
      ...spread,
      name: '',
      description: '',
      conf: {},
    });
    // Fewer cores asked than the cluster has, so the placement shows.
    const asked = /--total-executor-cores (\d+)/.exec(
      spread.actions[0]?.type === 'submit' ? spread.actions[0].command : '',
    );
    expect(Number(asked?.[1])).toBeLessThan(spread.workers.reduce((n, w) => n + w.cores, 0));
  });

  it("make the driver-placement pair differ only in sparkVersion (and that release's examples jar)", () => {
    const rr = get('drivers-round-robin');
    const legacy = get('drivers-nested-loop');
    expect(rr.sparkVersion).toBe('4.0');
    expect(legacy.sparkVersion).toBe('1.6.0');
    const jar16 = (s: Scenario): Scenario => ({
      ...s,
      name: '',
      description: '',
      sparkVersion: '',
      actions: s.actions.map((a) =>
        a.type === 'submit'
          ? {
              ...a,
              command: a.command
                .replace('/opt/spark/lib/spark-examples-1.6.0-hadoop2.6.0.jar', 'JAR')
                .replace('/opt/spark/examples/jars/spark-examples_2.13-4.0.0.jar', 'JAR'),
            }
          : a,
      ),
    });
    expect(jar16(legacy)).toEqual(jar16(rr));
  });

  it('make the driver-loss pair differ only in --supervise', () => {
    const sup = get('driver-supervised-relaunch');
    const unsup = get('driver-unsupervised-lost');
    const strip = (s: Scenario): Scenario => ({
      ...s,
      name: '',
      description: '',
      actions: s.actions.map((a) =>
        a.type === 'submit' ? { ...a, command: a.command.replace(' --supervise', '') } : a,
      ),
    });
    expect(sup.actions[0]?.type === 'submit' && sup.actions[0].command.includes(' --supervise ')).toBe(true);
    expect(strip(sup)).toEqual(strip(unsup));
  });

  it('make the Master-restart pair differ only in the recovery settings', () => {
    const none = get('master-restart-no-recovery');
    const fs = get('master-recovery-filesystem');
    expect(none.conf).toEqual({ 'spark.deploy.recoveryMode': 'NONE' });
    expect(fs.conf).toEqual({
      'spark.deploy.recoveryMode': 'FILESYSTEM',
      'spark.deploy.recoveryDirectory': '/var/lib/spark/recovery',
    });
    expect({ ...none, name: '', description: '', conf: {} }).toEqual({ ...fs, name: '', description: '', conf: {} });
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
