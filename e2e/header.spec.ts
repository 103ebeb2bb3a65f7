// The page's frame in real Chromium: the header is one row at 1280×720 and wraps sensibly on a
// tablet; the scenario picker shows whole titles and summaries and works from the keyboard; the
// More and Branch menus give the focus back; the side panel and the bottom dock resize (pointer
// and keys), collapse and are remembered; a link whose open panel is the log opens the dock on
// it; the guided start can be skipped for good; the legend lists each app with its colour.
import { expect, type Page, test } from '@playwright/test';
import { readFileSync } from 'node:fs';
import { ENGINE_VERSION } from '../src/engine/public';
import { encodeSession, SESSION_FORMAT } from '../src/share/codec';
import { appColor } from '../src/ui/colors';
import { chooseScenario, expectScenario } from './scenario-picker';

const SHOTS = 'e2e-artifacts';

function watchProblems(page: Page): string[] {
  const problems: string[] = [];
  page.on('pageerror', (e) => problems.push(`page error: ${e.message}`));
  page.on('console', (m) => {
    if (m.type() === 'error') problems.push(`console error: ${m.text()}`);
  });
  return problems;
}

/** The boxes of the header's controls: its children and the toolbar's groups, the hidden title left out. */
async function headerBoxes(page: Page) {
  return page.evaluate(() => {
    const header = document.querySelector('.app-header');
    if (!header) throw new Error('no header');
    const els = [
      ...header.querySelectorAll(':scope > *:not(.brand), .time-controls > *, .tc-group > *, .tc-clock > *'),
    ];
    const box = (e: Element) => {
      const r = e.getBoundingClientRect();
      return { name: e.className || e.tagName, top: r.top, bottom: r.bottom, left: r.left, right: r.right };
    };
    return { header: box(header), controls: els.map(box).filter((b) => b.bottom > b.top) };
  });
}

async function openPage(page: Page, url = '/') {
  await page.goto(url);
  await expect(page.getByTestId('node-w1')).toBeVisible();
}

test('the header is one row at 1280×720, and on a tablet every control is on screen', async ({ page }) => {
  const problems = watchProblems(page);
  await page.setViewportSize({ width: 1280, height: 720 });
  await openPage(page);
  const { header, controls } = await headerBoxes(page);
  expect(controls.length).toBeGreaterThan(8);
  // One row: every control lies within the band of the tallest control, from the header's top.
  const rowHeight = Math.max(...controls.map((c) => c.bottom - c.top));
  for (const c of controls) {
    expect(c.top, c.name).toBeGreaterThanOrEqual(header.top);
    expect(c.bottom, c.name).toBeLessThanOrEqual(header.top + rowHeight + 12);
    expect(c.right, c.name).toBeLessThanOrEqual(1280);
  }
  expect(header.bottom - header.top).toBeLessThan(rowHeight + 16);
  await page.screenshot({ path: `${SHOTS}/header-1280.png` });

  await page.setViewportSize({ width: 820, height: 1180 });
  await expect.poll(async () => (await headerBoxes(page)).header.bottom).toBeLessThan(140);
  const tablet = await headerBoxes(page);
  for (const c of tablet.controls) {
    expect(c.left, c.name).toBeGreaterThanOrEqual(0);
    expect(c.right, c.name).toBeLessThanOrEqual(820);
  }
  // The panels start above the fold: the side panel's tabs are on the first screen.
  const tabs = await page.getByTestId('tab-master').boundingBox();
  expect(tabs?.y ?? Infinity).toBeLessThan(1180);
  await page.screenshot({ path: `${SHOTS}/header-tablet.png` });
  expect(problems).toEqual([]);
});

