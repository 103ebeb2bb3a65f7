// The sessions kept in the browser (docs/sessions.md), in real Chromium: links opened one after
// another never cost the user's own session, two tabs keep one session each, a full storage still
// restores what it holds, an unreadable saved session is kept under a backup key and reported, a
// link that cannot be opened offers the way back, and Share refuses a link the page would refuse.
import { readFileSync } from 'node:fs';
import { deflateRawSync } from 'node:zlib';
import { expect, type Page, test } from '@playwright/test';
import { playUntil, simMs } from './clock';
import { chooseScenario, expectScenario } from './scenario-picker';

const SHOTS = process.env.SESSION_SHOTS;

/** A share link to `scenario` at `playhead`, as the page's codec writes one (deflate-raw, base64url). */
function linkOf(scenario: object, playhead = 0): string {
  const session = { format: 1, engine: 1, scenario, playhead, view: { tab: 'inspector' } };
  return `/#s=1.d.${deflateRawSync(Buffer.from(JSON.stringify(session))).toString('base64url')}`;
}

const builtin = (id: string): Record<string, unknown> =>
  JSON.parse(readFileSync(new URL(`../src/scenarios/${id}.json`, import.meta.url), 'utf8')) as Record<string, unknown>;

/** The session this tab saves to, as stored: the tab's id is in sessionStorage, the entry in localStorage. */
const tabEntry = (page: Page) =>
  page.evaluate(() => {
    const tab = JSON.parse(sessionStorage.getItem('spark-playground.tab') ?? '{}') as { current?: string };
    const text = localStorage.getItem(`spark-playground.entry.${tab.current ?? ''}`);
    return text === null
      ? null
      : (JSON.parse(text) as { name: string; fromLink: boolean; session: { playhead: number; scenario: unknown } });
  });

const recentNames = (page: Page) =>
  page.evaluate(() => {
    const index = JSON.parse(localStorage.getItem('spark-playground.sessions') ?? '{"recent":[]}') as {
      recent: { name: string; fromLink: boolean }[];
    };
    return index.recent.map((e) => `${e.name}${e.fromLink ? ' (link)' : ''}`);
  });

/** Spread out, played to a time and saved: the user's own session. */
async function ownSession(page: Page): Promise<number> {
  await page.goto('/');
  await chooseScenario(page, 'spread-out');
  await expect(page.getByTestId('node-w4')).toBeVisible();
  await page.getByTestId('speed').selectOption('1');
  const time = await playUntil(page, 1);
  await expect.poll(async () => (await tabEntry(page))?.session.playhead).toBe(time);
  return time;
}

const SPREAD_OUT = 'Spread out (spark.deploy.spreadOut=true)';

test.beforeEach(async ({ page }) => {
  await page.setViewportSize({ width: 1280, height: 720 });
});

test("links opened one after another never cost the user's own session (row 8)", async ({ page }) => {
  const time = await ownSession(page);
  const own = await tabEntry(page);

  // Link 1 in the same tab (only the hash changes), played on; then link 2.
  await page.goto(linkOf({ ...builtin('cluster-mode'), name: 'Link one' }, 200));
  await expect(page.getByTestId('session-banner')).toContainText('Opened a shared session');
  await playUntil(page, 600);
  await expect.poll(async () => (await tabEntry(page))?.name).toBe('Link one');
  await page.goto(linkOf({ ...builtin('client-mode'), name: 'Link two' }, 100));
  await expect(page.getByTestId('session-banner')).toContainText('Opened a shared session');
  await expect.poll(() => recentNames(page)).toEqual(['Link two (link)', 'Link one (link)', SPREAD_OUT]);

  // The Recent sessions menu lists all three; the banner's button brings the own session back.
  await page.getByTestId('recent-sessions').click();
  await expect(page.getByTestId('recent-item')).toHaveCount(3);
  if (SHOTS) await page.screenshot({ path: `${SHOTS}/recent-sessions.png` });
  await page.keyboard.press('Escape');
  await page.getByTestId('restore-previous').click();
  await expectScenario(page, 'spread-out');
  await expect.poll(() => simMs(page)).toBe(time);
  expect((await tabEntry(page))?.session).toEqual(own?.session);

  // By reload too: a fresh load of link 1 keeps the own session, and the menu restores link 2.
  await page.goto('about:blank');
  await page.goto(linkOf({ ...builtin('cluster-mode'), name: 'Link one' }, 200));
  await expect(page.getByTestId('session-banner')).toContainText('Opened a shared session');
  await page.getByTestId('recent-sessions').click();
  await page.getByTestId('recent-item').filter({ hasText: SPREAD_OUT }).click();
  await expectScenario(page, 'spread-out');
  await expect.poll(() => simMs(page)).toBe(time);
});

