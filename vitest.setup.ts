// Runs before every test file (vitest.config.ts, setupFiles). vi.waitFor gives up after one
// second unless told otherwise, and a lazy chunk or a worker reply that arrives in 50 ms on an
// idle machine took longer than that with the machine's two cores busy: tests that were right
// failed. Waiting longer costs a passing test nothing (it returns as soon as the callback passes).
import { vi } from 'vitest';

const WAIT_FOR_TIMEOUT_MS = 10_000;

const waitFor = vi.waitFor.bind(vi);
vi.waitFor = ((callback, options) =>
  waitFor(callback, {
    timeout: WAIT_FOR_TIMEOUT_MS,
    ...(typeof options === 'number' ? { timeout: options } : options),
  })) as typeof vi.waitFor;