test('the scenario picker shows whole titles and summaries and works from the keyboard', async ({ page }) => {
  await page.setViewportSize({ width: 1280, height: 720 });
  await openPage(page);
  const picker = page.getByRole('combobox', { name: 'Scenario' });
  await picker.focus();
  await page.keyboard.press('ArrowDown');
  const list = page.getByRole('listbox', { name: 'Scenario' });
  await expect(list).toBeVisible();
  await expect(picker).toHaveAttribute('aria-expanded', 'true');

  const options = page.getByTestId('scenario-option');
  expect(await options.count()).toBeGreaterThan(10);
  // No title is cut: each fits its line, and each has its one-line summary beside it.
  const cut = await options.evaluateAll((els) =>
    els
      .map((e) => {
        const title = e.querySelector<HTMLElement>('.scenario-option-title');
        const summary = e.querySelector<HTMLElement>('.scenario-option-summary');
        return { title, summary };
      })
      .filter(({ title, summary }) => !title || title.scrollWidth > title.clientWidth || !summary?.textContent?.trim())
      .map(({ title }) => title?.textContent ?? '?'),
  );
  expect(cut).toEqual([]);
  await expect(options.first()).toContainText('Client mode: SparkPi on two workers');
  await page.screenshot({ path: `${SHOTS}/header-picker.png` });

  // Arrows move the active option (the focus stays on the combobox), Enter loads it.
  await page.keyboard.press('ArrowDown');
  const active = await picker.getAttribute('aria-activedescendant');
  await expect(page.locator(`[id="${active}"]`)).toHaveAttribute('data-value', 'cluster-mode');
  await page.keyboard.press('Enter');
  await expect(list).toBeHidden();
  await expectScenario(page, 'cluster-mode');
  await expect(picker).toBeFocused();

  // Type-ahead: "sa" jumps to the Sandbox; Escape closes without loading it.
  await page.keyboard.press('ArrowDown');
  await page.keyboard.type('sa');
  const typed = await picker.getAttribute('aria-activedescendant');
  await expect(page.locator(`[id="${typed}"]`)).toHaveAttribute('data-value', 'sandbox');
  await page.keyboard.press('Escape');
  await expect(list).toBeHidden();
  await expectScenario(page, 'cluster-mode');
  await expect(picker).toBeFocused();
});

test('the More menu holds the toggles, the theme and Import/Export, and gives the focus back', async ({ page }) => {
  await openPage(page);
  const more = page.getByTestId('header-menu');
  await more.focus();
  await page.keyboard.press('Enter');
  await expect(page.getByTestId('header-menu-popover')).toBeVisible();
  await expect(page.getByTestId('toggle-heartbeats')).toBeFocused();
  await page.keyboard.press('ArrowDown');
  await expect(page.getByTestId('toggle-tasks')).toBeFocused();
  await page.keyboard.press('Escape');
  await expect(page.getByTestId('header-menu-popover')).toBeHidden();
  await expect(more).toBeFocused();

  // A choice in it closes it; the dialog it opens gives the focus back to the menu's button.
  await more.click();
  await page.getByTestId('open-import').click();
  await expect(page.getByTestId('import-dialog')).toBeVisible();
  await page.keyboard.press('Escape');
  await expect(page.getByTestId('import-dialog')).toBeHidden();
  await expect(more).toBeFocused();
});

test('the side panel resizes by drag and by keys, collapses, and is remembered', async ({ page }) => {
  await page.setViewportSize({ width: 1280, height: 720 });
  await openPage(page);
  const splitter = page.getByRole('separator', { name: 'Details panel width' });
  const side = page.getByTestId('side-pane');
  const before = Number(await splitter.getAttribute('aria-valuenow'));
  const width = (await side.boundingBox())?.width ?? 0;

  const grip = await splitter.boundingBox();
  if (!grip) throw new Error('no splitter');
  const x = Math.round(grip.x + grip.width / 2);
  const y = Math.round(grip.y + grip.height / 2);
  await page.mouse.move(x, y);
  await page.mouse.down();
  await page.mouse.move(x - 100, y, { steps: 5 });
  await page.mouse.up();
  await expect(splitter).toHaveAttribute('aria-valuenow', String(before + 100));
  await expect.poll(async () => Math.round((await side.boundingBox())?.width ?? 0)).toBe(Math.round(width + 100));

  await splitter.focus();
  await page.keyboard.press('ArrowRight');
  await expect(splitter).toHaveAttribute('aria-valuenow', String(before + 84));
  await page.keyboard.press('Shift+ArrowLeft');
  await expect(splitter).toHaveAttribute('aria-valuenow', String(before + 148));

  await page.reload();
  await expect(page.getByRole('separator', { name: 'Details panel width' })).toHaveAttribute(
    'aria-valuenow',
    String(before + 148),
  );

  await page.getByTestId('side-collapse').click();
  await expect(side).toHaveCount(0);
  await expect(page.getByTestId('side-expand')).toBeFocused();
  const canvas = await page.locator('.app-canvas').boundingBox();
  expect((canvas?.x ?? 0) + (canvas?.width ?? 0)).toBeGreaterThan(1200);
  await page.reload();
  await expect(page.getByTestId('node-w1')).toBeVisible();
  await expect(page.getByTestId('side-pane')).toHaveCount(0);
  await page.getByTestId('side-expand').click();
  await expect(page.getByTestId('side-pane')).toBeVisible();
  await expect(page.getByTestId('side-collapse')).toBeFocused();
});

