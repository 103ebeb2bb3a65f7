// The sessions kept in the browser's storage (docs/sessions.md): one entry per session, a short
// list of the recent ones, and one backup slot for an entry that could not be read. Each tab writes
// only the entry it shows, so a link opened in a tab becomes an entry of its own and never lands
// on the user's own session, and two tabs each keep their own. Everything here is synchronous and
// never throws: a storage that refuses (full, disabled) comes back as an outcome the keeper tells
// the user about.
import { checkSessionDocument, type SessionProblem } from './codec';
import type { Session } from './session-types';

/** The part of localStorage this needs (tests pass a Map-backed one). */
export interface KeyValueStore {
  getItem(key: string): string | null;
  setItem(key: string, value: string): void;
  removeItem(key: string): void;
}

/** The list of recent sessions: `{ format: 1, recent: RecentEntry[] }`, newest first. */
export const INDEX_KEY = 'spark-playground.sessions';
/** One session: `spark-playground.entry.<id>` holds a StoredEntry. */
export const ENTRY_PREFIX = 'spark-playground.entry.';
/** The one slot where an entry that could not be read is kept (the latest such entry). */
export const BACKUP_KEY = 'spark-playground.unreadable-session';
/** The keys of the first layout (one autosave, one "previous"), moved into entries on start. */
export const LEGACY_AUTOSAVE_KEY = 'spark-playground.session';
export const LEGACY_PREVIOUS_KEY = 'spark-playground.previous-session';
/** How many sessions the recent list keeps; older entries are removed with their data. */
export const RECENT_LIMIT = 8;
const INDEX_FORMAT = 1;

export const entryKey = (id: string): string => `${ENTRY_PREFIX}${id}`;

/** What the Recent sessions menu lists of an entry. */
export interface RecentEntry {
  id: string;
  /** The scenario's own name (or its built-in's id). */
  name: string;
  /** Wall-clock ms of the last save. */
  savedAt: number;
  /** Opened from a share link (the user's own sessions are false). */
  fromLink: boolean;
}

interface StoredEntry extends RecentEntry {
  session: Session;
}

/** What a write came to: 'full' is the quota, 'refused' anything else (storage disabled). */
export type WriteOutcome = 'saved' | 'full' | 'refused';

export type ReadOutcome =
  | { ok: true; entry: RecentEntry; session: Session }
  | { ok: false; missing: true }
  | { ok: false; missing: false; problem: string; text: string };

/** The error a full storage throws on setItem (browsers differ in how they name it). */
export function isQuotaError(err: unknown): boolean {
  if (typeof err !== 'object' || err === null) return false;
  const { name, code } = err as { name?: unknown; code?: unknown };
  // Chrome and Safari name it QuotaExceededError (code 22); older Firefox NS_ERROR_DOM_QUOTA_REACHED.
  return name === 'QuotaExceededError' || name === 'NS_ERROR_DOM_QUOTA_REACHED' || code === 22 || code === 1014;
}

function write(store: KeyValueStore, key: string, value: string): WriteOutcome {
  try {
    store.setItem(key, value);
    return 'saved';
  } catch (err) {
    return isQuotaError(err) ? 'full' : 'refused';
  }
}

function readText(store: KeyValueStore, key: string): string | null {
  try {
    return store.getItem(key);
  } catch {
    return null;
  }
}

function remove(store: KeyValueStore, key: string): void {
  try {
    store.removeItem(key);
  } catch {
    // Nothing to do: the entry stays, and the index no longer lists it.
  }
}

/** A scenario's own name for the menu: its `name`, else its built-in's id. */
export function sessionName(session: Session): string {
  const name = (session.scenario as { name?: unknown }).name;
  if (typeof name === 'string' && name.trim() !== '') return name.trim().slice(0, 80);
  return session.builtin ?? 'Untitled scenario';
}

/** The reason a stored session cannot be used, as the clause after "could not be read: ". */
function phrase(problem: SessionProblem): string {
  if (problem.kind === 'newer')
    return `it was saved by a newer version of the playground (session format ${problem.format})`;
  if (problem.kind === 'unreadable-format')
    return `it uses session format ${problem.format}, which this version cannot read`;
  return problem.where ? `at ${problem.where}, ${problem.message}` : problem.message;
}

/** A session document as stored (the first layout's bare session, or an entry's `session`). */
export function parseStoredSession(text: string): { ok: true; session: Session } | { ok: false; problem: string } {
  let doc: unknown;
  try {
    doc = JSON.parse(text);
  } catch {
    return { ok: false, problem: 'it is not valid JSON (it may have been cut off)' };
  }
  const checked = checkSessionDocument(doc);
  return checked.ok ? checked : { ok: false, problem: phrase(checked.problem) };
}

export function readEntry(store: KeyValueStore, id: string): ReadOutcome {
  const text = readText(store, entryKey(id));
  if (text === null) return { ok: false, missing: true };
  let doc: unknown;
  try {
    doc = JSON.parse(text);
  } catch {
    return { ok: false, missing: false, problem: 'it is not valid JSON (it may have been cut off)', text };
  }
  const e = doc as Partial<StoredEntry> | null;
  if (typeof e !== 'object' || e === null || Array.isArray(e) || typeof e.session !== 'object')
    return { ok: false, missing: false, problem: 'it holds something other than a saved session', text };
  const checked = checkSessionDocument(e.session);
  if (!checked.ok) return { ok: false, missing: false, problem: phrase(checked.problem), text };
  const savedAt = typeof e.savedAt === 'number' && Number.isFinite(e.savedAt) ? e.savedAt : 0;
  const name = typeof e.name === 'string' ? e.name : sessionName(checked.session);
  return { ok: true, entry: { id, name, savedAt, fromLink: e.fromLink === true }, session: checked.session };
}

