// How the page's storage answers at start. Three cases, told apart because the user is told
// different things: localStorage works; it reads but a write throws the quota error (storage full:
// what is stored is still restored, saving resumes once a write succeeds); or it cannot be read at
// all (sandboxed iframes, some private modes), where a memory stand-in keeps the page working.
import { isQuotaError, type KeyValueStore } from './autosave';
import type { StorageMode } from './session-keeper';

const PROBE_KEY = '__spark-playground-probe__';

/** A Map behind the KeyValueStore face: nothing outlives the page. */
export function memoryStore(): KeyValueStore {
  const data = new Map<string, string>();
  return {
    getItem: (k) => data.get(k) ?? null,
    setItem: (k, v) => void data.set(k, v),
    removeItem: (k) => void data.delete(k),
  };
}

/** `open` returns localStorage (reading `window.localStorage` itself throws where it is denied). */
export function probeStorage(open: () => KeyValueStore): { store: KeyValueStore; mode: StorageMode } {
  let local: KeyValueStore;
  try {
    local = open();
    local.getItem(PROBE_KEY);
  } catch {
    return { store: memoryStore(), mode: 'memory' };
  }
  try {
    local.setItem(PROBE_KEY, '1');
    local.removeItem(PROBE_KEY);
    return { store: local, mode: 'local' };
  } catch (err) {
    // Full: read-only until a save succeeds. Any other refusal to write is storage not allowed.
    return isQuotaError(err) ? { store: local, mode: 'full' } : { store: memoryStore(), mode: 'memory' };
  }
}
