// A server-rendered look at the import and export dialogs (no DOM in these tests): names on every control, the test ids, the files in tabs; plus the helpers behind their buttons.
import { renderToStaticMarkup } from 'react-dom/server';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { restoreScenario, type Scenario } from '../../engine/public';
import { builtinScenarios } from '../../scenarios';
import { downloadText, scenarioJsonFileName, scenarioJsonText, tabAfterKey } from './dialog-helpers';
import { ExportDialog } from './ExportDialog';
import { exportForRealSpark } from '../../interop/export-real-spark';
import { ImportDialog } from './ImportDialog';

const noop = () => {};

function scenario(): Scenario {
  const b = builtinScenarios.find((x) => x.id === 'worker-power-off') ?? builtinScenarios[0];
  const r = restoreScenario(b?.scenario, { source: 'builtin' });
  if (!r.ok) throw new Error('built-in scenario does not restore');
  return r.scenario;
}

/** The attributes of each control (button, input, select, textarea) in the markup. */
function controls(html: string): { tag: string; attrs: Record<string, string>; text: string }[] {
  return [...html.matchAll(/<(button|input|select|textarea)\b([^>]*)>(?:([^<]*)<\/\1>)?/g)].map((m) => ({
    tag: m[1] ?? '',
    attrs: Object.fromEntries(
      [...(m[2] ?? '').matchAll(/([\w-]+)(?:="([^"]*)")?/g)].map((a) => [a[1] ?? '', a[2] ?? '']),
    ),
    text: (m[3] ?? '').trim(),
  }));
}

/** Every control has an accessible name: its text, aria-label, or a <label for>. */
function expectNamedControls(html: string): void {
  const labelled = new Set([...html.matchAll(/<label[^>]*\bfor="([^"]*)"/g)].map((m) => m[1]));
  const list = controls(html);
  expect(list.length).toBeGreaterThan(0);
  for (const c of list) {
    const named =
      c.attrs['aria-label'] !== undefined ||
      c.attrs['aria-labelledby'] !== undefined ||
      labelled.has(c.attrs.id) ||
      (c.tag === 'button' && c.text !== '');
    expect(named, JSON.stringify(c)).toBe(true);
  }
}

describe('ExportDialog markup', () => {
  const s = scenario();
  const html = renderToStaticMarkup(<ExportDialog open={false} onClose={noop} scenario={s} />);
  const bundle = exportForRealSpark(s);

  it('is a labelled native dialog with the test ids', () => {
    expect(html).toMatch(/^<dialog [^>]*data-testid="export-dialog"/);
    const labelledBy = /<dialog [^>]*aria-labelledby="([^"]+)"/.exec(html)?.[1];
    expect(labelledBy).toBeDefined();
    expect(html).toContain(`<h2 id="${labelledBy}">Run this scenario on real Spark</h2>`);
    expect(html).toContain('data-testid="export-download-json"');
    expectNamedControls(html);
  });

  it('lists every generated file as a tab, each with its contents in a read-only <pre> and its Copy and Download buttons', () => {
    expect(html).toContain('role="tablist"');
    for (const f of bundle.files) {
      expect(html).toContain(`data-testid="export-tab-${f.name}"`);
      expect(html).toMatch(
        new RegExp(`<section role="tabpanel"[^>]*data-testid="export-file-${f.name.replace(/\./g, '\\.')}"`),
      );
      expect(html).toContain(`aria-label="Copy ${f.name}"`);
      expect(html).toContain(`aria-label="Download ${f.name}"`);
      expect(html).toContain(`aria-label="Contents of ${f.name}"`);
    }
    // The first tab is selected and shown; the others are hidden.
    expect(html.match(/aria-selected="true"/g)?.length).toBe(1);
    expect(html).toMatch(/data-testid="export-tab-docker-compose\.yml"[^>]*>docker-compose\.yml</);
    expect(html).toMatch(/role="tab" id="[^"]+" aria-selected="true"/);
    expect(html.match(/<section role="tabpanel"[^>]*hidden=""/g)?.length).toBe(bundle.files.length - 1);
    expect(html).toContain('<pre');
    expect(html).not.toContain('contenteditable');
    // Escaped by React, so a script's quotes and ampersands show as text.
    expect(html).toContain('bash submit.sh &amp; bash faults.sh; wait');
  });

  it('shows what differs from the simulation', () => {
    expect(html).toContain(`What differs from the simulation (${bundle.notes.length})`);
  });

  it("tells how to compare the scenario with real Spark on one's own machine (npm run real)", () => {
    expect(html).toContain('data-testid="export-real-lab"');
    expect(html).toContain(`npm run real -- ${scenarioJsonFileName(s.name)}`);
  });

  it('without a scenario, says so and disables the JSON download', () => {
    const empty = renderToStaticMarkup(<ExportDialog open={false} onClose={noop} scenario={null} />);
    expect(empty).toContain('No scenario is loaded');
    expect(empty).toMatch(/data-testid="export-download-json"[^>]*disabled=""/);
    expect(empty).not.toContain('role="tablist"');
  });
});