test('the dock holds the event log, resizes, collapses, and opens for a link whose panel is the log', async ({
  page,
}) => {
  await page.setViewportSize({ width: 1280, height: 720 });
  await openPage(page);
  const panel = page.getByTestId('log-pane');
  await expect(panel).toHaveCount(0);
  await page.getByTestId('tab-log').click();
  await expect(panel.locator('li').first()).toBeVisible();
  const dockSplitter = page.getByRole('separator', { name: 'Dock height' });
  const height = Number(await dockSplitter.getAttribute('aria-valuenow'));
  await dockSplitter.focus();
  await page.keyboard.press('ArrowUp');
  await expect(dockSplitter).toHaveAttribute('aria-valuenow', String(height + 16));
  await page.getByTestId('dock-toggle').click();
  await expect(panel).toHaveCount(0);
  await expect(page.getByTestId('dock-toggle')).toHaveAttribute('aria-expanded', 'false');

  // A share link (and an autosave) names the log as its open panel: it opens in the dock.
  const scenario = JSON.parse(
    readFileSync(new URL('../src/scenarios/client-mode.json', import.meta.url), 'utf8'),
  ) as unknown;
  const fragment = await encodeSession({
    format: SESSION_FORMAT,
    engine: ENGINE_VERSION,
    scenario,
    builtin: 'client-mode',
    playhead: 2000,
    view: { tab: 'log' },
  });
  await page.goto(`/#${fragment}`);
  await expect(page.getByTestId('dock-toggle')).toHaveAttribute('aria-expanded', 'true');
  await expect(page.getByTestId('log-pane').locator('li').first()).toBeVisible();
  // The side panel still shows one of its own tabs meanwhile.
  await expect(page.getByTestId('tab-master')).toHaveAttribute('aria-selected', 'true');
});

test('the guided start can be skipped and does not come back; the More menu reopens it', async ({ page }) => {
  // `?tour`: automated browsers see it only when asked.
  await openPage(page, '/?tour');
  const guide = page.getByTestId('guided-start');
  await expect(guide).toBeVisible();
  await expect(guide).toContainText('Play');
  await expect(page.getByTestId('guide-next')).toBeFocused();
  await page.getByTestId('guide-next').click();
  await expect(guide).toHaveAttribute('data-step', '1');
  await expect(guide).toContainText('scenario');
  await page.screenshot({ path: `${SHOTS}/header-guided-start.png` });
  await page.getByTestId('guide-skip').click();
  await expect(guide).toHaveCount(0);

  await page.reload();
  await expect(page.getByTestId('node-w1')).toBeVisible();
  await expect(guide).toHaveCount(0);

  await page.getByTestId('header-menu').click();
  await page.getByTestId('open-guided-start').click();
  await expect(guide).toBeVisible();
  await page.keyboard.press('Escape');
  await expect(guide).toHaveCount(0);
});

test('the legend lists each application with its colour, and the timeline markers', async ({ page }) => {
  await openPage(page);
  await chooseScenario(page, 'executor-cores-set-vs-unset');
  await page.getByTestId('speed').selectOption('10');
  await page.getByTestId('play-pause').click();
  // Both applications registered (the Master UI lists them), then paused and the legend opened.
  await expect(page.getByTestId('running-apps-table').locator('tbody tr[data-state]')).toHaveCount(2, {
    timeout: 30_000,
  });
  await page.getByTestId('play-pause').click();
  await page.getByTestId('legend-button').click();
  const apps = page.getByTestId('legend-app');
  await expect(apps).toHaveCount(2);
  for (const app of await apps.all()) {
    const id = (await app.getAttribute('data-app')) ?? '';
    expect(id).toMatch(/^app-\d+-\d{4}$/);
    await expect(app).toContainText(id);
    await expect(app).toContainText('Spark Pi');
    await expect(app).toHaveAttribute('data-color', appColor(id));
    const swatch = await app.locator('.legend-swatch').evaluate((e) => getComputedStyle(e).backgroundColor);
    const hex = appColor(id);
    const rgb = [1, 3, 5].map((i) => parseInt(hex.slice(i, i + 2), 16)).join(', ');
    expect(swatch).toBe(`rgb(${rgb})`);
  }
  await expect(page.getByTestId('legend')).toContainText('An action you applied');
  await page.screenshot({ path: `${SHOTS}/header-legend.png` });
  await page.keyboard.press('Escape');
  await expect(page.getByTestId('legend')).toBeHidden();
});
