// A server-rendered look at the submit dialog (no DOM in these tests): every control has a name,
// the test ids are there, and Spark's error shows under the line with Submit disabled.
import { renderToStaticMarkup } from 'react-dom/server';
import { describe, expect, it } from 'vitest';
import { SubmitDialog } from './SubmitDialog';

const M = 'spark://master:7077';
const noop = () => {};

function render(defaultLine?: string): string {
  return renderToStaticMarkup(<SubmitDialog open={false} onClose={noop} onSubmit={noop} conf={{}} masterUrl={M} defaultLine={defaultLine} />);
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
      'submit-dialog', 'submit-line', 'submit-button', 'submit-deploy-mode', 'submit-supervise', 'submit-driver-cores',
      'submit-driver-memory', 'submit-executor-cores', 'submit-executor-memory', 'submit-total-cores', 'submit-tasks', 'submit-task-ms',
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