describe('ImportDialog markup', () => {
  const html = renderToStaticMarkup(<ImportDialog open={false} onClose={noop} onLoad={async () => null} />);

  it('is a labelled native dialog with both ways in and the test ids', () => {
    expect(html).toMatch(/^<dialog [^>]*data-testid="import-dialog"/);
    expect(html).toMatch(/<dialog [^>]*aria-labelledby="[^"]+"/);
    for (const id of ['import-file', 'import-json-text', 'import-json-button'])
      expect(html).toContain(`data-testid="${id}"`);
    expect(html).toContain('Open a scenario file');
    expect(html).toContain('Paste a Master /json');
    expectNamedControls(html);
  });

  it('accepts JSON files only, and shows no error before there is one', () => {
    expect(html).toMatch(/<input [^>]*type="file"[^>]*accept="\.json,application\/json"[^>]*data-testid="import-file"/);
    expect(html).not.toContain('data-testid="import-error"');
    expect(html).not.toContain('role="alert"');
  });
});

describe('dialog helpers', () => {
  afterEach(() => {
    vi.unstubAllGlobals();
    vi.useRealTimers();
  });

  it('names the scenario file after the scenario', () => {
    expect(scenarioJsonFileName('A worker loses power: only the heartbeat timeout notices')).toBe(
      'a-worker-loses-power-only-the-heartbeat-timeout-notices.json',
    );
    expect(scenarioJsonFileName('Übung (HA)')).toBe('ubung-ha.json');
    expect(scenarioJsonFileName('')).toBe('scenario.json');
    expect(scenarioJsonFileName('***')).toBe('scenario.json');
  });

  it('writes the scenario JSON two-space indented, and it restores to the same scenario', () => {
    const s = scenario();
    const text = scenarioJsonText(s);
    expect(text.startsWith('{\n  "version": 1,')).toBe(true);
    expect(text.endsWith('}\n')).toBe(true);
    const back = restoreScenario(text, { source: 'file' });
    expect(back.ok && back.scenario).toEqual(s);
  });

  it('moves between tabs with the arrow keys, Home and End, wrapping around', () => {
    expect(tabAfterKey('ArrowDown', 0, 3)).toBe(1);
    expect(tabAfterKey('ArrowRight', 2, 3)).toBe(0);
    expect(tabAfterKey('ArrowUp', 0, 3)).toBe(2);
    expect(tabAfterKey('ArrowLeft', 1, 3)).toBe(0);
    expect(tabAfterKey('Home', 2, 3)).toBe(0);
    expect(tabAfterKey('End', 0, 3)).toBe(2);
    expect(tabAfterKey('a', 0, 3)).toBeUndefined();
    expect(tabAfterKey('ArrowDown', 0, 0)).toBeUndefined();
  });

  it('downloads through a Blob URL and a temporary <a download> in the given container, then revokes the URL', () => {
    vi.useFakeTimers();
    const events: string[] = [];
    const link = {
      href: '',
      download: '',
      hidden: false,
      click: () => events.push(`click ${link.download} ${link.href}`),
      remove: () => events.push('remove'),
    };
    let blob: Blob | undefined;
    vi.stubGlobal('document', { createElement: (tag: string) => (events.push(`create ${tag}`), link) });
    vi.stubGlobal('URL', {
      createObjectURL: (b: Blob) => ((blob = b), 'blob:test'),
      revokeObjectURL: (url: string) => events.push(`revoke ${url}`),
    });
    const container = { append: () => events.push('append') } as unknown as HTMLElement;
    downloadText('faults.sh', '#!/usr/bin/env bash\n', 'text/x-shellscript', container);
    expect(events).toEqual(['create a', 'append', 'click faults.sh blob:test', 'remove']);
    expect(link.hidden).toBe(true);
    expect(blob?.type).toBe('text/x-shellscript;charset=utf-8');
    vi.runAllTimers();
    expect(events.at(-1)).toBe('revoke blob:test');
  });
});
