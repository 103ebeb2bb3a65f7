// The side panels and the keyboard, in real Chromium against the production build: a worker reached
// with Tab alone takes M and a fault chosen with the arrows; focus comes back to the control that
// opened a dialog (or to its opener in the header when a shortcut opened it); a selection brings
// the Inspector forward.
import { expect, type Page, test } from '@playwright/test';
import { chooseScenario } from './scenario-picker';

async function openSandbox(page: Page) {
  await page.goto('/');
  await chooseScenario(page, 'sandbox');
  await expect(page.getByTestId('node-w3')).toBeVisible();
  await expect(page.getByTestId('sim-clock')).toHaveText('0:00:00.000');
}

const activeTestId = (page: Page) => page.evaluate(() => document.activeElement?.getAttribute('data-testid') ?? null);
/** Nothing focused: the page itself, as after a click on empty space. */
const blur = (page: Page) => page.evaluate(() => (document.activeElement as HTMLElement | null)?.blur());
const activeTag = (page: Page) => page.evaluate(() => document.activeElement?.tagName ?? null);

/** Presses Tab until the element with this test id has focus (no click anywhere). */
async function tabTo(page: Page, testId: string, max = 80): Promise<void> {
  for (let i = 0; i < max; i++) {
    if ((await activeTestId(page)) === testId) return;
    await page.keyboard.press('Tab');
  }
  throw new Error(`Tab never reached ${testId}`);
}

test.beforeEach(async ({ page }) => {
  await page.setViewportSize({ width: 1280, height: 720 });
});

test('focus a worker with Tab, press M, choose a fault with the arrows and Enter: it is applied', async ({ page }) => {
  await openSandbox(page);
  // Start from the top of the page, as a keyboard user does.
  await page.getByRole('combobox', { name: 'Scenario' }).focus();
  await tabTo(page, 'node-w2');
  await page.keyboard.press('m');
  const menu = page.getByTestId('context-menu');
  await expect(menu).toBeVisible();
  // The focused worker is the menu's subject, and became the selection (the Inspector shows it).
  await expect(page.getByTestId('node-w2')).toHaveAttribute('data-selected', 'true');
  await expect(page.getByTestId('tab-inspector')).toHaveAttribute('aria-selected', 'true');
  // Arrows to "Power off machine", then Enter.
  for (let i = 0; i < 10; i++) {
    if ((await activeTestId(page)) === 'menu-power-off') break;
    await page.keyboard.press('ArrowDown');
  }
  expect(await activeTestId(page)).toBe('menu-power-off');
  await page.keyboard.press('Enter');
  await expect(menu).toBeHidden();
  await expect(page.getByTestId('node-w2')).toHaveAttribute('data-process', 'machine-off');
  // Focus is back on the worker, not lost to the page.
  expect(await activeTestId(page)).toBe('node-w2');

  // Delete on a focused node that is not the selection acts on the focused one.
  await page.getByRole('combobox', { name: 'Scenario' }).focus();
  await tabTo(page, 'node-w3');
  await page.keyboard.press('Delete');
  await expect(page.getByTestId('node-w3')).toHaveAttribute('data-process', 'stopped');
});

test('focus and selection look different on a node', async ({ page }) => {
  await openSandbox(page);
  const w1 = page.getByTestId('node-w1');
  const w2 = page.getByTestId('node-w2');
  await w1.click();
  await page.getByRole('combobox', { name: 'Scenario' }).focus();
  await tabTo(page, 'node-w2');
  const look = (el: typeof w1) =>
    el.evaluate((n) => {
      const c = getComputedStyle(n);
      return { outline: c.outlineStyle, shadow: c.boxShadow, background: c.backgroundColor };
    });
  const selected = await look(w1);
  const focused = await look(w2);
  expect(focused.outline).toBe('dashed');
  expect(selected.outline).not.toBe('dashed');
  expect(selected.shadow).not.toBe(focused.shadow);
  expect(selected.background).not.toBe(focused.background);
});

