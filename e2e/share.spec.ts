// Sessions in real Chromium: a share link opened elsewhere shows exactly the state of the session
// that made it; a broken link says what is wrong and the user's own session is still there;
// applying an action in the past forks the timeline and the old future can be switched back to.
import { expect, type Page, test } from '@playwright/test';
import { playUntil, simMs } from './clock';
import { chooseScenario, expectScenario } from './scenario-picker';

const SHOTS = 'e2e-artifacts';

/** What a viewer sees of the cluster: every node's state and every process card's state. */
async function picture(page: Page): Promise<string> {
  return page.evaluate(() => {
    const nodes = [...document.querySelectorAll('[data-testid^="node-"]')].map(
      (n) => `${n.getAttribute('data-testid')}:${n.getAttribute('data-state')}:${n.getAttribute('data-process') ?? ''}`,
    );
    const procs = [...document.querySelectorAll('[data-testid^="proc-"]')].map(
      (p) => `${p.getAttribute('data-testid')}:${p.getAttribute('data-state')}`,
    );
    return JSON.stringify({ nodes: nodes.sort(), procs: procs.sort() });
  });
}

test('a share link replays to the same state in another browser', async ({ page, browser }) => {
  await page.goto('/');
  await chooseScenario(page, 'cluster-mode');
  await expect(page.getByTestId('node-w3')).toBeVisible();
  await page.getByTestId('speed').selectOption('1');
  await playUntil(page, 300);
  // A recorded action: it must travel with the link.
  await page.getByTestId('node-w2').click({ button: 'right' });
  await page.getByTestId('menu-kill-worker').click();
  await expect(page.getByTestId('node-w2')).toHaveAttribute('data-process', 'stopped');
  const time = await playUntil(page, 1400);
  const before = await picture(page);

  await page.getByTestId('share').click();
  await expect(page.getByTestId('notice').first()).toContainText(/characters/);
  const link = page.url();
  expect(link).toMatch(/#s=1\.d\.[A-Za-z0-9_-]+$/);

  const other = await browser.newContext();
  const viewer = await other.newPage();
  await viewer.goto(link);
  await expect(viewer.getByTestId('session-banner')).toContainText('Opened a shared session');
  await expect.poll(() => simMs(viewer)).toBe(time);
  await expect(viewer.getByTestId('node-w2')).toHaveAttribute('data-process', 'stopped');
  await expect.poll(() => picture(viewer)).toBe(before);
  // The address bar no longer carries the link: a reload restores the viewer's own autosave.
  expect(viewer.url()).not.toContain('#s=');
  await viewer.screenshot({ path: `${SHOTS}/6-opened-share-link.png` });
  await other.close();
});

test('a broken link says what is wrong, and the previous session is still there', async ({ page }) => {
  await page.goto('/');
  await chooseScenario(page, 'spread-out');
  await expect(page.getByTestId('node-w4')).toBeVisible();
  await page.getByTestId('speed').selectOption('1');
  const time = await playUntil(page, 1);
  // The autosave runs a second after the last change: wait until it holds this playhead.
  const savedPlayhead = () =>
    page.evaluate(() => {
      // The entry this tab saves to (docs/sessions.md): its id is in sessionStorage.
      const tab = JSON.parse(sessionStorage.getItem('spark-playground.tab') ?? '{}') as { current?: string };
      const saved = localStorage.getItem(`spark-playground.entry.${tab.current ?? ''}`);
      return saved === null ? null : (JSON.parse(saved) as { session: { playhead?: number } }).session.playhead;
    });
  await expect.poll(savedPlayhead).toBe(time);

  await page.goto('/#s=1.d.eJyrVkrLz1eyUkpKLFKqBQA');
  // In the same tab only the hash changes: the page reads the link without reloading.
  await expect(page.getByTestId('session-banner')).toContainText(/incomplete or damaged/);
  await expect(page.getByTestId('session-banner')).toContainText('Your session is unchanged');
  await expectScenario(page, 'spread-out');
  await expect.poll(() => simMs(page)).toBe(time);

  // A fresh load of a broken link restores the autosaved session.
  await page.goto('about:blank');
  await page.goto('/#s=1.d.eJyrVkrLz1eyUkpKLFKqBQA');
  await expect(page.getByTestId('session-banner')).toContainText(/incomplete or damaged/);
  await expect(page.getByTestId('session-banner')).toContainText('Your own last session was restored');
  await expectScenario(page, 'spread-out');
  await expect.poll(() => simMs(page)).toBe(time);

  // A link from the future is refused with its own reason.
  await page.goto('about:blank');
  await page.goto('/#s=9.d.AAAA');
  await expect(page.getByTestId('session-banner')).toContainText('newer version of the playground');
  await expect.poll(() => simMs(page)).toBe(time);
  await page.screenshot({ path: `${SHOTS}/7-broken-link.png` });
});

test('an action in the past forks the timeline; the old future stays as a branch', async ({ page }) => {
  await page.goto('/');
  await chooseScenario(page, 'cluster-mode');
  await expect(page.getByTestId('node-w3')).toBeVisible();
  await page.getByTestId('speed').selectOption('1');
  const end = await playUntil(page, 1000);

  // Back to the middle, then power w1 off there.
  const timeline = page.getByTestId('timeline');
  const box = await timeline.boundingBox();
  if (!box) throw new Error('no timeline');
  const max = Number(await timeline.getAttribute('aria-valuemax'));
  await page.mouse.click(box.x + (box.width * (end / 2)) / max, box.y + box.height / 2);
  await expect.poll(() => simMs(page)).toBeLessThan(end);
  await page.getByTestId('node-w1').click({ button: 'right' });
  await page.getByTestId('menu-power-off').click();

  const dialog = page.getByTestId('fork-dialog');
  await expect(dialog).toBeVisible();
  await expect(dialog).toContainText('power-off w1');
  await page.screenshot({ path: `${SHOTS}/8-fork-question.png` });
  await page.getByTestId('fork-branch').click();
  await expect(dialog).toBeHidden();
  await expect(page.getByTestId('node-w1')).toHaveAttribute('data-process', 'machine-off');

  // The old future is a branch: switching to it brings w1 back, at the old horizon.
  // A compact button (not a select as wide as its longest label) that opens the list.
  const branches = page.getByTestId('branches');
  await expect(branches).toHaveAttribute('data-count', '1');
  expect((await branches.boundingBox())?.width).toBeLessThan(160);
  await branches.click();
  await expect(page.getByTestId('branch-item')).toHaveCount(1);
  await page.getByTestId('branch-item').first().click();
  await expect(page.getByTestId('node-w1')).toHaveAttribute('data-process', 'running');
  await expect.poll(() => simMs(page)).toBe(end);
  // And the forked timeline is now the branch to come back to.
  await expect(branches).toHaveAttribute('data-count', '1');
  await expect(branches).toBeFocused();
});

test('import a real Master /json, export for real Spark, and the embed view', async ({ page }) => {
  await page.goto('/');
  await expect(page.getByTestId('node-w1')).toBeVisible();

  // A Master's /json from port 8080: its alive workers become the scenario's.
  const masterJson = {
    url: 'spark://spark-master.example:7077',
    workers: [
      {
        id: 'worker-20260101-a',
        host: 'node-a',
        port: 40000,
        cores: 16,
        memory: 65536,
        coresused: 0,
        memoryused: 0,
        state: 'ALIVE',
        lastheartbeat: 1,
      },
      {
        id: 'worker-20260101-b',
        host: 'node-b',
        port: 40000,
        cores: 8,
        memory: 32768,
        coresused: 0,
        memoryused: 0,
        state: 'ALIVE',
        lastheartbeat: 1,
      },
      {
        id: 'worker-20260101-c',
        host: 'node-c',
        port: 40000,
        cores: 8,
        memory: 32768,
        coresused: 0,
        memoryused: 0,
        state: 'DEAD',
        lastheartbeat: 1,
      },
    ],
    aliveworkers: 2,
    activeapps: [],
    completedapps: [],
    activedrivers: [],
    completeddrivers: [],
    status: 'ALIVE',
  };
  await page.getByTestId('header-menu').click();
  await page.getByTestId('open-import').click();
  await expect(page.getByTestId('import-dialog')).toBeVisible();
  await page.getByTestId('import-json-text').fill(JSON.stringify(masterJson));
  await page.getByTestId('import-json-button').click();
  await expect(page.getByTestId('node-node-a')).toBeVisible();
  await expect(page.getByTestId('node-node-b')).toBeVisible();
  await expect(page.getByTestId('node-node-c')).toHaveCount(0);
  await expect(page.getByTestId('node-spark-master.example')).toBeVisible();

  await page.getByTestId('header-menu').click();
  await page.getByTestId('open-export').click();
  const exported = page.getByTestId('export-dialog');
  await expect(exported).toBeVisible();
  await page.getByTestId('export-tab-docker-compose.yml').click();
  await expect(page.getByTestId('export-file-docker-compose.yml')).toContainText('apache/spark');
  await expect(page.getByTestId('export-file-docker-compose.yml')).toContainText('node-a');
  await page.screenshot({ path: `${SHOTS}/9-export.png` });
  await page.keyboard.press('Escape');
  await expect(exported).toBeHidden();

  // ?embed: the canvas and the time controls only.
  await page.goto('/?embed');
  await expect(page.getByTestId('play-pause')).toBeVisible();
  await expect(page.locator('.react-flow__node').first()).toBeVisible();
  await expect(page.getByTestId('palette')).toHaveCount(0);
  await expect(page.getByRole('combobox', { name: 'Scenario' })).toHaveCount(0);
  await expect(page.getByTestId('share')).toHaveCount(0);
  await page.screenshot({ path: `${SHOTS}/10-embed.png` });
});
