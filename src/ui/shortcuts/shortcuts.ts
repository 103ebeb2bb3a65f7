// Keyboard shortcuts, as data: the table the key mapping reads (its words for the overlay are in
// shortcut-help.ts, typed so that every command has them), plus the pure decisions around it
// (which key means what, when to leave a key alone, speed and theme steps).
import type { Selection } from '../../engine/public';
import { SPEEDS, type Theme } from '../store';

export type Command =
  | 'toggle-play'
  | 'step'
  | 'seek-back'
  | 'speed-down'
  | 'speed-up'
  | 'open-submit'
  | 'open-menu'
  | 'kill-selected'
  | 'toggle-heartbeats'
  | 'toggle-tasks'
  | 'toggle-replies'
  | 'toggle-dark'
  | 'help'
  | 'escape';

export interface Shortcut {
  command: Command;
  /** KeyboardEvent.key values (letters match either case). */
  keys: readonly string[];
}

/** The keys; how the overlay writes them and what it says each does are in shortcut-help.ts. */
export const SHORTCUTS: readonly Shortcut[] = [
  { command: 'toggle-play', keys: [' '] },
  { command: 'step', keys: ['.', 'ArrowRight'] },
  { command: 'seek-back', keys: [',', 'ArrowLeft'] },
  { command: 'speed-down', keys: ['['] },
  { command: 'speed-up', keys: [']'] },
  { command: 'open-submit', keys: ['s'] },
  { command: 'open-menu', keys: ['m'] },
  { command: 'kill-selected', keys: ['Delete', 'Backspace'] },
  { command: 'toggle-heartbeats', keys: ['h'] },
  { command: 'toggle-tasks', keys: ['t'] },
  { command: 'toggle-replies', keys: ['r'] },
  { command: 'toggle-dark', keys: ['d'] },
  { command: 'help', keys: ['?'] },
  { command: 'escape', keys: ['Escape'] },
];

const BY_KEY: ReadonlyMap<string, Command> = new Map(
  SHORTCUTS.flatMap((s) => s.keys.map((k) => [k, s.command] as const)),
);

/**
 * Where the key was pressed, as far as shortcuts care:
 * - 'typing': a text field, select or editable content; every key is the field's.
 * - 'widget': a control that uses arrows, Space, Home/End itself (slider, radio, tabs, menu).
 * - 'button': Space and Enter press it.
 * - 'none': the page.
 */
export type FocusKind = 'typing' | 'widget' | 'button' | 'none';

export interface FocusedElement {
  tagName: string;
  type?: string;
  role?: string | null;
  isContentEditable?: boolean;
}

const TYPING_ROLES = new Set(['textbox', 'searchbox', 'combobox', 'spinbutton']);
const WIDGET_ROLES = new Set([
  'slider',
  'radio',
  'radiogroup',
  'tab',
  'tablist',
  'menu',
  'menuitem',
  'menuitemradio',
  'menuitemcheckbox',
  'listbox',
  'option',
  'grid',
  'gridcell',
  'tree',
  'treeitem',
  'scrollbar',
]);
const BUTTON_ROLES = new Set(['button', 'link', 'checkbox', 'switch']);
const BUTTON_INPUTS = new Set(['button', 'submit', 'reset', 'checkbox', 'image', 'file', 'color']);
const WIDGET_INPUTS = new Set(['radio', 'range']);

export function classifyFocus(el: FocusedElement | null): FocusKind {
  if (!el) return 'none';
  if (el.isContentEditable) return 'typing';
  const role = el.role ?? '';
  if (TYPING_ROLES.has(role)) return 'typing';
  if (WIDGET_ROLES.has(role)) return 'widget';
  const tag = el.tagName.toUpperCase();
  if (tag === 'TEXTAREA' || tag === 'SELECT') return 'typing';
  if (tag === 'INPUT') {
    const type = (el.type ?? 'text').toLowerCase();
    if (BUTTON_INPUTS.has(type)) return 'button';
    if (WIDGET_INPUTS.has(type)) return 'widget';
    return 'typing';
  }
  if (BUTTON_ROLES.has(role) || tag === 'BUTTON' || tag === 'A' || tag === 'SUMMARY') return 'button';
  return 'none';
}

export interface KeyInput {
  key: string;
  ctrlKey?: boolean;
  metaKey?: boolean;
  altKey?: boolean;
}

export interface KeyContext {
  focus: FocusKind;
  /** A modal dialog or the context menu is open: it owns the keyboard. */
  captured: boolean;
}

const WIDGET_KEYS = new Set([
  ' ',
  'ArrowLeft',
  'ArrowRight',
  'ArrowUp',
  'ArrowDown',
  'Home',
  'End',
  'PageUp',
  'PageDown',
]);

/** The command a key press means here, or null to leave the key to the browser or the focused control. */
export function commandForKey(e: KeyInput, ctx: KeyContext): Command | null {
  // Ctrl/Cmd/Alt combinations are the browser's and the OS's (copy, reload, tab switching).
  if (e.ctrlKey || e.metaKey || e.altKey) return null;
  if (ctx.captured || ctx.focus === 'typing') return null;
  if (ctx.focus === 'widget' && WIDGET_KEYS.has(e.key)) return null;
  if (ctx.focus === 'button' && (e.key === ' ' || e.key === 'Enter')) return null;
  // Letters regardless of Shift or Caps Lock; "?" is itself a shifted key, so Shift is not checked.
  const key = e.key.length === 1 ? e.key.toLowerCase() : e.key;
  return BY_KEY.get(key) ?? null;
}

/** The next speed step up (+1) or down (−1) from `speed`, staying within SPEEDS (sorted ascending). */
export function stepSpeed(speed: number, direction: 1 | -1, speeds: readonly number[] = SPEEDS): number {
  // The nearest step strictly beyond `speed`, so a speed that is not in the list still moves sensibly.
  const beyond = direction > 0 ? speeds.find((s) => s > speed) : speeds.findLast((s) => s < speed);
  return beyond ?? (direction > 0 ? (speeds[speeds.length - 1] as number) : (speeds[0] as number));
}

/** The theme in effect: "system" follows the OS. */
export function resolveTheme(theme: Theme, systemDark: boolean): 'light' | 'dark' {
  return theme === 'system' ? (systemDark ? 'dark' : 'light') : theme;
}

/** "d": the opposite of what is on screen now. */
export function toggledTheme(theme: Theme, systemDark: boolean): 'light' | 'dark' {
  return resolveTheme(theme, systemDark) === 'dark' ? 'light' : 'dark';
}

const SELECTION_KINDS: ReadonlySet<string> = new Set<Selection['kind']>([
  'worker',
  'master',
  'zookeeper',
  'client',
  'executor',
  'driver',
  'application',
]);

/** A canvas element's data-select ("worker:w1", "executor:app-…/0") as a selection; null if it is not one. */
export function parseSelectTarget(text: string | null | undefined): Selection | null {
  if (!text) return null;
  const colon = text.indexOf(':');
  const kind = text.slice(0, colon);
  const id = text.slice(colon + 1);
  if (colon <= 0 || id === '' || !SELECTION_KINDS.has(kind)) return null;
  return { kind, id } as Selection;
}

/**
 * What M and Delete act on: the node or card that has focus (a keyboard user's "this one"), else
 * the selection. Focus moving over the canvas with Tab does not select (the Inspector would jump at
 * every step); the key press does.
 */
export function shortcutTarget(focused: Selection | null, selection: Selection | null): Selection | null {
  return focused ?? selection;
}
