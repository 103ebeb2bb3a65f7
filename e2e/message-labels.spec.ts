// Message labels never hide the cluster: three busy library scenarios played at 1× at a laptop's
// and a portrait tablet's size, sampled about once a second in two busy phases of each (the
// start, then a later one reached at 20×). At each instant no label the overlay
// drew (window.__sparkOverlayLabels, viewport px) overlaps another label or the text of any node,
// and no reply reads as a bare Boolean. A few of the instants are saved under e2e-artifacts/.
import { expect, type Page, test } from '@playwright/test';
import { chooseScenario } from './scenario-picker';
import type { OverlayLabelBox } from '../src/ui/canvas/overlay-labels';

const SHOTS = 'e2e-artifacts';
/** Each scenario with the simulated time of its second busy phase, reached fast and sampled at 1× too. */
const SCENARIOS = [
  // The submission and launch, then the app's end: UnregisterApplication, KillExecutor ×5.
  { id: 'cluster-mode', later: 38_800 },
  { id: 'spread-out', later: 36_200 },
  // The first app's launch, then its end freeing every core: four drivers land at once (28.8 s).
  { id: 'drivers-round-robin', later: 28_100 },
];
const SIZES = [
  { width: 1280, height: 720 },
  { width: 820, height: 1180 },
];
/** Instants sampled in each phase, a second of wall time apart. */
const SAMPLES_PER_PHASE = 5;
const SAMPLE_EVERY_MS = 1000;
const SAVED = new Set([2, 5, 8]);

type Box = OverlayLabelBox;

interface Sample {
  labels: Box[];
  texts: Box[];
}

/** The labels of the overlay's last draw and the boxes of every piece of text in the nodes, at one instant. */
function sample(page: Page): Promise<Sample> {
  return page.evaluate(
    () =>
      new Promise<Sample>((resolve) => {
        // Read right after the overlay's draw in this animation frame, before anything moves again.
        requestAnimationFrame(() =>
          setTimeout(() => {
            const labels = (window.__sparkOverlayLabels ?? []).map((l) => ({ ...l }));
            const texts: Box[] = [];
            for (const node of document.querySelectorAll('.react-flow__node')) {
              const walker = document.createTreeWalker(node, NodeFilter.SHOW_TEXT);
              for (let t = walker.nextNode(); t; t = walker.nextNode()) {
                const text = t.textContent?.trim() ?? '';
                if (!text) continue;
                const range = document.createRange();
                range.selectNodeContents(t);
                for (const r of range.getClientRects())
                  // Screen-reader-only text is clipped to a pixel: nothing a label could hide.
                  if (r.width > 1 && r.height > 1)
                    texts.push({ x: r.x, y: r.y, width: r.width, height: r.height, text });
              }
            }
            resolve({ labels, texts });
          }, 0),
        );
      }),
  );
}

const overlap = (a: Box, b: Box) =>
  a.x < b.x + b.width && b.x < a.x + a.width && a.y < b.y + b.height && b.y < a.y + a.height;

/** Every label over another label or over a node's text, as sentences. */
function clashes({ labels, texts }: Sample): string[] {
  const found: string[] = [];
  labels.forEach((a, i) => {
    for (const b of labels.slice(i + 1)) if (overlap(a, b)) found.push(`label "${a.text}" over label "${b.text}"`);
    for (const t of texts) if (overlap(a, t)) found.push(`label "${a.text}" over node text "${t.text}"`);
  });
  return found;
}

async function checkInstants(page: Page, name: string, first: number): Promise<number> {
  let seen = 0;
  for (let i = first; i < first + SAMPLES_PER_PHASE; i++) {
    await page.waitForTimeout(SAMPLE_EVERY_MS);
    let s = await sample(page);
    // A node that just grew (a card appearing) is measured by React Flow after layout, so the
    // overlay avoids its new box from the next frame on: a clash must outlast two frames.
    if (clashes(s).length > 0) s = await sample(page).then(() => sample(page));
    seen += s.labels.length;
    if (SAVED.has(i)) await page.screenshot({ path: `${SHOTS}/labels-${name}-${i}.png` });
    expect(clashes(s), `instant ${i}`).toEqual([]);
    expect(
      s.labels.filter((l) => l.text.includes('Boolean(')).map((l) => l.text),
      `instant ${i}`,
    ).toEqual([]);
  }
  return seen;
}

for (const size of SIZES) {
  for (const { id, later } of SCENARIOS) {
    test(`labels cover no node text and no label: ${id} at ${size.width}×${size.height}`, async ({ page }) => {
      await page.setViewportSize(size);
      await page.goto('/');
      await chooseScenario(page, id);
      await expect(page.getByTestId('sim-clock')).toHaveText('0:00:00.000');
      await expect(page.locator('.react-flow__node').first()).toBeVisible();
      const speed = page.getByTestId('speed');
      await speed.selectOption('1');
      await page.getByTestId('play-pause').click();
      const name = `${id}-${size.width}x${size.height}`;
      let seen = await checkInstants(page, name, 0);
      // Fast to the second phase, then 1× again, switched in the page's own frame so it stops there.
      await speed.selectOption('5');
      await page.waitForFunction(
        (ms) => {
          if (Number(document.querySelector('[data-testid="sim-clock"]')?.getAttribute('data-ms')) < ms) return false;
          const select = document.querySelector<HTMLSelectElement>('[data-testid="speed"]');
          if (select) {
            select.value = '1';
            select.dispatchEvent(new Event('change', { bubbles: true }));
          }
          return true;
        },
        later,
        { polling: 'raf' },
      );
      await expect(speed).toHaveValue('1');
      seen += await checkInstants(page, name, SAMPLES_PER_PHASE);
      // The run was sampled while messages flew: the checks above had labels to look at.
      expect(seen).toBeGreaterThan(0);
    });
  }
}
