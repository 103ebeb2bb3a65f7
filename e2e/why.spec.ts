// "Why?" in real Chromium: a WAITING app selected from the Master UI shows its reason code, the
// sentence and the per-worker table with the shortfall in red; the Actions menu's "Why?" lands
// the focus on that section; a worker killed shows its causal chain, whose links seek.
import { createRequire } from 'node:module';
import { expect, type Page, test } from '@playwright/test';
import { playUntil, simMs } from './clock';
import { chooseScenario } from './scenario-picker';

async function openWaitingApp(page: Page) {
  await page.goto('/');
  await chooseScenario(page, 'app-waiting-for-memory');
  await expect(page.getByTestId('node-w2')).toBeVisible();
  await playUntil(page, 25_000);
  await page.getByRole('tab', { name: 'Master UI' }).click();
  await page
    .getByTestId('master-page')
    .getByRole('button', { name: /^app-\d+-0000$/ })
    .first()
    .click();
}

for (const size of [
  { name: 'laptop', width: 1280, height: 720 },
  { name: 'tablet', width: 820, height: 1180 },
]) {
  test(`a WAITING app explains itself: code, sentence, per-worker table (${size.name})`, async ({ page }) => {
    await page.setViewportSize({ width: size.width, height: size.height });
    await openWaitingApp(page);
    const why = page.getByTestId('why');
    await expect(why).toBeVisible();
    await expect(page.getByTestId('why-code')).toHaveText('INSUFFICIENT_MEMORY');
    await expect(page.getByTestId('why-text')).toContainText('Each executor needs 20.0 GiB');
    const rows = page.getByTestId('why-workers').locator('tbody tr');
    await expect(rows).toHaveCount(2);
    // The memory cell of each worker is the one that falls short, and says so in words too.
    await expect(rows.first().locator('td.why-short')).toHaveCount(2);
    await expect(rows.first()).toContainText('short of memory');
    await expect(page.getByTestId('why-fixes')).toContainText('add a worker with ≥ 20.0 GiB');
    await why.scrollIntoViewIfNeeded();
    await page.screenshot({ path: test.info().outputPath(`why-${size.name}.png`) });
    // The red and green cells keep their contrast (axe-core on the Why section).
    await page.addScriptTag({ path: createRequire(import.meta.url).resolve('axe-core/axe.min.js') });
    const serious = await page.evaluate(async () => {
      const axe = (
        window as unknown as {
          axe: { run(ctx: Element, opts: unknown): Promise<{ violations: { id: string; impact: string }[] }> };
        }
      ).axe;
      const r = await axe.run(document.querySelector('[data-testid="why"]')!, { resultTypes: ['violations'] });
      return r.violations.filter((v) => v.impact === 'serious' || v.impact === 'critical').map((v) => v.id);
    });
    expect(serious).toEqual([]);
  });
}

test('the Actions menu’s "Why?" takes the keyboard to the answer', async ({ page }) => {
  await page.setViewportSize({ width: 1280, height: 720 });
  await openWaitingApp(page);
  await page.getByTestId('inspector-actions').click();
  const item = page.getByTestId('menu-why');
  await expect(item).toBeFocused();
  await page.keyboard.press('Enter');
  await expect(page.getByTestId('context-menu')).toHaveCount(0);
  await expect(page.getByRole('heading', { name: 'Why?' })).toBeFocused();
});

test('a killed worker’s DEAD goes back to the kill, and a link seeks there', async ({ page }) => {
  await page.setViewportSize({ width: 1280, height: 720 });
  await page.goto('/');
  await chooseScenario(page, 'worker-kill-vs-power-off');
  await expect(page.getByTestId('node-w2')).toBeVisible();
  await playUntil(page, 25_000);
  await page.getByTestId('node-w2').click({ button: 'right' });
  await page.getByTestId('menu-why').click();
  const chain = page.getByTestId('why-chain');
  await expect(chain).toBeVisible();
  await expect(chain.locator('li').last()).toContainText("the scenario's action kill-worker at 20.000 s");
  await chain.locator('li').last().getByRole('button').click();
  await expect.poll(() => simMs(page)).toBe(20_000);
});
