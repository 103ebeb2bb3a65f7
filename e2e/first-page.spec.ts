// The first page end to end, in real Chromium against the production build: the engine runs in
// its Web Worker, a worker registers with the Master, and an application runs and finishes.
import { expect, type Page, test } from '@playwright/test';

const SCREENSHOT = 'e2e-artifacts/first-page.png';

/** Rows of one Master page table whose data-state is `state`. */
const rows = (page: Page, table: string, state: string) =>
  page.getByTestId(table).locator(`tbody tr[data-state="${state}"]`);

/**
 * Waits for a row in that state by checking every animation frame. At high speed a state can
 * last only a few frames, and expect()'s back-off polling (up to a second apart) could miss it.
 */
async function waitForRow(page: Page, table: string, state: string, timeout = 60_000) {
  await page.waitForFunction(
    ([t, s]) => document.querySelector(`[data-testid="${t}"] tbody tr[data-state="${s}"]`) !== null,
    [table, state] as const,
    { polling: 'raf', timeout },
  );
}

test('a worker registers and an application runs to completion', async ({ page }) => {
  const problems: string[] = [];
  page.on('pageerror', (e) => problems.push(`page error: ${e.message}`));
  page.on('console', (m) => {
    if (m.type() === 'error') problems.push(`console error: ${m.text()}`);
  });

  await page.goto('/');
  await expect(page.getByRole('heading', { level: 1, name: /Spark Master at spark:\/\// })).toBeVisible();
  await expect(page.getByTestId('master-status')).toHaveText('ALIVE');
  await expect(page.getByTestId('sim-clock')).toHaveText('0:00:00.000');

  // Watch registration at 10×, so the running application is on screen for a while.
  await page.getByLabel('Speed').selectOption('10');
  await page.getByRole('button', { name: 'Play' }).click();
  await expect(page.getByRole('button', { name: 'Pause' })).toBeVisible();

  await waitForRow(page, 'workers-table', 'ALIVE');
  await expect(rows(page, 'workers-table', 'ALIVE').first()).toBeVisible();
  expect(Number(await page.getByTestId('alive-workers').textContent())).toBeGreaterThan(0);

  await waitForRow(page, 'running-apps-table', 'RUNNING');
  await expect(page.getByTestId('log-pane').locator('li').first()).toBeVisible();

  // Then let the workload finish quickly.
  await page.getByLabel('Speed').selectOption('100');
  await waitForRow(page, 'completed-apps-table', 'FINISHED');
  await expect(rows(page, 'completed-apps-table', 'FINISHED').first()).toBeVisible();
  expect(Number(await page.getByTestId('sim-clock').getAttribute('data-ms'))).toBeGreaterThan(0);

  // Pausing stops the clock.
  await page.getByRole('button', { name: 'Pause' }).click();
  const paused = await page.getByTestId('sim-clock').textContent();
  await page.waitForTimeout(300);
  await expect(page.getByTestId('sim-clock')).toHaveText(paused ?? '');

  await page.screenshot({ path: SCREENSHOT, fullPage: true });
  expect(problems).toEqual([]);
});
