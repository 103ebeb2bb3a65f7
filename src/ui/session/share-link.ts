// Making a session's share link, imported by the Share button on its first press (the encoder and
// these sentences are not in the page's entry script): the link goes into the address bar and the
// clipboard, or, when it would be longer than a link may be, the refusal the button shows.
import type { Scenario } from '../../engine/public';
import { encodeSession, LONG_LINK_CHARS, MAX_LINK_CHARS } from '../../share/codec';
import type { Session } from '../../share/session-types';
import type { Notice } from '../store';

/** Why a link was not made, and the scenario the Export button would open. */
export interface Refusal {
  text: string;
  scenario: Scenario;
}

/** Puts the session's link in the address bar and the clipboard and says so; or why it made none. */
export async function shareSession(
  session: Session,
  notify: (tone: Notice['tone'], text: string) => void,
): Promise<Refusal | null> {
  const fragment = await encodeSession(session);
  if (fragment.length > MAX_LINK_CHARS) {
    // The page would refuse this link when it is opened: no one should get it.
    return {
      text: `This session makes a link of ${fragment.length.toLocaleString('en')} characters, longer than the ${MAX_LINK_CHARS.toLocaleString('en')} a link may have, so no link was made. Export it as a file instead.`,
      scenario: session.scenario as Scenario,
    };
  }
  const url = `${location.origin}${location.pathname}${location.search}#${fragment}`;
  history.replaceState(null, '', `#${fragment}`);
  let copied = false;
  try {
    await navigator.clipboard.writeText(url);
    copied = true;
  } catch {
    // No clipboard permission (or an insecure origin): the link is in the address bar.
  }
  const where = copied ? 'Link copied' : 'The link is in the address bar';
  if (fragment.length > LONG_LINK_CHARS) {
    notify(
      'info',
      `${where} (${url.length.toLocaleString('en')} characters). Links this long may be cut by chat apps and mail; Export → Download scenario JSON is safer.`,
    );
  } else {
    notify(
      'info',
      `${where} (${url.length.toLocaleString('en')} characters): it replays this session exactly, to ${session.playhead.toLocaleString('en')} ms.`,
    );
  }
  return null;
}