test('picking another scenario after applying an action keeps that work in Recent', async ({ page }) => {
  await page.goto('/');
  await chooseScenario(page, 'cluster-mode');
  await expect(page.getByTestId('node-w3')).toBeVisible();
  await page.getByTestId('node-w2').click({ button: 'right' });
  await page.getByTestId('menu-kill-worker').click();
  await expect(page.getByTestId('node-w2')).toHaveAttribute('data-process', 'stopped');
  const killed = (e: Awaited<ReturnType<typeof tabEntry>>) =>
    JSON.stringify(e?.session.scenario ?? '').includes('"kill-worker"');
  await expect.poll(async () => killed(await tabEntry(page))).toBe(true);
  const worked = (await tabEntry(page))?.name ?? '';

  await chooseScenario(page, 'spread-out');
  await expect(page.getByTestId('node-w4')).toBeVisible();
  await expect.poll(async () => (await tabEntry(page))?.name).toBe(SPREAD_OUT);
  await expect.poll(() => recentNames(page)).toEqual([SPREAD_OUT, worked]);
  // The worked-on session opens again from the menu, with its kill-worker.
  await page.getByTestId('recent-sessions').click();
  await page.getByTestId('recent-item').filter({ hasText: worked }).click();
  await expectScenario(page, 'cluster-mode');
  await expect(page.getByTestId('node-w2')).toHaveAttribute('data-process', 'stopped');
});

test('two tabs keep a session each (row 9)', async ({ context }) => {
  const a = await context.newPage();
  const timeA = await ownSession(a);
  // A new tab opens the newest saved session as a copy, under its own id.
  const b = await context.newPage();
  await b.bringToFront();
  await b.goto('/');
  await expectScenario(b, 'spread-out');
  await chooseScenario(b, 'cluster-mode');
  await expect(b.getByTestId('node-w3')).toBeVisible();
  await b.getByTestId('node-w2').click({ button: 'right' });
  await b.getByTestId('menu-kill-worker').click();
  await expect(b.getByTestId('node-w2')).toHaveAttribute('data-process', 'stopped');
  const killed = (e: Awaited<ReturnType<typeof tabEntry>>) =>
    JSON.stringify(e?.session.scenario ?? '').includes('"kill-worker"');
  await expect.poll(async () => killed(await tabEntry(b))).toBe(true);

  // Then A plays: its saves go to its own entry, B's recorded kill-worker stays.
  await a.bringToFront();
  const later = await playUntil(a, timeA + 500);
  await expect.poll(async () => (await tabEntry(a))?.session.playhead).toBe(later);
  expect(killed(await tabEntry(b))).toBe(true);
  expect(await a.getByTestId('session-banner').count()).toBe(0);
  // A page in the background gets no animation frames: bring each to the front before using it.
  await b.bringToFront();
  await b.reload();
  await expectScenario(b, 'cluster-mode');
  await expect(b.getByTestId('node-w2')).toHaveAttribute('data-process', 'stopped');
  await a.bringToFront();
  await a.reload();
  await expectScenario(a, 'spread-out');
  await expect.poll(() => simMs(a)).toBe(later);
});

