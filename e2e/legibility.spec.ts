// The canvas is legible at laptop and tablet sizes: at 1280×720, 1440×900 and 820×1180, every
// library scenario is loaded through the picker and looked at when it starts, when it has played
// to its end (the page pauses itself) and half way, after a seek back on the timeline. At each of
// those instants, at the default fit, the smallest text on the canvas renders at 11 px or more,
// no two machines overlap, every process card lies inside its machine's box, every card's badge,
// exit code and strike-through agree, and no message label covers a node's text or another label
// (the boxes the overlay publishes on window.__sparkOverlayLabels). A screenshot of each goes to
// e2e-artifacts/<viewport>/<scenario>-<instant>.png.
import { expect, type Page, test } from '@playwright/test';
import { chooseScenario, expectScenario, scenarioIds } from './scenario-picker';
import { settledClock } from './clock';

const MIN_TEXT_PX = 11;
const VIEWPORTS = [
  { width: 1280, height: 720 },
  { width: 1440, height: 900 },
  { width: 820, height: 1180 },
];

interface CanvasReport {
  zoom: number;
  minPx: number;
  minText: string;
  texts: number;
  overlapping: string[];
  cardsOutside: string[];
  cardsDisagreeing: string[];
  labelClashes: string[];
}

/**
 * Measured in the page: every visible text node inside the canvas (`.react-flow`), its computed
 * font size times the zoom of the viewport it is drawn in (1 for React Flow's own panels); the
 * machines' boxes against each other; each process card's box against its machine's.
 */
function measureCanvas(): CanvasReport {
  const flow = document.querySelector('.react-flow');
  const viewport = document.querySelector('.react-flow__viewport');
  if (!flow || !viewport) throw new Error('no canvas');
  const frame = flow.getBoundingClientRect();
  const zoom = new DOMMatrix(getComputedStyle(viewport).transform).a;
  let minPx = Number.POSITIVE_INFINITY;
  let minText = '';
  let texts = 0;
  const walker = document.createTreeWalker(flow, NodeFilter.SHOW_TEXT);
  const range = document.createRange();
  for (let n = walker.nextNode(); n; n = walker.nextNode()) {
    const text = n.textContent?.trim() ?? '';
    const el = n.parentElement;
    if (!text || !el || el.closest('.visually-hidden')) continue;
    range.selectNodeContents(n);
    const r = range.getBoundingClientRect();
    if (r.width < 1 || r.height < 1) continue;
    if (r.right <= frame.left || r.left >= frame.right || r.bottom <= frame.top || r.top >= frame.bottom) continue;
    const style = getComputedStyle(el);
    if (style.visibility === 'hidden') continue;
    const px = parseFloat(style.fontSize) * (viewport.contains(el) ? zoom : 1);
    texts++;
    if (px < minPx) {
      minPx = px;
      minText = `"${text.slice(0, 40)}" in .${el.className}`;
    }
  }
  const nodes = [...document.querySelectorAll<HTMLElement>('.react-flow__node .cn')].map((el) => ({
    id: el.dataset.testid ?? '',
    r: el.getBoundingClientRect(),
  }));
  const overlapping: string[] = [];
  for (let i = 0; i < nodes.length; i++)
    for (let j = i + 1; j < nodes.length; j++) {
      const a = nodes[i]!.r;
      const b = nodes[j]!.r;
      if (a.left < b.right - 0.5 && b.left < a.right - 0.5 && a.top < b.bottom - 0.5 && b.top < a.bottom - 0.5)
        overlapping.push(`${nodes[i]!.id}/${nodes[j]!.id}`);
    }
  const cardsOutside: string[] = [];
  for (const card of document.querySelectorAll<HTMLElement>('.react-flow__node .pcard')) {
    const node = card.closest('.cn');
    if (!node) continue;
    const a = card.getBoundingClientRect();
    const b = node.getBoundingClientRect();
    if (a.left < b.left - 0.5 || a.top < b.top - 0.5 || a.right > b.right + 0.5 || a.bottom > b.bottom + 0.5)
      cardsOutside.push(card.dataset.testid ?? '?');
  }
  // One truth per card: an exit code or a strike-through only under a final state (RELAUNCHING:
  // a driver of a lost machine relaunched elsewhere), and a final badge only on an ended card.
  const FINAL = new Set(['KILLED', 'FAILED', 'LOST', 'EXITED', 'FINISHED', 'ERROR', 'DECOMMISSIONED', 'RELAUNCHING']);
  const cardsDisagreeing: string[] = [];
  for (const card of document.querySelectorAll<HTMLElement>('.react-flow__node .pcard')) {
    const badge = card.querySelector('[data-testid="proc-badge"]')?.textContent?.trim() ?? '';
    const exit = card.querySelector('[data-testid="proc-exit"]')?.textContent?.trim() ?? '';
    const ended = card.dataset.ended !== undefined;
    if ((exit !== '' || ended) && !FINAL.has(badge))
      cardsDisagreeing.push(
        `${card.dataset.testid ?? '?'}: ${badge}${exit ? ` with ${exit}` : ''}${ended ? ', struck' : ''}`,
      );
  }
  // The overlay's labels against every piece of text in the nodes and against each other.
  type Box = { x: number; y: number; width: number; height: number; text: string };
  const labels: Box[] = (window as unknown as { __sparkOverlayLabels?: Box[] }).__sparkOverlayLabels ?? [];
  const nodeTexts: Box[] = [];
  for (const node of document.querySelectorAll('.react-flow__node')) {
    const w = document.createTreeWalker(node, NodeFilter.SHOW_TEXT);
    for (let t = w.nextNode(); t; t = w.nextNode()) {
      const text = t.textContent?.trim() ?? '';
      if (!text) continue;
      range.selectNodeContents(t);
      for (const r of range.getClientRects())
        if (r.width > 1 && r.height > 1) nodeTexts.push({ x: r.x, y: r.y, width: r.width, height: r.height, text });
    }
  }
  const over = (a: Box, b: Box) =>
    a.x < b.x + b.width && b.x < a.x + a.width && a.y < b.y + b.height && b.y < a.y + a.height;
  const labelClashes: string[] = [];
  labels.forEach((a, i) => {
    for (const b of labels.slice(i + 1)) if (over(a, b)) labelClashes.push(`"${a.text}" over label "${b.text}"`);
    for (const t of nodeTexts) if (over(a, t)) labelClashes.push(`"${a.text}" over "${t.text}"`);
  });
  return { zoom, minPx, minText, texts, overlapping, cardsOutside, cardsDisagreeing, labelClashes };
}

