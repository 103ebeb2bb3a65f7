// The Why section: the code and sentence, the table with each check green or red and the verdict
// in words, what would change it, and the causal chain; nothing when there is nothing to explain.
import { describe, expect, it } from 'vitest';
import type { WhyView, WhyWorkerView } from '../../engine/public';
import { renderWithStore } from '../test-render';
import { WHY_ROWS, whyRows, WhySection } from './WhySection';

const worker = (host: string, over: Partial<WhyWorkerView> = {}): WhyWorkerView => ({
  id: `worker-20260101000000-${host}-1`,
  host,
  state: 'ALIVE',
  coresFree: 8,
  memoryFreeMb: 16384,
  needCores: 1,
  needMemoryMb: 20480,
  fits: false,
  short: ['memory'],
  ...over,
});

const WAITING: WhyView = {
  code: 'INSUFFICIENT_MEMORY',
  text: 'Each executor needs 20.0 GiB (spark.executor.memory) and no ALIVE worker has that much memory at all: the largest has 16.0 GiB.',
  workers: [worker('w2'), worker('w1', { state: 'DEAD', short: ['state', 'memory'] })],
  fixes: ['add a worker with ≥ 20.0 GiB', 'or lower --executor-memory to ≤ 16.0 GiB'],
};

describe('WhySection', () => {
  it('shows the code, the sentence, the per-worker table and the fixes', () => {
    const { html } = renderWithStore(<WhySection why={WAITING} chain={undefined} onSeek={() => {}} />);
    expect(html).toContain('<code class="why-code" data-testid="why-code">INSUFFICIENT_MEMORY</code>');
    expect(html).toContain('no ALIVE worker has that much memory at all');
    expect(html).toContain('<caption>Each needs 1 core and 20.0 GiB free</caption>');
    // Rows by host; the DEAD worker's state cell is red and says so to a screen reader.
    expect(html.indexOf('>w1</th>')).toBeLessThan(html.indexOf('>w2</th>'));
    expect(html).toContain('<td class="why-short" aria-label="state: DEAD, short">DEAD</td>');
    expect(html).toContain('<td class="why-ok" aria-label="free cores: 8">8</td>');
    expect(html).toContain('<td class="why-short" aria-label="free memory: 16.0 GiB, short">16.0 GiB</td>');
    expect(html).toContain('not ALIVE, short of memory');
    expect(html).toContain('<li>add a worker with ≥ 20.0 GiB</li>');
  });

  it('puts the workers that fit first and counts the rows beyond the table', () => {
    const many = Array.from({ length: WHY_ROWS + 3 }, (_, i) => worker(`w${String(i).padStart(2, '0')}`));
    many[14] = worker('w14', { fits: true, short: [] });
    const { shown, more, moreFit } = whyRows(many);
    expect(shown[0]!.host).toBe('w14');
    expect(shown).toHaveLength(WHY_ROWS);
    expect([more, moreFit]).toEqual([3, 0]);
    const { html } = renderWithStore(
      <WhySection why={{ ...WAITING, workers: many }} chain={undefined} onSeek={() => {}} />,
    );
    expect(html).toContain('…and 3 more workers (0 fit).');
  });

  it('lists the causal chain, each link a button to its time', () => {
    const chain = [
      { t: 20_003, kind: 'change' as const, text: 'worker worker-1: ALIVE → DEAD', subject: 'worker-1' },
      { t: 20_000, kind: 'exit' as const, text: 'Worker@w2 exited with code 137 at 20.000 s' },
      { t: 20_000, kind: 'action' as const, text: "the scenario's action kill-worker at 20.000 s" },
    ];
    const { html } = renderWithStore(<WhySection why={undefined} chain={chain} onSeek={() => {}} />);
    expect(html).toContain('Why did this happen?');
    expect(html.match(/<li data-kind="/g)).toHaveLength(3);
    expect(html).toContain('← <span>the scenario&#x27;s action kill-worker at 20.000 s</span>');
    expect(html).toContain('title="Go to 0:00:20.000"');
  });

  it('shows nothing without a reason or a chain, and no table for a placed driver', () => {
    expect(renderWithStore(<WhySection why={undefined} chain={[]} onSeek={() => {}} />).html).toBe('');
    const placed: WhyView = {
      code: 'PLACED',
      text: 'RUNNING: the Master placed it on w1.',
      workers: [worker('w1')],
      fixes: [],
    };
    const { html } = renderWithStore(<WhySection why={placed} chain={undefined} onSeek={() => {}} />);
    expect(html).toContain('PLACED');
    expect(html).not.toContain('why-workers');
  });
});
