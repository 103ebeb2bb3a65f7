// Which part of a node the current selection highlights, as small pure selectors: each returns a
// primitive, so a selection change re-renders only the nodes whose answer changed.
import type { ProcessCardView, Selection } from '../../engine/public';

/** Whether this node's own thing (the worker, master, …) is the selection. */
export function isSelected(selection: Selection | null, kind: Selection['kind'], id: string): boolean {
  return selection !== null && selection.kind === kind && selection.id === id;
}

/**
 * What to highlight among a node's process cards: the selected driver or executor when it is one
 * of them ("proc:<id>"), or an application that one of them works for ("app:<id>"); null for none.
 */
export function highlightKey(selection: Selection | null, processes: readonly ProcessCardView[]): string | null {
  if (selection === null) return null;
  if (selection.kind === 'executor' || selection.kind === 'driver') {
    return processes.some((p) => p.id === selection.id && p.kind === selection.kind) ? `proc:${selection.id}` : null;
  }
  if (selection.kind === 'application') {
    return processes.some((p) => p.appId === selection.id) ? `app:${selection.id}` : null;
  }
  return null;
}

/** Whether a card is highlighted under a node's highlightKey. */
export function cardHighlighted(key: string | null, p: Pick<ProcessCardView, 'id' | 'appId'>): boolean {
  if (key === null) return false;
  return key === `proc:${p.id}` || (p.appId !== null && key === `app:${p.appId}`);
}