test('a duplicated tab (same sessionStorage) saving the same entry: the other moves aside and says so (row 9)', async ({
  context,
}) => {
  const a = await context.newPage();
  await ownSession(a);
  const record = await a.evaluate(() => sessionStorage.getItem('spark-playground.tab') ?? '');
  const first = (JSON.parse(record) as { id: string }).id;
  // The browser's "Duplicate tab" copies sessionStorage: the copy has the same tab id.
  const b = await context.newPage();
  await b.addInitScript((r) => {
    if (!sessionStorage.getItem('spark-playground.tab')) sessionStorage.setItem('spark-playground.tab', r);
  }, record);
  await b.bringToFront();
  await b.goto('/');
  await expectScenario(b, 'spread-out');
  await chooseScenario(b, 'cluster-mode');
  await expect.poll(async () => (await tabEntry(b))?.name).toMatch(/^Cluster mode/);

  await a.bringToFront();
  await expect(a.getByTestId('session-banner')).toContainText('Another tab has just saved this same session');
  await expect(a.getByTestId('conflict-replace')).toBeVisible();
  // A keeps its own work under an entry of its own; B's entry is B's.
  const moved = await a.evaluate(
    () => JSON.parse(sessionStorage.getItem('spark-playground.tab') ?? '{}') as { id: string },
  );
  expect(moved.id).not.toBe(first);
  await expect.poll(async () => (await tabEntry(a))?.name).toBe(SPREAD_OUT);
  expect((await tabEntry(b))?.name).toMatch(/^Cluster mode/);
});

test('with storage full the saved session is still restored, and saving resumes once there is room (row 10)', async ({
  page,
}) => {
  const time = await ownSession(page);
  await page.evaluate(() => {
    let i = 0;
    for (let size = 1 << 20; size >= 8;) {
      try {
        localStorage.setItem(`filler-${i++}`, 'x'.repeat(size));
      } catch {
        size >>= 1;
      }
    }
  });
  await page.reload();
  const banner = page.getByTestId('session-banner');
  await expect(banner).toContainText("This browser's storage is full, so saving has stopped");
  await expectScenario(page, 'spread-out');
  await expect.poll(() => simMs(page)).toBe(time);
  if (SHOTS) await page.screenshot({ path: `${SHOTS}/storage-full.png` });

  // Room again: the next change is saved, and the page says so.
  await page.evaluate(() => {
    for (const key of Object.keys(localStorage)) if (key.startsWith('filler-')) localStorage.removeItem(key);
  });
  const later = await playUntil(page, time + 300);
  await expect(page.getByTestId('notice').filter({ hasText: 'Saving works again' })).toBeVisible();
  await expect.poll(async () => (await tabEntry(page))?.session.playhead).toBe(later);
});

test('an unreadable saved session is kept under a backup key and reported (row 11)', async ({ page }) => {
  for (const [text, problem] of [
    ['{', 'it is not valid JSON'],
    [JSON.stringify({ format: 2, engine: 1, scenario: {}, playhead: 0 }), 'newer version of the playground'],
  ] as const) {
    await page.goto('/');
    await expect(page.getByTestId('node-w1')).toBeVisible();
    await page.evaluate((t) => {
      localStorage.clear();
      sessionStorage.clear();
      localStorage.setItem('spark-playground.session', t);
    }, text);
    await page.reload();
    const banner = page.getByTestId('session-banner');
    await expect(banner).toContainText('A saved session could not be read');
    await expect(banner).toContainText(problem);
    await expect(banner).toContainText('spark-playground.unreadable-session');
    // The first change is saved elsewhere: the backup is still there, with the text as it was.
    await chooseScenario(page, 'spread-out');
    await expect.poll(async () => (await tabEntry(page))?.name).toBe(SPREAD_OUT);
    const kept = await page.evaluate(() => localStorage.getItem('spark-playground.unreadable-session'));
    expect(JSON.parse(kept ?? '{}')).toMatchObject({ from: 'spark-playground.session', text });
  }
});

