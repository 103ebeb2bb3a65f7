// The playground as a user drives it, in real Chromium against the production build: submit a
// cluster-mode app by pasting a spark-submit line, kill the worker that runs its driver from the
// context menu, drag a new worker in, seek back on the timeline. Screenshots of each state are
// saved under e2e-artifacts/. Plus an accessibility check (axe-core) of the main page.
import { createRequire } from 'node:module';
import { expect, type Locator, type Page, test } from '@playwright/test';
import { settledClock, simMs } from './clock';
import { chooseScenario } from './scenario-picker';

const SHOTS = 'e2e-artifacts';
const LINE =
  'spark-submit --master spark://master:7077 --deploy-mode cluster --supervise --executor-cores 2 --executor-memory 1g ' +
  '--class org.apache.spark.examples.SparkPi /opt/spark/examples/jars/spark-examples_2.13-4.0.0.jar 1000';

function watchProblems(page: Page): string[] {
  const problems: string[] = [];
  page.on('pageerror', (e) => problems.push(`page error: ${e.message}`));
  page.on('console', (m) => {
    if (m.type() === 'error') problems.push(`console error: ${m.text()}`);
  });
  return problems;
}

async function openSandbox(page: Page) {
  await page.goto('/');
  await chooseScenario(page, 'sandbox');
  await expect(page.getByTestId('node-w3')).toBeVisible();
  await expect(page.getByTestId('sim-clock')).toHaveText('0:00:00.000');
}

/** The worker node holding a running driver card. */
const driverWorker = (page: Page): Locator =>
  page.locator('[data-testid^="node-w"]', { has: page.locator('[data-testid^="proc-driver-"][data-state="RUNNING"]') });

test('submit, kill the driver’s worker, drag a worker in, seek back', async ({ page }) => {
  test.setTimeout(150_000);
  const problems = watchProblems(page);
  await openSandbox(page);

  // --- Submit by pasting a spark-submit line: the form follows the line.
  await page.getByTestId('open-submit').click();
  const dialog = page.getByTestId('submit-dialog');
  await expect(dialog).toBeVisible();
  await page.getByTestId('submit-line').fill(LINE);
  await expect(page.getByTestId('submit-deploy-mode')).toHaveValue('cluster');
  await expect(page.getByTestId('submit-executor-cores')).toHaveValue('2');
  await expect(page.getByTestId('submit-supervise')).toBeChecked();
  await page.getByTestId('submit-tasks').fill('100000');
  await page.getByTestId('submit-task-ms').fill('2000');
  await page.getByTestId('submit-button').click();
  await expect(dialog).toBeHidden();

  await page.getByTestId('speed').selectOption('20');
  await page.getByRole('button', { name: 'Play' }).click();

  // The driver lands on a worker, then executors on every worker, each holding 2 cores.
  await expect(driverWorker(page)).toHaveCount(1, { timeout: 60_000 });
  await expect(page.locator('[data-testid^="proc-app-"][data-kind="executor"][data-state="RUNNING"]')).toHaveCount(5, {
    timeout: 60_000,
  });
  const held = await page.locator('.core[data-app^="app-"]').count();
  expect(held).toBeGreaterThanOrEqual(10);
  await page.getByRole('button', { name: 'Pause' }).click();
  await page.screenshot({ path: `${SHOTS}/1-submitted.png` });
  const beforeKill = await simMs(page);

  // --- Kill the worker that runs the driver, from its context menu.
  const victim = driverWorker(page);
  const victimId = (await victim.getAttribute('data-testid'))?.replace('node-', '') ?? '';
  const oldDriver =
    (await victim.locator('[data-testid^="proc-driver-"]').first().getAttribute('data-testid'))?.replace('proc-', '') ??
    '';
  expect(victimId).toMatch(/^w\d$/);
  await victim.click({ button: 'right' });
  await expect(page.getByTestId('context-menu')).toBeVisible();
  await page.getByTestId('menu-kill-worker').click();
  await expect(page.getByTestId(`node-${victimId}`)).toHaveAttribute('data-process', 'stopped');

  await page.getByTestId('speed').selectOption('1');
  await page.getByRole('button', { name: 'Play' }).click();
  // Its executor is LOST (the card stays a few seconds), and the supervised driver is relaunched
  // on another worker under a new id.
  await expect(page.getByTestId(`node-${victimId}`).locator('[data-kind="executor"][data-state="LOST"]')).toHaveCount(
    1,
    { timeout: 20_000 },
  );
  await page.getByTestId('speed').selectOption('20');
  await expect(
    page.locator(
      `[data-testid^="node-w"]:not([data-testid="node-${victimId}"]) [data-testid^="proc-driver-"][data-state="RUNNING"]`,
    ),
  ).toHaveCount(1, {
    timeout: 60_000,
  });
  await expect(page.getByTestId(`proc-${oldDriver}`)).toHaveCount(0);
  await page.getByRole('button', { name: 'Pause' }).click();
  await page.screenshot({ path: `${SHOTS}/2-worker-killed.png` });

  // --- Drag a new worker in from the palette: it registers and gets an executor of the app.
  await page
    .getByTestId('palette-preset-1')
    .dragTo(page.locator('.react-flow__pane'), { targetPosition: { x: 120, y: 420 } });
  const added = page.getByTestId('node-w4');
  await expect(added).toBeVisible();
  await page.getByRole('button', { name: 'Play' }).click();
  await expect(added).toHaveAttribute('data-state', 'ALIVE', { timeout: 30_000 });
  await expect(added.locator('[data-kind="executor"][data-state="RUNNING"]').first()).toBeVisible({ timeout: 30_000 });
  await page.getByRole('button', { name: 'Pause' }).click();
  await page.screenshot({ path: `${SHOTS}/3-worker-added.png` });

  // --- Seek back before the kill: the killed worker is alive again and w4 is not there yet.
  const timeline = page.getByTestId('timeline');
  const box = await timeline.boundingBox();
  if (!box) throw new Error('no timeline');
  const max = Number(await timeline.getAttribute('aria-valuemax'));
  const target = beforeKill - 1500;
  await page.mouse.click(box.x + (box.width * target) / max, box.y + box.height / 2);
  await expect.poll(() => simMs(page)).toBeLessThan(beforeKill);
  await expect(page.getByTestId('node-w4')).toHaveCount(0);
  await expect(page.getByTestId(`node-${victimId}`)).toHaveAttribute('data-process', 'running');
  await expect(page.getByTestId(`node-${victimId}`).locator(`[data-testid="proc-${oldDriver}"]`)).toHaveCount(1);
  await page.screenshot({ path: `${SHOTS}/4-seek-back.png` });

  expect(problems).toEqual([]);
});

