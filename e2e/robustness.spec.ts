// The page under hostile or heavy input, in real Chromium: a link a simulated week away opens
// with progress and can be stopped; a file the engine refuses, or one nested too deep to hand to
// the worker, leaves the session as it was and says why; a link's own description is shown, never
// the text of a built-in it merely claims to be. Screenshots go where E2E_SHOTS says (not the repo).
import { expect, type Page, test } from '@playwright/test';
import { ENGINE_VERSION } from '../src/engine/public';
import { readFileSync } from 'node:fs';
import { encodeSession, SESSION_FORMAT } from '../src/share/codec';
import type { Session } from '../src/share/session-types';
import { simMs } from './clock';
import { chooseScenario, expectScenario } from './scenario-picker';

const SHOTS = process.env.E2E_SHOTS ?? 'test-results/robustness';
const WEEK_MS = 7 * 24 * 60 * 60 * 1000;
const SIZES = [
  { name: 'desktop', width: 1280, height: 720 },
  { name: 'tablet', width: 820, height: 1180 },
] as const;

/** A built-in scenario's document, as the library ships it. */
function builtinDoc(id: string): unknown {
  return JSON.parse(readFileSync(new URL(`../src/scenarios/${id}.json`, import.meta.url), 'utf8')) as unknown;
}

async function linkTo(session: Omit<Session, 'format' | 'engine'>): Promise<string> {
  return `/#${await encodeSession({ format: SESSION_FORMAT, engine: ENGINE_VERSION, ...session })}`;
}

async function importFile(page: Page, name: string, text: string | Buffer): Promise<void> {
  await page.getByTestId('header-menu').click();
  await page.getByTestId('open-import').click();
  await expect(page.getByTestId('import-dialog')).toBeVisible();
  const buffer = typeof text === 'string' ? Buffer.from(text) : text;
  await page.getByTestId('import-file').setInputFiles({ name, mimeType: 'application/json', buffer });
}

for (const size of SIZES) {
  test(`a link a week away opens with progress and Cancel stops it there (${size.name})`, async ({ page }) => {
    await page.setViewportSize({ width: size.width, height: size.height });
    const link = await linkTo({ scenario: builtinDoc('client-mode'), playhead: WEEK_MS, builtin: 'client-mode' });
    await page.goto(link);
    const progress = page.getByTestId('replay-progress');
    await expect(progress).toBeVisible();
    const shownAt = await page.evaluate(() => performance.now());
    await expect(progress).toContainText('Opening the session');
    // The page answers while the engine replays: the progress moves, and Cancel is there.
    const reached = () => progress.getByTestId('replay-progress-reached').textContent();
    const first = await reached();
    await expect.poll(reached).not.toBe(first);
    await page.screenshot({ path: `${SHOTS}/progress-${size.name}.png` });

    await page.getByTestId('replay-cancel').click();
    await expect(progress).toBeHidden();
    const at = await simMs(page);
    expect(at).toBeGreaterThan(0);
    expect(at).toBeLessThan(WEEK_MS);
    // The session opened where the replay stopped: its machines are drawn, nothing failed.
    await expect(page.getByTestId('node-w1')).toBeVisible();
    await expect(page.getByTestId('engine-status')).toHaveCount(0);
    await expect(page.getByTestId('scenario-explanation')).toBeVisible();
    await page.screenshot({ path: `${SHOTS}/cancelled-${size.name}.png` });
    test
      .info()
      .annotations.push({ type: 'progress shown (ms after navigation)', description: String(Math.round(shownAt)) });
  });
}

test('picking a built-in while a week-long link opens interrupts it at once', async ({ page }) => {
  await page.goto(await linkTo({ scenario: builtinDoc('client-mode'), playhead: WEEK_MS, builtin: 'client-mode' }));
  await expect(page.getByTestId('replay-progress')).toBeVisible();
  const picked = await page.evaluate(() => performance.now());
  await chooseScenario(page, 'spread-out');
  await expect(page.getByTestId('node-w4')).toBeVisible();
  const shown = await page.evaluate(() => performance.now());
  await expect(page.getByTestId('replay-progress')).toBeHidden();
  expect(await simMs(page)).toBe(0);
  await expectScenario(page, 'spread-out');
  // The engine answers between slices: the pick does not wait for the week to replay.
  expect(shown - picked).toBeLessThan(5000);
});

