// A server-rendered look at the session banner and the Recent sessions button: the banner's
// buttons come from the keeper's actions (with their test ids), and the Recent menu is there only
// where a session keeper is provided (the page's entry provides it; the embed and tests do not).
import { describe, expect, it } from 'vitest';
import type { SessionKeeper } from '../../share/session-keeper';
import { renderWithStore } from '../test-render';
import { SessionKeeperContext } from './keeper-context';
import { RecentSessions } from './RecentSessions';
import { SessionBanner } from './SessionBanner';

const keeper: SessionKeeper = { start: async () => undefined, recent: () => [], restore: async () => undefined };

describe('session banner', () => {
  it('shows the sentence and one button per action, then Dismiss', () => {
    const { html } = renderWithStore(<SessionBanner />, {
      banner: {
        tone: 'error',
        text: "This link's session could not be opened: <b>bad host</b>.",
        offerPrevious: true,
        actions: [{ label: 'Back to my own session', testId: 'restore-previous', run: () => undefined }],
      },
    });
    expect(html).toContain('role="alert"');
    // Text from a link is text, never markup.
    expect(html).toContain('&lt;b&gt;bad host&lt;/b&gt;');
    expect(html).toMatch(/data-testid="restore-previous"[^>]*>Back to my own session<\/button>/);
    expect(html).toContain('aria-label="Dismiss"');
  });

  it('is not there without a banner', () => {
    expect(renderWithStore(<SessionBanner />).html).toBe('');
  });
});

describe('Recent sessions', () => {
  it('needs the session keeper', () => {
    expect(renderWithStore(<RecentSessions />).html).toBe('');
    const { html } = renderWithStore(
      <SessionKeeperContext.Provider value={keeper}>
        <RecentSessions />
      </SessionKeeperContext.Provider>,
    );
    expect(html).toContain('data-testid="recent-sessions"');
    expect(html).toContain('aria-haspopup="menu"');
    expect(html).toContain('aria-expanded="false"');
  });
});
