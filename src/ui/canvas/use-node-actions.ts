// Click, right-click and keyboard handling shared by nodes and process cards: a click selects, the
// context menu (mouse, the Menu key, Shift+F10 or Enter) selects and opens the fault menu at the
// pointer or, from the keyboard, over the focused element; Space selects like a click. The element
// also names what it stands for (data-select), so M and Delete act on a focused node or card.
import { useMemo } from 'react';
import type { KeyboardEvent, MouseEvent } from 'react';
import type { Selection } from '../../engine/public';
import { useController, usePlaygroundStore } from '../PlaygroundProvider';
import { isMenuKey } from './node-text';

export interface NodeActionHandlers {
  /** "worker:w1", "executor:app-…/0": what the element stands for, so a shortcut pressed while it has focus acts on it. */
  'data-select': string;
  onClick(e: MouseEvent): void;
  onContextMenu(e: MouseEvent): void;
  onKeyDown(e: KeyboardEvent): void;
}

export function useNodeActions(target: Selection): NodeActionHandlers {
  const controller = useController();
  const store = usePlaygroundStore();
  const { kind, id } = target;
  return useMemo(() => {
    const selection = { kind, id } as Selection;
    const open = (x: number, y: number) => {
      controller.select(selection);
      store.getState().openMenu({ target: selection, x, y });
    };
    return {
      'data-select': `${kind}:${id}`,
      onClick(e) {
        // A card inside a node handles its own click; the node must not take it over.
        e.stopPropagation();
        controller.select(selection);
      },
      onContextMenu(e) {
        e.preventDefault();
        e.stopPropagation();
        open(e.clientX, e.clientY);
      },
      onKeyDown(e) {
        // Only the element that has focus answers, not the node around a focused card.
        if (e.target !== e.currentTarget) return;
        if (isMenuKey(e)) {
          e.preventDefault();
          e.stopPropagation();
          const r = e.currentTarget.getBoundingClientRect();
          open(r.left + Math.min(24, r.width / 2), r.top + Math.min(24, r.height / 2));
        } else if (e.key === ' ') {
          // Space selects without a menu, like clicking.
          e.preventDefault();
          e.stopPropagation();
          controller.select(selection);
        }
      },
    };
  }, [controller, store, kind, id]);
}
