// The page's keyboard shortcuts (the table in shortcuts.ts): one keydown listener on the document
// that turns a key into a command and runs it through the controller or the store.
import { useEffect } from 'react';
import { attempt } from '../attempt';
import type { Controller } from '../controller-api';
import { applyWithNotice } from '../menus/apply-action';
import { useController, usePlaygroundStore } from '../PlaygroundProvider';
import type { PlaygroundStore } from '../store';
import { DARK_SCHEME_QUERY } from '../use-media-query';
import {
  classifyFocus,
  type Command,
  commandForKey,
  parseSelectTarget,
  shortcutTarget,
  stepSpeed,
  toggledTheme,
} from './shortcuts';
import type { Selection } from '../../engine/public';

/** A modal of anyone's (the submit dialog, the shortcuts overlay, a confirmation) owns the keyboard. */
function modalOpen(): boolean {
  return document.querySelector('dialog[open], [aria-modal="true"]') !== null;
}

/** Where to put a menu opened from the keyboard: under the focused element, else mid-screen. */
function menuAnchor(): { x: number; y: number } {
  const el = document.activeElement;
  if (el instanceof HTMLElement && el !== document.body) {
    const r = el.getBoundingClientRect();
    if (r.width > 0 || r.height > 0) return { x: r.left + Math.min(r.width / 2, 24), y: r.bottom + 4 };
  }
  return { x: window.innerWidth / 2, y: window.innerHeight / 3 };
}

/** The canvas node or process card that has focus, as a selection (see use-node-actions.ts). */
function focusedTarget(): Selection | null {
  const el = document.activeElement;
  if (!(el instanceof HTMLElement)) return null;
  return parseSelectTarget(el.closest<HTMLElement>('[data-select]')?.dataset.select);
}

/** The thing M and Delete act on; a focused thing becomes the selection, so the Inspector shows it too. */
function targetOf(controller: Controller, store: PlaygroundStore): Selection | null {
  const s = store.getState();
  const target = shortcutTarget(focusedTarget(), s.selection);
  if (target && (s.selection?.kind !== target.kind || s.selection.id !== target.id)) controller.select(target);
  return target;
}

function run(command: Command, controller: Controller, store: PlaygroundStore): void {
  const s = store.getState();
  const ready = s.status === 'ready';
  switch (command) {
    case 'toggle-play':
      if (ready) controller.togglePlaying();
      return;
    case 'step':
      if (ready) attempt(store, controller.step());
      return;
    case 'seek-back':
      if (ready) attempt(store, controller.seek(Math.max(0, s.time - 1000)));
      return;
    case 'speed-down':
      s.setSpeed(stepSpeed(s.speed, -1));
      return;
    case 'speed-up':
      s.setSpeed(stepSpeed(s.speed, 1));
      return;
    case 'open-submit':
      if (ready) s.setSubmitOpen(true);
      return;
    case 'open-menu': {
      const target = targetOf(controller, store);
      if (target) s.openMenu({ target, ...menuAnchor() });
      else s.notify('info', 'Select or focus something first: a worker, a process, an app or the Master.');
      return;
    }
    case 'kill-selected': {
      if (!ready) return;
      const target = targetOf(controller, store);
      if (!target) return;
      // The menus' model comes with the context menu's chunk, not in the page's entry script.
      import('../menus/menu-items').then(
        ({ killItemFor }) => {
          const now = store.getState();
          const item = killItemFor(target, {
            nodes: now.nodes,
            partitions: now.partitions,
            masterPage: now.masterPage,
          });
          if (item) void applyWithNotice(controller, store, item);
          else now.notify('info', `Nothing to kill for ${target.kind} ${target.id} now. M opens its menu.`);
        },
        (err: unknown) =>
          s.notify('error', `The kill could not be prepared (${err instanceof Error ? err.message : String(err)}).`),
      );
      return;
    }
    case 'toggle-heartbeats':
      s.setShowHeartbeats(!s.showHeartbeats);
      return;
    case 'toggle-tasks':
      s.setShowTasks(!s.showTasks);
      return;
    case 'toggle-replies':
      s.setShowReplies(!s.showReplies);
      return;
    case 'toggle-dark':
      s.setTheme(toggledTheme(s.theme, window.matchMedia(DARK_SCHEME_QUERY).matches));
      return;
    case 'help':
      s.setHelpOpen(!s.helpOpen);
      return;
    case 'escape':
      // Menus and dialogs close themselves (they own the keyboard while open); what is left is the selection.
      if (s.selection) controller.select(null);
      return;
  }
}

/** Installs the shortcuts for as long as the calling component is mounted. */
export function useShortcuts(): void {
  const controller = useController();
  const store = usePlaygroundStore();
  useEffect(() => {
    const onKeyDown = (e: KeyboardEvent) => {
      // Taken already (the timeline slider, a menu), or part of an IME composition.
      if (e.defaultPrevented || e.isComposing) return;
      const s = store.getState();
      const el = e.target instanceof HTMLElement ? e.target : null;
      const focus = classifyFocus(
        el && {
          tagName: el.tagName,
          type: el instanceof HTMLInputElement ? el.type : undefined,
          role: el.getAttribute('role'),
          isContentEditable: el.isContentEditable,
        },
      );
      const captured = s.menu !== null || s.helpOpen || s.submitOpen || modalOpen();
      const command = commandForKey(e, { focus, captured });
      if (!command) return;
      // Space would scroll the page, Backspace navigate back in old browsers, "/"-like keys find.
      e.preventDefault();
      run(command, controller, store);
    };
    // On the document, not the window: React's handlers (a focused canvas node taking Space, the
    // timeline taking arrows) run before it and can stop the key, while listeners React Flow puts
    // on the window (Space to pan) would otherwise mark Space as handled before it gets here.
    document.addEventListener('keydown', onKeyDown);
    return () => document.removeEventListener('keydown', onKeyDown);
  }, [controller, store]);
}