test('after submitting by keyboard, focus is on the control that opened the dialog', async ({ page }) => {
  await openSandbox(page);
  // Opened with S while nothing has focus: focus returns to the header's Submit button.
  await blur(page);
  await page.keyboard.press('s');
  const dialog = page.getByTestId('submit-dialog');
  await expect(dialog).toBeVisible();
  await tabTo(page, 'submit-button');
  await page.keyboard.press('Enter');
  await expect(dialog).toBeHidden();
  await expect.poll(() => activeTestId(page)).toBe('open-submit');
  await expect(page.locator('[data-testid^="proc-driver-"], [data-testid^="node-client"]').first()).toBeVisible();

  // Opened from the button with Enter: focus returns to it.
  await page.getByTestId('open-submit').focus();
  await page.keyboard.press('Enter');
  await expect(dialog).toBeVisible();
  await page.keyboard.press('Escape');
  await expect(dialog).toBeHidden();
  expect(await activeTestId(page)).toBe('open-submit');

  // The shortcuts overlay, opened with ? from nowhere: focus lands on its button, not on <body>.
  await blur(page);
  await page.keyboard.press('?');
  await expect(page.getByTestId('shortcuts-overlay')).toBeVisible();
  await page.keyboard.press('Escape');
  await expect(page.getByTestId('shortcuts-overlay')).toBeHidden();
  expect(await activeTestId(page)).toBe('open-shortcuts');

  // Import and Export, each from its item in the header's More menu: the menu closes as the
  // dialog opens, so the focus comes back to the More button that opened the menu.
  for (const [opener, dialogId] of [
    ['open-import', 'import-dialog'],
    ['open-export', 'export-dialog'],
  ] as const) {
    await page.getByTestId('header-menu').click();
    // The menu focuses its first control on the frame after it opens; wait for that, or the
    // focus given below can be taken back by it and Enter lands on a message toggle.
    await expect
      .poll(() => page.evaluate(() => !!document.activeElement?.closest('[data-testid="header-menu-popover"]')))
      .toBe(true);
    await expect(page.getByTestId(opener)).toBeEnabled();
    await page.getByTestId(opener).focus();
    await expect.poll(() => activeTestId(page)).toBe(opener);
    await page.keyboard.press('Enter');
    await expect(page.getByTestId(dialogId)).toBeVisible();
    await page.keyboard.press('Escape');
    await expect(page.getByTestId(dialogId)).toBeHidden();
    expect(await activeTag(page)).not.toBe('BODY');
    expect(await activeTestId(page)).toBe('header-menu');
  }
});

/** Plays at `speed` until the clock passes `ms` (or the run pauses itself at its end). */
async function playTo(page: Page, speed: string, ms: number) {
  await page.getByTestId('speed').selectOption(speed);
  await page.getByRole('button', { name: 'Play' }).click();
  await expect
    .poll(
      async () =>
        Number(await page.getByTestId('sim-clock').getAttribute('data-ms')) >= ms ||
        (await page.getByRole('button', { name: 'Play' }).isVisible()),
      { timeout: 60_000 },
    )
    .toBe(true);
  const pause = page.getByRole('button', { name: 'Pause' });
  if (await pause.isVisible()) await pause.click();
}

for (const size of [
  { width: 1280, height: 720 },
  { width: 820, height: 1180 },
]) {
  test(`the Master UI fits its panel at ${size.width}×${size.height}: no column cut at the right`, async ({ page }) => {
    await page.setViewportSize(size);
    await page.goto('/');
    await chooseScenario(page, 'worker-decommission');
    await expect(page.getByTestId('node-w3')).toBeVisible();
    await playTo(page, '100', 66_000);
    await expect(page.locator('[data-testid="workers-table-row"][data-state="DECOMMISSIONED"]')).toHaveCount(1);
    const cut = await page.evaluate(() => {
      const panel = document.querySelector('[data-testid="master-page"]')?.getBoundingClientRect();
      if (!panel) return ['no panel'];
      const out: string[] = [];
      for (const cell of document.querySelectorAll<HTMLElement>(
        '[data-testid="master-page"] th, [data-testid="master-page"] td',
      )) {
        const r = cell.getBoundingClientRect();
        if (r.width === 0) continue; // a column left out at this width
        if (r.right > panel.right + 1)
          out.push(`${cell.textContent} ends at ${Math.round(r.right)} > ${Math.round(panel.right)}`);
      }
      return out;
    });
    expect(cut).toEqual([]);
    // The state of every row is shown whole.
    await expect(page.locator('[data-testid="workers-table"]')).toContainText('DECOMMISSIONED');
    await page.getByTestId('tab-master').scrollIntoViewIfNeeded();
    await page.screenshot({ path: `e2e-artifacts/panels-master-ui-${size.width}.png` });
    // "All columns" shows Spark's whole table, which then scrolls sideways inside its own box.
    await page.getByTestId('master-all-columns').click();
    await expect(page.locator('[data-testid="workers-table"] th', { hasText: 'Address' })).toBeVisible();
  });
}

