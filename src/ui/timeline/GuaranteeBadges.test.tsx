// The guarantee badges: one per guarantee with its mark and words, a broken one a button to its
// moment, nothing before the first frame.
import { describe, expect, it } from 'vitest';
import type { GuaranteeBadgeView } from '../../engine/public';
import { renderWithStore } from '../test-render';
import { badgeLabel, GuaranteeBadges } from './GuaranteeBadges';

const ok: GuaranteeBadgeView = {
  id: 'worker-accounting',
  title: "A worker's used cores and memory add up and fit",
  status: 'ok',
  detail: 'Held at every state change so far.',
};
const broken: GuaranteeBadgeView = {
  id: 'cores-max',
  title: 'No app over spark.cores.max',
  status: 'violated',
  detail: 'app-20260101000003-0000 holds 8 cores, more than its 6.',
  at: 20_005,
  change: 41,
};
const pending: GuaranteeBadgeView = {
  id: 'dead-within-two-timeouts',
  title: 'A silent worker is DEAD within 2 × spark.worker.timeout',
  status: 'pending',
  detail: 'worker-w2 silent for 42.0 s: DEAD by 120 s of silence.',
};

describe('GuaranteeBadges', () => {
  it('shows nothing before the engine sent any', () => {
    expect(renderWithStore(<GuaranteeBadges />).html).toBe('');
  });

  it('marks each badge in colour class, mark and words, and makes a broken one a button', () => {
    const { html } = renderWithStore(<GuaranteeBadges />, { guarantees: [ok, broken, pending] });
    expect(html).toContain(
      'class="guarantee guarantee--ok" data-testid="guarantee-worker-accounting" data-status="ok"',
    );
    expect(html).toContain('<span aria-hidden="true">✓</span> accounting');
    expect(html).toContain('<span aria-hidden="true">…</span> timeout');
    expect(html).toMatch(/<button type="button" title="No app over spark\.cores\.max: broken at 0:00:20\.005\. app-/);
    expect(html.match(/<button/g)).toHaveLength(1);
  });

  it('words a label a screen reader reads whole', () => {
    expect(badgeLabel(pending)).toBe(
      'A silent worker is DEAD within 2 × spark.worker.timeout: pending. worker-w2 silent for 42.0 s: DEAD by 120 s of silence.',
    );
  });
});
