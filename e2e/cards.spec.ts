// Every phase watchable and every card telling one truth, in real Chromium against the production
// build: the supervise back-off counts down on the driver's card, the client-mode task phase plays
// for seconds at 1× with each executor counting its tasks, a killed executor's badge and exit code
// agree, a killed driver reads KILLED before it leaves, and failed executor launches are drawn.
import { expect, type Page, test } from '@playwright/test';
import { chooseScenario } from './scenario-picker';
import { settledClock } from './clock';

const SHOTS = 'e2e-artifacts';
const FINAL = ['KILLED', 'FAILED', 'LOST', 'EXITED', 'FINISHED', 'ERROR', 'DECOMMISSIONED', 'RELAUNCHING'];

async function open(page: Page, scenario: string) {
  await page.goto('/');
  await chooseScenario(page, scenario);
  await expect(page.getByTestId('sim-clock')).toHaveText('0:00:00.000');
}

/** Every card on the page whose exit code shows wears a final badge and is struck through. */
async function expectCardsAgree(page: Page) {
  const cards = await page.locator('.pcard').evaluateAll((els) =>
    els.map((el) => ({
      id: el.getAttribute('data-testid'),
      state: el.getAttribute('data-state'),
      badge: el.querySelector('[data-testid="proc-badge"]')?.textContent ?? '',
      exit: el.querySelector('[data-testid="proc-exit"]')?.textContent ?? null,
      ended: el.getAttribute('data-ended') === 'true',
    })),
  );
  for (const c of cards) {
    expect(c.badge, `${c.id}`).toBe(c.state);
    if (c.exit !== null) {
      expect(FINAL, `${c.id}: ${c.exit} under ${c.badge}`).toContain(c.badge);
      expect(c.ended, `${c.id}`).toBe(true);
    }
  }
}

test('the supervise back-off counts down on the driver card with its restart count', async ({ page }) => {
  test.setTimeout(120_000);
  await open(page, 'driver-supervise-crash-loop');
  await page.getByRole('button', { name: 'Play' }).click();
  const note = page.getByTestId('relaunch-note');
  // The fourth restart's back-off is 8 s, paced to about 4 s of wall time: long enough to read twice.
  await expect(note).toHaveText(/^relaunching in \d+ s · restart 4 · last exit 1$/, { timeout: 90_000 });
  const first = Number(/in (\d+) s/.exec((await note.textContent()) ?? '')?.[1]);
  await expect(page.getByTestId('sim-rate')).toHaveAttribute('data-reason', 'countdown');
  await expect(page.getByTestId('sim-rate')).toHaveText(/^back-off · /);
  await expect
    .poll(async () => Number(/in (\d+) s/.exec((await note.textContent()) ?? '')?.[1] ?? first), { timeout: 10_000 })
    .toBeLessThan(first);
  await expect(page.locator('[data-testid^="proc-driver-"]')).toHaveAttribute('data-state', 'RELAUNCHING');
  await page.screenshot({ path: `${SHOTS}/cards-backoff.png` });
});

test('at 1× the client-mode task phase takes seconds and each executor counts its tasks', async ({ page }) => {
  test.setTimeout(120_000);
  await open(page, 'client-mode');
  await page.getByRole('button', { name: 'Play' }).click();
  const rate = page.getByTestId('sim-rate');
  await page.waitForFunction(
    () => document.querySelector('[data-testid="sim-rate"]')?.getAttribute('data-reason') === 'tasks',
    null,
    { polling: 'raf', timeout: 60_000 },
  );
  const start = Date.now();
  await expect(rate).toHaveText(/^\d+ tasks · real time$/);
  const executors = page.locator('[data-testid^="proc-app-"][data-kind="executor"][data-state="RUNNING"]');
  await expect(executors).toHaveCount(2);
  for (const details of await executors.getByTestId('proc-details').all()) {
    await expect(details).toHaveText(/^[1-8] tasks? · 8 cores · /);
  }
  await expect(executors.getByTestId('proc-label').first()).toHaveText(/^\d{4}·exec \d$/);
  await page.screenshot({ path: `${SHOTS}/cards-tasks.png` });
  // The phase ends when the tasks do: 200 tasks × 800 ms, 16 at a time, is about 10 s at 1×.
  await page.waitForFunction(
    () => document.querySelector('[data-testid="sim-rate"]')?.getAttribute('data-reason') !== 'tasks',
    null,
    { polling: 'raf', timeout: 60_000 },
  );
  const wall = Date.now() - start;
  expect(wall).toBeGreaterThan(5_000);
});

