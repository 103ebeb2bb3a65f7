// The side panels and the keyboard, in real Chromium against the production build: a worker reached
// with Tab alone takes M and a fault chosen with the arrows; focus comes back to the control that
// opened a dialog (or to its opener in the header when a shortcut opened it); a selection brings
// the Inspector forward.
import { expect, type Page, test } from '@playwright/test';

async function openSandbox(page: Page) {
  await page.goto('/');
  await page.getByRole('combobox', { name: 'Scenario' }).selectOption('sandbox');
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

  // Import and Export, each from its button.
  for (const [opener, dialogId] of [
    ['open-import', 'import-dialog'],
    ['open-export', 'export-dialog'],
  ] as const) {
    await page.getByTestId(opener).focus();
    await page.keyboard.press('Enter');
    await expect(page.getByTestId(dialogId)).toBeVisible();
    await page.keyboard.press('Escape');
    await expect(page.getByTestId(dialogId)).toBeHidden();
    expect(await activeTag(page)).not.toBe('BODY');
    expect(await activeTestId(page)).toBe(opener);
  }
});
