// The session kept in the browser: saved as the user works, restored on reload, and
// never overwritten by a link that fails to open. A link that opens moves the user's own session
// to a "previous" slot first, so it can be brought back.
import { decodeSession, parseSessionDocument, shareFragment } from './codec';
import type { Session } from './session-types';

/** The part of localStorage this needs (tests pass a Map-backed one). */
export interface KeyValueStore {
  getItem(key: string): string | null;
  setItem(key: string, value: string): void;
  removeItem(key: string): void;
}

export const AUTOSAVE_KEY = 'spark-playground.session';
export const PREVIOUS_KEY = 'spark-playground.previous-session';

function read(store: KeyValueStore, key: string): Session | null {
  try {
    const text = store.getItem(key);
    if (text === null) return null;
    return parseSessionDocument(JSON.parse(text));
  } catch {
    return null;
  }
}

/** Saves the session; false when storage refused (full, disabled): the page says so once. */
export function saveSession(store: KeyValueStore, session: Session): boolean {
  try {
    store.setItem(AUTOSAVE_KEY, JSON.stringify(session));
    return true;
  } catch {
    return false;
  }
}

function loadSession(store: KeyValueStore): Session | null {
  return read(store, AUTOSAVE_KEY);
}

export function loadPreviousSession(store: KeyValueStore): Session | null {
  return read(store, PREVIOUS_KEY);
}

/** Before a link replaces the user's session: keep the user's own as the previous one. */
export function keepAsPrevious(store: KeyValueStore): void {
  try {
    const current = store.getItem(AUTOSAVE_KEY);
    if (current !== null) store.setItem(PREVIOUS_KEY, current);
  } catch {
    // Nothing to keep, or storage is unavailable: the link still opens.
  }
}

export type Startup =
  | { from: 'link'; session: Session; previous: Session | null }
  | { from: 'autosave'; session: Session; linkError?: string }
  | { from: 'none'; linkError?: string };

/**
 * What the page opens with: a share link when the URL has a good one (the user's own session is
 * kept as "previous"), otherwise the autosaved session, with the link's problem if there was one.
 */
export async function startupSession(hash: string, store: KeyValueStore): Promise<Startup> {
  const fragment = shareFragment(hash);
  let linkError: string | undefined;
  if (fragment !== null) {
    const decoded = await decodeSession(fragment);
    if (decoded.ok) {
      keepAsPrevious(store);
      return { from: 'link', session: decoded.session, previous: loadPreviousSession(store) };
    }
    linkError = decoded.error;
  }
  const saved = loadSession(store);
  if (saved)
    return linkError === undefined
      ? { from: 'autosave', session: saved }
      : { from: 'autosave', session: saved, linkError };
  return linkError === undefined ? { from: 'none' } : { from: 'none', linkError };
}