/**
 * Waits until the canvas's transform and its cards' animations have held still for a few frames,
 * and no card is on its way out (a leaving card wears data-leaving while it fades, linger.ts): a
 * scenario loaded through the picker starts with the last one's cards leaving.
 */
async function canvasSettled(page: Page) {
  await page.waitForFunction(
    () => {
      const w = window as unknown as { __legibility?: { key: string; frames: number } };
      const vp = document.querySelector('.react-flow__viewport');
      const moving = document
        .getAnimations()
        .some((a) => a.playState === 'running' && a.effect?.getTiming().iterations !== Infinity);
      const leaving = document.querySelector('.react-flow [data-leaving]') !== null;
      // Cards move when a neighbour arrives or goes (the list's flow): their boxes must hold still too.
      const cards = [...document.querySelectorAll('.react-flow .pcard')]
        .map((c) => {
          const r = c.getBoundingClientRect();
          return `${r.left.toFixed(1)},${r.top.toFixed(1)}`;
        })
        .join(';');
      const key = `${vp ? getComputedStyle(vp).transform : ''}|${moving}|${leaving}|${cards}`;
      if (moving || leaving || !w.__legibility || w.__legibility.key !== key) {
        w.__legibility = { key, frames: 0 };
        return false;
      }
      w.__legibility.frames += 1;
      return w.__legibility.frames >= 8;
    },
    null,
    { polling: 'raf', timeout: 20_000 },
  );
}

async function check(page: Page, label: string, path: string) {
  await canvasSettled(page);
  const report = await page.evaluate(measureCanvas);
  await page.screenshot({ path });
  expect.soft(report.texts, `${label}: text on the canvas`).toBeGreaterThan(0);
  expect
    .soft(report.minPx, `${label}: smallest text ${report.minText} at zoom ${report.zoom}`)
    .toBeGreaterThanOrEqual(MIN_TEXT_PX - 0.01);
  expect.soft(report.overlapping, `${label}: overlapping machines`).toEqual([]);
  expect.soft(report.cardsOutside, `${label}: cards outside their machine`).toEqual([]);
  expect.soft(report.cardsDisagreeing, `${label}: cards whose badge, exit code and strike disagree`).toEqual([]);
  expect.soft(report.labelClashes, `${label}: message labels over node text or another label`).toEqual([]);
}