function isRecentEntry(x: unknown): x is RecentEntry {
  const e = x as Partial<RecentEntry> | null;
  return (
    typeof e === 'object' &&
    e !== null &&
    typeof e.id === 'string' &&
    /^[\w-]{1,64}$/.test(e.id) &&
    typeof e.name === 'string' &&
    typeof e.savedAt === 'number' &&
    typeof e.fromLink === 'boolean'
  );
}

/** The recent list, newest first; an unreadable index reads as empty (its entries stay stored). */
export function listRecent(store: KeyValueStore): RecentEntry[] {
  const text = readText(store, INDEX_KEY);
  if (text === null) return [];
  try {
    const doc = JSON.parse(text) as { recent?: unknown };
    return Array.isArray(doc.recent) ? doc.recent.filter(isRecentEntry).slice(0, RECENT_LIMIT) : [];
  } catch {
    return [];
  }
}

/**
 * Saves a session as entry `id` and moves it to the top of the recent list; entries pushed off the
 * end of the list are removed. The index is read afresh each time: another tab may have changed it.
 */
export function writeEntry(
  store: KeyValueStore,
  id: string,
  session: Session,
  { fromLink, now }: { fromLink: boolean; now: number },
): { outcome: WriteOutcome; text: string } {
  const entry: StoredEntry = { id, name: sessionName(session), savedAt: now, fromLink, session };
  const text = JSON.stringify(entry);
  const outcome = write(store, entryKey(id), text);
  if (outcome !== 'saved') return { outcome, text };
  const { session: _, ...listed } = entry;
  const { kept, dropped } = trim([listed, ...listRecent(store).filter((e) => e.id !== id)]);
  const indexed = write(store, INDEX_KEY, JSON.stringify({ format: INDEX_FORMAT, recent: kept }));
  // Only once the index no longer lists them: the list never names an entry that is gone.
  if (indexed === 'saved') for (const e of dropped) remove(store, entryKey(e.id));
  return { outcome, text };
}

/**
 * The list cut to RECENT_LIMIT: the oldest sessions opened from links go first, so that a run of
 * opened links never pushes the user's own sessions out; the newest entry always stays.
 */
function trim(list: RecentEntry[]): { kept: RecentEntry[]; dropped: RecentEntry[] } {
  const kept = [...list];
  const dropped: RecentEntry[] = [];
  while (kept.length > RECENT_LIMIT) {
    let victim = -1;
    for (let i = kept.length - 1; i > 0 && victim < 0; i--) if (kept[i]?.fromLink) victim = i;
    if (victim < 0) victim = kept.length - 1;
    dropped.push(...kept.splice(victim, 1));
  }
  return { kept, dropped };
}

/**
 * Keeps an unreadable entry's text in the backup slot (replacing an earlier one) so that nothing
 * overwrites the only copy. false when storage refused: the caller then leaves the entry in place.
 */
export function backUpUnreadable(
  store: KeyValueStore,
  from: string,
  text: string,
  problem: string,
  now: number,
): boolean {
  return write(store, BACKUP_KEY, JSON.stringify({ from, keptAt: now, problem, text })) === 'saved';
}

/** What moving the first layout's two keys into entries found. */
export interface Migration {
  /** Sentences for the user: an old entry that could not be read (and where it is now). */
  notes: string[];
}

/**
 * Moves `spark-playground.session` and `spark-playground.previous-session` into entries of the
 * recent list (the autosave newest), then removes them. A key that cannot be moved (storage full)
 * stays where it is, untouched: the layout never writes those keys again, and the next start tries again.
 */
export function migrateLegacy(store: KeyValueStore, now: number): Migration {
  const notes: string[] = [];
  // Previous first, so that the autosave ends up on top of the list.
  // Ids of their own each time: an older build still open in another tab may write those keys again.
  const stamp = now.toString(36);
  const keys: [string, string, number][] = [
    [LEGACY_PREVIOUS_KEY, `saved-previous-${stamp}`, now - 1],
    [LEGACY_AUTOSAVE_KEY, `saved-${stamp}`, now],
  ];
  for (const [key, id, savedAt] of keys) {
    const text = readText(store, key);
    if (text === null) continue;
    const parsed = parseStoredSession(text);
    if (parsed.ok) {
      if (writeEntry(store, id, parsed.session, { fromLink: false, now: savedAt }).outcome === 'saved')
        remove(store, key);
      continue;
    }
    if (backUpUnreadable(store, key, text, parsed.problem, now)) {
      remove(store, key);
      notes.push(unreadableNote(parsed.problem, BACKUP_KEY));
    } else {
      notes.push(unreadableNote(parsed.problem, key));
    }
  }
  return { notes };
}

/** The banner's sentence about an entry that could not be read, and where its text is kept. */
export function unreadableNote(problem: string, keptUnder: string): string {
  return `A saved session could not be read (${problem}); it is kept unchanged in this browser's storage under "${keptUnder}".`;
}

/** Removes an entry and its line in the recent list (after its text was backed up). */
export function forgetEntry(store: KeyValueStore, id: string): void {
  const recent = listRecent(store);
  if (recent.some((e) => e.id === id))
    write(store, INDEX_KEY, JSON.stringify({ format: INDEX_FORMAT, recent: recent.filter((e) => e.id !== id) }));
  remove(store, entryKey(id));
}

/** Sessions to offer as the user's own, newest first: the recent entries that did not come from a link. */
export function ownEntries(store: KeyValueStore): RecentEntry[] {
  return listRecent(store).filter((e) => !e.fromLink);
}