test('a running driver’s Duration ticks with the clock, and the page reads the canvas’s instant', async ({ page }) => {
  await page.goto('/');
  await chooseScenario(page, 'cluster-mode');
  await expect(page.getByTestId('node-w3')).toBeVisible();
  await page.getByTestId('speed').selectOption('1');
  await page.getByRole('button', { name: 'Play' }).click();
  const row = page.locator('[data-testid="running-drivers-table-row"][data-state="RUNNING"]');
  await expect(row).toHaveCount(1, { timeout: 60_000 });
  const duration = row.locator('td').last();
  const first = await duration.textContent();
  await expect.poll(() => duration.textContent(), { timeout: 10_000 }).not.toBe(first);
  await page.getByRole('button', { name: 'Pause' }).click();
  // Paused: the page says it is of the instant on the clock.
  const clock = await page.getByTestId('sim-clock').textContent();
  await expect(page.locator('.master-read-at')).toContainText(clock ?? '');
});

test('a selection on the canvas opens the Inspector; a line clicked in the log keeps the log open', async ({
  page,
}) => {
  await openSandbox(page);
  await expect(page.getByTestId('tab-master')).toHaveAttribute('aria-selected', 'true');
  await page.getByTestId('node-w1').click();
  await expect(page.getByTestId('tab-inspector')).toHaveAttribute('aria-selected', 'true');
  await expect(page.getByTestId('inspector')).toHaveAttribute('data-state', 'ready');
  await page.getByTestId('tab-log').click();
  await page.locator('.log-line button').first().click();
  await expect(page.getByTestId('tab-log')).toHaveAttribute('aria-selected', 'true');
});

test('on a tablet a selection scrolls the Inspector into view', async ({ page }) => {
  await page.setViewportSize({ width: 820, height: 1180 });
  await openSandbox(page);
  await page
    .getByTestId('node-w2')
    .tap()
    .catch(() => page.getByTestId('node-w2').click());
  await expect(page.getByTestId('tab-inspector')).toHaveAttribute('aria-selected', 'true');
  await expect
    .poll(() =>
      page.evaluate(() => {
        const r = document.querySelector('[data-testid="inspector"]')?.getBoundingClientRect();
        return r ? Math.min(r.bottom, innerHeight) - Math.max(r.top, 0) : 0;
      }),
    )
    .toBeGreaterThan(150);
  await page.screenshot({ path: 'e2e-artifacts/panels-tablet-inspector.png' });
});

test('the event log finds messages by name over the whole run; a hit’s seek greys the later hits, never erases them', async ({
  page,
}) => {
  await page.goto('/');
  await chooseScenario(page, 'cluster-mode');
  await expect(page.getByTestId('node-w3')).toBeVisible();
  await playTo(page, '20', 40_000);
  await page.getByTestId('tab-log').click();
  await page.getByTestId('log-search').fill('Executor');
  const hits = page.getByTestId('log-pane').locator('li');
  await expect.poll(() => hits.count()).toBeGreaterThan(3);
  const before = await hits.count();
  // The messages are there: the Master's LaunchExecutor to the workers, by their Spark name.
  await expect(page.getByTestId('log-pane').locator('li[data-kind="message"]').first()).toContainText('LaunchExecutor');
  // Click an early hit: the playhead goes there, and every later hit stays, greyed.
  await hits.nth(1).locator('button').click();
  await expect(page.getByTestId('tab-log')).toHaveAttribute('aria-selected', 'true');
  await expect.poll(() => page.getByTestId('log-pane').locator('li[data-later]').count()).toBeGreaterThan(0);
  expect(await hits.count()).toBe(before);
  await expect(page.getByTestId('log-count')).toContainText('after the playhead');
  await page.screenshot({ path: 'e2e-artifacts/panels-event-log-later.png' });
  // LaunchDriver, which no log line names, is found among the messages.
  await page.getByTestId('log-search').fill('LaunchDriver');
  await expect(page.getByTestId('log-pane').locator('li[data-kind="message"]')).not.toHaveCount(0);
});
