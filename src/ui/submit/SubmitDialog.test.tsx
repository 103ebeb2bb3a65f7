// A server-rendered look at the submit dialog (no DOM in these tests): every control has a name,
// the test ids are there, and Spark's error shows under the line with Submit disabled. The page's
// SubmitAppDialog is rendered against a store of its own: the Masters and spark-defaults.conf it
// starts from come from the store.
import { renderToStaticMarkup } from 'react-dom/server';
import { describe, expect, it } from 'vitest';
import type { NodeView } from '../../engine/public';
import { renderWithStore } from '../test-render';
import { SubmitAppDialog, SubmitDialog } from './SubmitDialog';

const M = 'spark://master:7077';
const noop = () => {};

function render(defaultLine?: string): string {
  return renderToStaticMarkup(
    <SubmitDialog open={false} onClose={noop} onSubmit={noop} conf={{}} masterUrl={M} defaultLine={defaultLine} />,
  );
}

/** The attributes of each control element in the markup. */
function controls(html: string): Record<string, string>[] {
  return [...html.matchAll(/<(input|select|textarea)\b([^>]*)>/g)].map((m) =>
    Object.fromEntries([...(m[2] ?? '').matchAll(/([\w-]+)="([^"]*)"/g)].map((a) => [a[1] ?? '', a[2] ?? ''])),
  );
}

describe('SubmitDialog markup', () => {
  it('names every control and carries the test ids', () => {
    const html = render();
    const labelled = new Set([...html.matchAll(/<label[^>]*\bfor="([^"]*)"/g)].map((m) => m[1]));
    for (const c of controls(html)) {
      expect(c['aria-label'] !== undefined || labelled.has(c.id), JSON.stringify(c)).toBe(true);
    }
    for (const id of [
      'submit-dialog',
      'submit-line',
      'submit-button',
      'submit-deploy-mode',
      'submit-supervise',
      'submit-driver-cores',
      'submit-driver-memory',
      'submit-executor-cores',
      'submit-executor-memory',
      'submit-total-cores',
      'submit-tasks',
      'submit-task-ms',
    ]) {
      expect(html).toContain(`data-testid="${id}"`);
    }
    expect(html).toContain('<dialog');
    expect(html).not.toContain('data-testid="submit-error"');
    expect(html).toMatch(/data-testid="submit-button"(?![^>]*disabled)/);
    expect(html).toContain('--deploy-mode cluster --class org.apache.spark.examples.SparkPi');
  });

  it("shows Spark's error under the line and disables Submit", () => {
    const html = render(`spark-submit --master ${M} --driver-memory 0 --class A a.jar`);
    expect(html).toMatch(/role="alert"[^>]*data-testid="submit-error"[^>]*>Driver memory must be a positive number</);
    expect(html).toMatch(/data-testid="submit-button"[^>]*disabled/);
    expect(html).toMatch(/data-testid="submit-driver-memory"[^>]*value="0"/);
  });

  it('shows warnings as a status, and the options the form has no field for', () => {
    const html = render(`spark-submit --master ${M} --conf foo=bar --jars x.jar --class A a.jar`);
    expect(html).toMatch(/role="status"[^>]*><p[^>]*>Warning: Ignoring non-Spark config property: foo</);
    expect(html).toContain('<code>--jars x.jar</code>');
  });
});

describe('SubmitAppDialog, rendered against a store', () => {
  const master = (id: string, port: number): NodeView => ({
    kind: 'master',
    id,
    host: id,
    port,
    state: 'ALIVE',
    process: 'running',
    waitingApps: 0,
    waitingDrivers: 0,
    aliveWorkers: 0,
  });
  const worker: NodeView = {
    kind: 'worker',
    id: 'w1',
    host: 'w1',
    port: 35000,
    workerId: 'worker-1',
    state: 'ALIVE',
    process: 'running',
    registered: true,
    cores: 8,
    memoryMb: 8192,
    coresUsed: 0,
    memoryUsedMb: 0,
    processes: [],
  };

  it("starts from the cluster's Masters, in the order they appeared, as --master", () => {
    const nodes = { m2: master('m2', 7078), w1: worker, m1: master('m1', 7077) };
    const { html } = renderWithStore(<SubmitAppDialog />, {
      status: 'ready',
      submitOpen: true,
      nodes,
      nodeOrder: ['m1', 'w1', 'm2'],
    });
    expect(html).toContain('--master spark://m1:7077,m2:7078 ');
    expect(html).not.toContain('w1:35000');
  });

  it('falls back to spark://master:7077 before any Master is known', () => {
    const { html } = renderWithStore(<SubmitAppDialog />, { submitOpen: true });
    expect(html).toContain('--master spark://master:7077 ');
  });

  it("checks the line against the scenario's spark-defaults.conf from the store", () => {
    const clean = renderWithStore(<SubmitAppDialog />, { submitOpen: true }).html;
    expect(clean).not.toContain('data-testid="submit-error"');
    const { html, calls } = renderWithStore(<SubmitAppDialog />, {
      submitOpen: true,
      sparkConf: { 'spark.driver.memory': '0' },
    });
    expect(html).toMatch(/data-testid="submit-error"[^>]*>Driver memory must be a positive number</);
    expect(html).toMatch(/data-testid="submit-button"[^>]*disabled/);
    // Rendering asks nothing of the engine.
    expect(calls).toEqual([]);
  });
});