test('a link that cannot be opened offers the way back to the own session (row 17)', async ({ page }) => {
  const time = await ownSession(page);
  const badHost = linkOf({ version: 1, workers: [{ host: 'bad host!', cores: 1, memory: '1g' }] });
  const version99 = linkOf({ ...builtin('client-mode'), version: 99 });

  // Pasted into the open page: the session on screen stays.
  await page.goto(badHost);
  const banner = page.getByTestId('session-banner');
  await expect(banner).toContainText("This link's session could not be opened");
  await expect(banner).toContainText('Your session is unchanged');
  await expectScenario(page, 'spread-out');
  await expect.poll(() => simMs(page)).toBe(time);

  // Showing another link, a bad one offers "Back to my own session".
  await page.goto(linkOf({ ...builtin('cluster-mode'), name: 'Link one' }, 200));
  await expect(banner).toContainText('Opened a shared session');
  await page.goto(version99);
  await expect(banner).toContainText("This link's session could not be opened");
  await expect(page.getByTestId('restore-previous')).toBeVisible();
  if (SHOTS) await page.screenshot({ path: `${SHOTS}/bad-link-way-back.png` });
  await page.getByTestId('restore-previous').click();
  await expectScenario(page, 'spread-out');
  await expect.poll(() => simMs(page)).toBe(time);

  // A fresh load of a bad link restores the own session.
  await page.goto('about:blank');
  await page.goto(badHost);
  await expect(banner).toContainText('Your own last session was restored instead');
  await expectScenario(page, 'spread-out');
  await expect.poll(() => simMs(page)).toBe(time);
});

test('Share refuses a link longer than the page accepts and offers Export (row 13)', async ({ page }) => {
  await page.goto('/');
  await expect(page.getByTestId('node-w1')).toBeVisible();
  // 25,000 actions far in the future: a scenario that opens at once but whose link would be too long.
  const actions = Array.from({ length: 25_000 }, (_, i) => ({
    at: 3_600_000 + i * 997,
    type: i % 2 === 0 ? 'kill-worker' : 'restart-worker',
    target: `w${(i % 3) + 1}`,
  }));
  const scenario = { ...builtin('cluster-mode'), name: 'Many actions', actions };
  await page.getByTestId('header-menu').click();
  await page.getByTestId('open-import').click();
  await page.getByTestId('import-file').setInputFiles({
    name: 'many-actions.json',
    mimeType: 'application/json',
    buffer: Buffer.from(JSON.stringify(scenario)),
  });
  await expect(page.getByTestId('import-dialog')).toBeHidden();
  await expect(page.getByTestId('node-w3')).toBeVisible();
  const before = page.url();
  await page.getByTestId('share').click();
  const refused = page.getByTestId('share-refused');
  await expect(refused).toContainText('longer than the 65,536 a link may have, so no link was made');
  expect(page.url()).toBe(before);
  if (SHOTS) await page.screenshot({ path: `${SHOTS}/share-refused.png` });
  await page.getByTestId('share-export').click();
  await expect(page.getByTestId('export-dialog')).toBeVisible();
});

test('a reload mid-play, without pausing, comes back to the same scenario at most one autosave wait behind', async ({
  page,
}) => {
  await page.goto('/');
  await chooseScenario(page, 'worker-power-off');
  await expect(page.getByTestId('node-w3')).toBeVisible();
  await page.getByTestId('speed').selectOption('5');
  await page.getByRole('button', { name: 'Play' }).click();
  // The clock, sampled every 100 ms of wall time while it runs: what "a few seconds behind" is at
  // the rate time actually ran (5×, and 20× faster again in quiet spells).
  const samples: { wall: number; ms: number }[] = [];
  const start = Date.now();
  while (Date.now() - start < 7_000) {
    samples.push({ wall: Date.now(), ms: await simMs(page) });
    await page.waitForTimeout(100);
  }
  const before = await simMs(page);
  expect(before).toBeGreaterThan(10_000);
  const reloadAt = Date.now();
  await page.reload();
  await expectScenario(page, 'worker-power-off');
  await expect(page.getByTestId('node-w3')).toBeVisible();
  await expect(page.getByRole('button', { name: 'Play' })).toBeVisible();
  const restored = await simMs(page);
  // The bound the timers give: never before where the clock stood one autosave wait
  // (AUTOSAVE_MAX_WAIT_MS, 5 s of wall time) before the reload.
  const floor = samples.filter((s) => s.wall <= reloadAt - 5_000).at(-1)?.ms ?? 0;
  expect(floor).toBeGreaterThan(0);
  expect(restored).toBeGreaterThanOrEqual(floor);
  // And what the page does: the page being left writes the playhead on screen at once (pagehide),
  // so the session comes back where the user last saw it, or the few frames after.
  expect(restored).toBeGreaterThanOrEqual(before);
  expect(restored - before).toBeLessThan(10_000);
});