for (const viewport of VIEWPORTS) {
  const name = `${viewport.width}x${viewport.height}`;
  test.describe(name, () => {
    test.use({ viewport });

    test(`every library scenario is legible at ${name}: start, middle, end`, async ({ page }) => {
      test.setTimeout(150_000);
      await page.goto('/');
      await expect(page.getByTestId('master-status')).toHaveText('ALIVE');
      const ids = await scenarioIds(page);
      expect(ids.length).toBeGreaterThan(10);
      await page.getByRole('combobox', { name: 'Speed' }).selectOption('1000');

      for (const id of ids) {
        const shot = (instant: string) => `e2e-artifacts/${name}/${id}-${instant}.png`;
        // Load (the first scenario is already loaded: selecting it again would not reload).
        if ((await page.getByTestId('scenario-select').getAttribute('data-value')) !== id) {
          await chooseScenario(page, id);
          await expectScenario(page, id);
        }
        await expect(page.getByTestId('sim-clock')).toHaveAttribute('data-ms', '0');
        await expect(page.locator('.react-flow__node').first()).toBeVisible();
        await check(page, `${id} at the start`, shot('start'));

        // Play to the end: the page pauses itself once only housekeeping is left.
        await page.getByRole('button', { name: 'Play' }).click();
        await expect(page.getByTestId('idle-note')).toBeVisible({ timeout: 60_000 });
        const end = await settledClock(page, 5);
        await check(page, `${id} at the end (${end} ms)`, shot('end'));

        // Half way, by a click on the timeline.
        const timeline = page.getByTestId('timeline');
        const box = await timeline.boundingBox();
        if (!box) throw new Error('no timeline');
        const max = Number(await timeline.getAttribute('aria-valuemax'));
        const target = Math.round(end / 2);
        await timeline.click({ position: { x: (box.width * target) / max, y: box.height / 2 } });
        await expect
          .poll(async () => Number(await page.getByTestId('sim-clock').getAttribute('data-ms')))
          .toBeLessThan(end);
        await settledClock(page, 5);
        await check(page, `${id} half way`, shot('middle'));
      }
    });
  });
}

test('the embed fits a shared session below its banner', async ({ page, browser }) => {
  await page.goto('/');
  await expect(page.getByTestId('master-status')).toHaveText('ALIVE');
  // Four workers: the most any library scenario has, and the case that was cut off before.
  await chooseScenario(page, 'drivers-round-robin');
  await expect(page.locator('[data-testid^="node-w"]')).toHaveCount(4);
  await page.getByTestId('share').click();
  await expect(page.getByTestId('notice').first()).toContainText(/characters/);
  const link = page.url().replace('/#', '/?embed#');

  const other = await browser.newContext({ viewport: { width: 960, height: 560 } });
  const embed = await other.newPage();
  await embed.goto(link);
  await expect(embed.getByTestId('session-banner')).toContainText('Opened a shared session');
  await expect(embed.locator('[data-testid^="node-w"]')).toHaveCount(4);
  await canvasSettled(embed);
  const boxes = await embed.evaluate(() => {
    const rect = (el: Element | null) => {
      const r = el?.getBoundingClientRect();
      return r ? { left: r.left, top: r.top, right: r.right, bottom: r.bottom } : null;
    };
    return {
      canvas: rect(document.querySelector('.react-flow')),
      banner: rect(document.querySelector('[data-testid="session-banner"]')),
      nodes: [...document.querySelectorAll('.react-flow__node .cn')].map((el) => ({
        id: (el as HTMLElement).dataset.testid ?? '',
        ...rect(el)!,
      })),
    };
  });
  await embed.screenshot({ path: 'e2e-artifacts/embed-shared-session.png' });
  const { canvas, banner } = boxes;
  if (!canvas || !banner) throw new Error('no canvas or no banner');
  // The canvas ends at the iframe's bottom, and every machine is inside it, none under the banner.
  expect(canvas.bottom).toBeLessThanOrEqual(560);
  for (const n of boxes.nodes) {
    expect.soft(n.left, `${n.id} inside the canvas`).toBeGreaterThanOrEqual(canvas.left);
    expect.soft(n.right, `${n.id} inside the canvas`).toBeLessThanOrEqual(canvas.right);
    expect.soft(n.top, `${n.id} inside the canvas`).toBeGreaterThanOrEqual(canvas.top);
    expect.soft(n.bottom, `${n.id} inside the canvas`).toBeLessThanOrEqual(canvas.bottom);
    const covered = n.left < banner.right && banner.left < n.right && n.top < banner.bottom && banner.top < n.bottom;
    expect.soft(covered, `${n.id} under the banner`).toBe(false);
  }
  await other.close();
});