test('a killed executor reads the same in its badge and its exit code', async ({ page }) => {
  await open(page, 'client-mode');
  await page.getByTestId('speed').selectOption('10');
  await page.getByRole('button', { name: 'Play' }).click();
  const running = page.locator('[data-testid^="proc-app-"][data-kind="executor"][data-state="RUNNING"]');
  await expect(running).toHaveCount(2, { timeout: 60_000 });
  await page.getByRole('button', { name: 'Pause' }).click();
  await settledClock(page);
  const victim = running.first();
  const id = (await victim.getAttribute('data-testid')) ?? '';
  await victim.click({ button: 'right' });
  await page.getByTestId('menu-kill-executor').click();
  // Still paused: the JVM is gone and the Worker has not heard yet; the card says EXITED 137.
  const card = page.getByTestId(id);
  await expect(card).toHaveAttribute('data-state', 'EXITED');
  await expect(card.getByTestId('proc-badge')).toHaveText('EXITED');
  await expect(card.getByTestId('proc-exit')).toHaveText(/^exit 137/);
  await expect(card).toHaveAttribute('data-ended', 'true');
  await expectCardsAgree(page);
  // The grid and the count agree: the worker's usage line counts the cores its grid shows held.
  const worker = page.locator('[data-testid^="node-w"]', { has: card });
  const held = await worker.locator('.core[data-app^="app-"]').count();
  await expect(worker.locator('.cn-usage')).toHaveText(new RegExp(`^${held}/\\d+ cores`));
  await page.screenshot({ path: `${SHOTS}/cards-killed-executor.png` });
  // Played on, every card keeps agreeing with itself.
  await page.getByTestId('speed').selectOption('1');
  await page.getByRole('button', { name: 'Play' }).click();
  for (let i = 0; i < 10; i++) {
    await page.waitForTimeout(200);
    await expectCardsAgree(page);
  }
});

test('a killed driver shows KILLED before it leaves', async ({ page }) => {
  await open(page, 'cluster-mode');
  await page.getByTestId('speed').selectOption('10');
  await page.getByRole('button', { name: 'Play' }).click();
  const driver = page.locator('[data-testid^="proc-driver-"][data-state="RUNNING"]');
  await expect(driver).toHaveCount(1, { timeout: 60_000 });
  await page.getByRole('button', { name: 'Pause' }).click();
  await settledClock(page);
  const id = (await driver.getAttribute('data-testid')) ?? '';
  await driver.click({ button: 'right' });
  await page.getByTestId('menu-kill-driver').click();
  await page.getByTestId('speed').selectOption('1');
  await page.getByRole('button', { name: 'Play' }).click();
  await page.waitForFunction(
    (tid) => document.querySelector(`[data-testid="${tid}"]`)?.getAttribute('data-state') === 'KILLED',
    id,
    { polling: 'raf', timeout: 30_000 },
  );
  await expect(page.getByTestId(id).getByTestId('proc-badge')).toHaveText('KILLED');
  await page.screenshot({ path: `${SHOTS}/cards-killed-driver.png` });
  await expectCardsAgree(page);
  // Then it leaves.
  await expect(page.getByTestId(id)).toHaveCount(0, { timeout: 30_000 });
});

/** Cards that overlap another card or stick out of their worker's box, as "card: why" lines. */
async function misplacedCards(page: Page): Promise<string[]> {
  return page.locator('[data-testid^="node-w"]').evaluateAll((nodes) => {
    const out: string[] = [];
    for (const node of nodes) {
      const box = node.getBoundingClientRect();
      const cards = [...node.querySelectorAll('.pcard')].map((el) => ({
        id: el.getAttribute('data-testid') ?? '',
        r: el.getBoundingClientRect(),
      }));
      for (const [i, a] of cards.entries()) {
        if (
          a.r.left < box.left - 1 ||
          a.r.right > box.right + 1 ||
          a.r.top < box.top - 1 ||
          a.r.bottom > box.bottom + 1
        )
          out.push(`${a.id}: outside ${node.getAttribute('data-testid')}`);
        for (const b of cards.slice(i + 1)) {
          const x = Math.min(a.r.right, b.r.right) - Math.max(a.r.left, b.r.left);
          const y = Math.min(a.r.bottom, b.r.bottom) - Math.max(a.r.top, b.r.top);
          if (x > 1 && y > 1) out.push(`${a.id}: over ${b.id}`);
        }
      }
    }
    return out;
  });
}

test('executors whose launch fails appear on their workers as their ids climb', async ({ page }) => {
  await open(page, 'executor-launch-failure');
  await page.getByRole('button', { name: 'Play' }).click();
  const ids = new Set<string>();
  const misplaced = new Set<string>();
  const deadline = Date.now() + 30_000;
  while (ids.size < 6 && Date.now() < deadline) {
    // Cards come and go here every half second: none ever overlaps another or leaves its worker.
    for (const m of await misplacedCards(page)) misplaced.add(m);
    for (const tid of await page
      .locator('[data-testid^="node-w"] [data-testid^="proc-app-"][data-kind="executor"]')
      .evaluateAll((els) => els.map((el) => el.getAttribute('data-testid') ?? ''))) {
      ids.add(tid);
    }
    await page.waitForTimeout(100);
  }
  expect(ids.size).toBeGreaterThanOrEqual(6);
  expect([...misplaced]).toEqual([]);
  await expect(page.locator('[data-testid^="proc-app-"][data-state="FAILED"]').first()).toBeVisible();
  await page.screenshot({ path: `${SHOTS}/cards-launch-failure.png` });
  await expectCardsAgree(page);
});
