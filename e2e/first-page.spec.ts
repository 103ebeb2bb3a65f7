// The first page end to end, in real Chromium against the production build: the engine runs in
// its Web Worker, a worker registers with the Master, and an application runs and finishes.
import { expect, type Page, test } from '@playwright/test';
import { clockOverFrames, settledClock, simMs } from './clock';
import { chooseScenario, scenarioIds } from './scenario-picker';

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
  await expect(page.getByRole('heading', { level: 2, name: /Spark Master at spark:\/\// })).toBeVisible();
  await expect(page.getByTestId('master-status')).toHaveText('ALIVE');
  await expect(page.getByTestId('sim-clock')).toHaveText('0:00:00.000');

  // Watch registration at 10×, so the running application is on screen for a while.
  await page.getByRole('combobox', { name: 'Speed' }).selectOption('10');
  await page.getByRole('button', { name: 'Play' }).click();
  await expect(page.getByRole('button', { name: 'Pause' })).toBeVisible();

  await waitForRow(page, 'workers-table', 'ALIVE');
  await expect(rows(page, 'workers-table', 'ALIVE').first()).toBeVisible();
  expect(Number(await page.getByTestId('alive-workers').textContent())).toBeGreaterThan(0);

  await waitForRow(page, 'running-apps-table', 'RUNNING');
  // At 1× the application runs for about 20 s, so it is still running for the checks below and
  // the page cannot pause itself at the end of the run under the Pause click.
  await page.getByRole('combobox', { name: 'Speed' }).selectOption('1');
  await page.getByTestId('tab-log').click();
  await expect(page.getByTestId('log-pane').locator('li').first()).toBeVisible();
  await page.getByTestId('tab-master').click();

  // Pausing stops the simulated clock (after the one advance that may already be in flight):
  // it then shows the same time in every frame. Play resumes it.
  await page.getByRole('button', { name: 'Pause' }).click();
  const paused = await settledClock(page);
  expect(new Set(await clockOverFrames(page, 60))).toEqual(new Set([paused]));
  await page.getByRole('button', { name: 'Play' }).click();
  await expect.poll(() => simMs(page)).toBeGreaterThan(paused);

  // Then let the workload finish quickly.
  await page.getByRole('combobox', { name: 'Speed' }).selectOption('100');
  await waitForRow(page, 'completed-apps-table', 'FINISHED');
  await expect(rows(page, 'completed-apps-table', 'FINISHED').first()).toBeVisible();
  await expect(rows(page, 'running-apps-table', 'RUNNING')).toHaveCount(0);
  await expect(rows(page, 'workers-table', 'ALIVE').first()).toBeVisible();

  // Once only housekeeping is left, the page pauses itself so the end state stays on screen.
  await expect(page.getByTestId('idle-note')).toBeVisible({ timeout: 60_000 });
  await expect(page.getByRole('button', { name: 'Play' })).toBeVisible();

  await page.screenshot({ path: SCREENSHOT, fullPage: true });
  expect(problems).toEqual([]);
});

test('switching scenario and Reset start the run again from zero', async ({ page }) => {
  await page.goto('/');
  await expect(page.getByTestId('master-status')).toHaveText('ALIVE');
  await page.getByRole('combobox', { name: 'Scenario' }).click();
  const options = await scenarioIds(page);
  expect(options.length).toBeGreaterThan(1);
  await page.keyboard.press('Escape');

  await page.getByRole('combobox', { name: 'Speed' }).selectOption('100');
  await page.getByRole('button', { name: 'Play' }).click();
  await expect(page.getByTestId('sim-clock')).not.toHaveText('0:00:00.000');

  await chooseScenario(page, options[1] ?? '');
  await expect(page.getByTestId('sim-clock')).toHaveText('0:00:00.000');
  await expect(page.getByRole('button', { name: 'Play' })).toBeVisible();
  await expect(page.getByTestId('master-status')).toHaveText('ALIVE');

  await page.getByRole('button', { name: 'Play' }).click();
  await waitForRow(page, 'workers-table', 'ALIVE');
  await page.getByRole('button', { name: 'Reset' }).click();
  await expect(page.getByTestId('sim-clock')).toHaveText('0:00:00.000');
  await page.getByTestId('tab-log').click();
  await expect(page.getByTestId('log-pane').locator('li').first()).toContainText('0:00:00.000');
});
