// Spark's memory check for the palette, loaded the first time a preset's memory is edited (the
// presets as shipped are valid: worker-presets.test.ts), so it is not in the page's entry script.
import { useEffect, useState } from 'react';
import type { MemoryCheck } from './worker-presets';

let loaded: MemoryCheck | null = null;
let loading: Promise<MemoryCheck> | null = null;

/** Starts loading the check (a memory field got focus), so it is there by the first keystroke. */
export function loadMemoryCheck(): Promise<MemoryCheck> {
  loading ??= import('./memory-check').then(
    (m) => (loaded = m.checkWorkerMemory),
    (err: unknown) => {
      loading = null;
      throw err;
    },
  );
  return loading;
}

/**
 * The check once at hand (null before), loading it while `value` needs it; `error` says why it
 * could not be loaded (offline), and the next value tries again.
 */
export function useMemoryCheck(value: string, needed: boolean): { check: MemoryCheck | null; error: string | null } {
  const [failed, setFailed] = useState<{ value: string; error: string } | null>(null);
  const [, setArrived] = useState<MemoryCheck | null>(loaded);
  useEffect(() => {
    if (!needed || loaded) return;
    let live = true;
    loadMemoryCheck().then(
      (check) => live && setArrived(() => check),
      (err: unknown) => live && setFailed({ value, error: err instanceof Error ? err.message : String(err) }),
    );
    return () => {
      live = false;
    };
  }, [value, needed]);
  return { check: loaded, error: failed?.value === value && !loaded ? failed.error : null };
}