test('a link a week away opens all the way, and says how long it took', async ({ page }) => {
  // A simulated week is seconds of replay on a quiet machine, far more on a busy one.
  test.slow();
  const link = await linkTo({ scenario: builtinDoc('client-mode'), playhead: WEEK_MS, builtin: 'client-mode' });
  await page.goto(link);
  await expect(page.getByTestId('replay-progress')).toBeVisible();
  const shownAt = await page.evaluate(() => performance.now());
  await expect.poll(() => simMs(page), { timeout: 240_000 }).toBe(WEEK_MS);
  const openedAt = await page.evaluate(() => performance.now());
  await expect(page.getByTestId('replay-progress')).toBeHidden();
  const took = `progress after ${Math.round(shownAt)} ms, opened after ${Math.round(openedAt)} ms`;
  test.info().annotations.push({ type: 'week-long link', description: took });
  console.log(`week-long link: ${took}`);
});

test('a file the engine refuses keeps the session and says why in the dialog', async ({ page }) => {
  await page.goto('/');
  await chooseScenario(page, 'spread-out');
  await expect(page.getByTestId('node-w4')).toBeVisible();
  const doc = {
    version: 1,
    name: 'probe',
    conf: { 'spark.deploy.defaultCores': '0' },
    workers: [{ host: 'w1', cores: 4, memory: '8g' }],
  };
  await importFile(page, 'probe.json', JSON.stringify(doc));
  const error = page.getByTestId('import-error');
  await expect(error).toContainText('spark.deploy.defaultCores');
  await expect(error).toContainText('Your session is unchanged');
  await expect(page.getByTestId('notice').filter({ hasText: 'Opened' })).toHaveCount(0);
  await page.getByTestId('import-dialog').getByText('Close', { exact: true }).click();
  await expectScenario(page, 'spread-out');
  await expect(page.getByTestId('node-w4')).toBeVisible();
  await expect(page.getByTestId('engine-status')).toHaveCount(0);
});

test('a file saved as UTF-16 with a byte order mark opens, as it does in the runner', async ({ page }) => {
  await page.goto('/');
  await expect(page.getByTestId('node-w1')).toBeVisible();
  const doc = { version: 1, name: 'Saved by Notepad', workers: [{ host: 'wide1', cores: 2, memory: '4g' }] };
  const utf16 = Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(JSON.stringify(doc), 'utf16le')]);
  await importFile(page, 'notepad.json', utf16);
  await expect(page.getByTestId('node-wide1')).toBeVisible();
  await expect(page.getByTestId('scenario-select')).toContainText('Saved by Notepad');
});

test('a file nested 100,000 deep is refused with a sentence', async ({ page }) => {
  await page.goto('/');
  await expect(page.getByTestId('node-w1')).toBeVisible();
  const depth = 100_000;
  await importFile(page, 'deep.json', `{"version":1,"x":${'['.repeat(depth)}${']'.repeat(depth)}}`);
  await expect(page.getByTestId('import-error')).toContainText(/nest/);
  await expect(page.getByTestId('import-error')).toContainText('Your session is unchanged');
  await expect(page.getByTestId('engine-status')).toHaveCount(0);
  await expect(page.getByTestId('node-w1')).toBeVisible();
});

test('a link shows its own name and description, not the built-in it claims', async ({ page }) => {
  const description = 'Three **small** workers and `one` app.\n\n- w1 is the odd one\n- <b>not bold</b>';
  const scenario = {
    version: 1,
    name: 'My own cluster',
    description,
    workers: ['w1', 'w2', 'w3'].map((host) => ({ host, cores: 2, memory: '4g' })),
  };
  for (const size of SIZES) {
    await page.setViewportSize({ width: size.width, height: size.height });
    await page.goto('about:blank');
    await page.goto(await linkTo({ scenario, playhead: 0, builtin: 'cluster-mode' }));
    const shown = page.getByTestId('scenario-description');
    await expect(shown).toBeVisible();
    await expect(shown).toContainText('My own cluster');
    await expect(shown.locator('strong', { hasText: 'small' })).toBeVisible();
    await expect(shown.locator('code', { hasText: 'one' })).toBeVisible();
    await expect(shown.locator('li')).toHaveCount(2);
    // Text, never HTML.
    await expect(shown).toContainText('<b>not bold</b>');
    await expect(page.getByTestId('scenario-explanation')).toHaveCount(0);
    // The picker names the scenario on screen rather than showing a built-in as loaded.
    await expect(page.getByTestId('scenario-select')).toContainText('My own cluster');
    await page.screenshot({ path: `${SHOTS}/description-${size.name}.png` });
  }
});
