// The replay progress card: nothing while no replay is long enough to show, then what the page is
// busy with, how far it got (in days past a day) and a Cancel button.
import { describe, expect, it } from 'vitest';
import { ReplayProgress } from './ReplayProgress';
import { renderWithStore } from './test-render';

const DAY = 24 * 60 * 60 * 1000;

describe('ReplayProgress', () => {
  it('shows nothing without a replay', () => {
    expect(renderWithStore(<ReplayProgress />).html).toBe('');
  });

  it('says how far a replay got, with the bar and Cancel', () => {
    const { html } = renderWithStore(<ReplayProgress />, {
      progress: { label: 'Opening the session', reached: DAY + 2 * 3_600_000, target: 7 * DAY },
    });
    expect(html).toContain('aria-label="Replay progress"');
    expect(html).toContain(
      'Opening the session: <span data-testid="replay-progress-reached">1 d 2:00:00.000</span> of 7 d 0:00:00.000 simulated (15%)',
    );
    expect(html).toContain('<progress class="replay-progress__bar" max="100" value="15"');
    expect(html).toMatch(/<button type="button" data-testid="replay-cancel">Cancel<\/button>/);
  });

  it('writes less than a day as the clock does', () => {
    const { html } = renderWithStore(<ReplayProgress />, {
      progress: { label: 'Moving the playhead', reached: 90_000, target: 3_600_000 },
    });
    expect(html).toContain('0:01:30.000</span> of 1:00:00.000 simulated (2%)');
  });
});