test('the main page has no serious accessibility violations (axe-core)', async ({ page }) => {
  await page.goto('/');
  await expect(page.getByTestId('node-w1')).toBeVisible();
  // Checked with the cluster up and running: every worker registered, messages drawn.
  await page.getByRole('button', { name: 'Play' }).click();
  await expect(page.locator('[data-testid^="node-w"]').first()).toHaveAttribute('data-state', 'ALIVE');
  await expect(page.locator('[data-testid^="node-w"]:not([data-state="ALIVE"])')).toHaveCount(0);
  await page.getByRole('button', { name: 'Pause' }).click();
  await settledClock(page);
  const axePath = createRequire(import.meta.url).resolve('axe-core/axe.min.js');
  await page.addScriptTag({ path: axePath });
  const violations = await page.evaluate(async () => {
    const axe = (
      window as unknown as {
        axe: {
          run(
            ctx: Document,
            opts: unknown,
          ): Promise<{ violations: { id: string; impact: string; help: string; nodes: unknown[] }[] }>;
        };
      }
    ).axe;
    const result = await axe.run(document, { resultTypes: ['violations'] });
    return result.violations.map((v) => ({ id: v.id, impact: v.impact, help: v.help, count: v.nodes.length }));
  });
  const serious = violations.filter((v) => v.impact === 'serious' || v.impact === 'critical');
  expect(serious).toEqual([]);
  await page.screenshot({ path: `${SHOTS}/5-main-page.png` });
});

test('keyboard alone plays, pauses, steps and injects a fault', async ({ page }) => {
  await openSandbox(page);
  await page.getByTestId('node-w1').focus();
  await page.keyboard.press('Shift+F10');
  const menu = page.getByTestId('context-menu');
  await expect(menu).toBeVisible();
  await page.getByTestId('menu-power-off').focus();
  await page.keyboard.press('Enter');
  await expect(menu).toBeHidden();
  await expect(page.getByTestId('node-w1')).toHaveAttribute('data-process', 'machine-off');
  await page.getByTestId('step').focus();
  await page.keyboard.press('Enter');
  // The step's frame comes back from the engine's worker: wait for it rather than race it.
  await expect.poll(() => simMs(page)).toBeGreaterThan(0);
  await page.keyboard.press('?');
  await expect(page.getByTestId('shortcuts-overlay')).toBeVisible();
  await page.keyboard.press('Escape');
  await expect(page.getByTestId('shortcuts-overlay')).toBeHidden();
});
