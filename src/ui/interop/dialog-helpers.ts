// Small browser helpers of the import and export dialogs: file names, saving text as a download, keyboard moves between tabs.
import { slugOf } from '../../interop/slug';

/** A file name from a scenario's name: "Worker loss (HA)" → "worker-loss-ha.json". */
export function scenarioJsonFileName(scenarioName: string): string {
  const slug = slugOf(scenarioName, 80);
  return `${slug === '' ? 'scenario' : slug}.json`;
}

/** A scenario as the file export writes it: the restored document, two-space indented, with a final newline. */
export function scenarioJsonText(scenario: unknown): string {
  return `${JSON.stringify(scenario, null, 2)}\n`;
}

/**
 * Saves text as a file: a Blob behind an object URL, opened by a temporary <a download>. The link is
 * put in `container` (the open dialog), since the page behind a modal dialog is inert.
 */
export function downloadText(
  fileName: string,
  text: string,
  mediaType: string,
  container: HTMLElement = document.body,
): void {
  const url = URL.createObjectURL(new Blob([text], { type: `${mediaType};charset=utf-8` }));
  const link = document.createElement('a');
  link.href = url;
  link.download = fileName;
  link.hidden = true;
  container.append(link);
  try {
    link.click();
  } finally {
    link.remove();
    // Some browsers start reading the URL only after click() returns: revoke it on a later task.
    setTimeout(() => URL.revokeObjectURL(url), 0);
  }
}

/** Selects the text of an element, so that a refused clipboard write leaves it ready for Ctrl+C. */
export function selectContents(element: HTMLElement): void {
  const selection = window.getSelection();
  if (!selection) return;
  const range = document.createRange();
  range.selectNodeContents(element);
  selection.removeAllRanges();
  selection.addRange(range);
}

/**
 * The tab a key moves to in a tab list of `count` tabs (WAI-ARIA tabs pattern: arrows wrap around,
 * Home and End jump), or undefined when the key is not a tab-list key.
 */
export function tabAfterKey(key: string, index: number, count: number): number | undefined {
  if (count <= 0) return undefined;
  switch (key) {
    case 'ArrowDown':
    case 'ArrowRight':
      return (index + 1) % count;
    case 'ArrowUp':
    case 'ArrowLeft':
      return (index - 1 + count) % count;
    case 'Home':
      return 0;
    case 'End':
      return count - 1;
    default:
      return undefined;
  }
}
