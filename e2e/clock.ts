// Waiting on the page's own state instead of on wall-clock sleeps. The simulated clock is the
// sim-clock element's data-ms; the page's frame loop is requestAnimationFrame, so "nothing moved"
// is checked frame by frame, not after a pause of so many milliseconds.
import { expect, type Page } from '@playwright/test';

/** Simulated ms on the page's clock. */
export const simMs = async (page: Page): Promise<number> =>
  Number(await page.getByTestId('sim-clock').getAttribute('data-ms'));

/**
 * After Pause: waits until the answer to the last play request (the page keeps at most one in
 * flight) has landed and the clock holds still, that is until the header says "paused" and the
 * clock shows the same time for `frames` animation frames in a row. Returns that time.
 */
export async function settledClock(page: Page, frames = 20): Promise<number> {
  await page.waitForFunction(
    (n) => {
      const w = window as unknown as { __e2eSettle?: { ms: string | null; frames: number } };
      const ms = document.querySelector('[data-testid="sim-clock"]')?.getAttribute('data-ms') ?? null;
      const paused = document.querySelector('[data-testid="sim-rate"]')?.getAttribute('data-reason') === 'paused';
      const seen = w.__e2eSettle;
      if (!paused || !seen || seen.ms !== ms) {
        w.__e2eSettle = { ms, frames: 0 };
        return false;
      }
      seen.frames += 1;
      if (seen.frames < n) return false;
      delete w.__e2eSettle;
      return true;
    },
    frames,
    { polling: 'raf' },
  );
  return simMs(page);
}

/** The clock's simulated ms in each of the next `frames` animation frames. */
export async function clockOverFrames(page: Page, frames: number): Promise<number[]> {
  return page.evaluate(
    (n) =>
      new Promise<number[]>((resolve) => {
        const seen: number[] = [];
        const read = () => {
          seen.push(Number(document.querySelector('[data-testid="sim-clock"]')?.getAttribute('data-ms')));
          if (seen.length >= n) resolve(seen);
          else requestAnimationFrame(read);
        };
        requestAnimationFrame(read);
      }),
    frames,
  );
}

/**
 * Plays until the simulated clock reaches `atLeast` ms, then pauses (unless the run already paused
 * itself because only heartbeats are left) and waits for the clock to settle. Returns its time.
 */
export async function playUntil(page: Page, atLeast: number): Promise<number> {
  await page.getByRole('button', { name: 'Play' }).click();
  await expect.poll(() => simMs(page), { timeout: 60_000 }).toBeGreaterThanOrEqual(atLeast);
  const pause = page.getByRole('button', { name: 'Pause' });
  if (await pause.isVisible()) await pause.click();
  return settledClock(page);
}
