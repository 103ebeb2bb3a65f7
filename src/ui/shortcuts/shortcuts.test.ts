// The key → command mapping and when keys are left alone.
import { describe, expect, it } from 'vitest';
import { SPEEDS } from '../store';
import {
  classifyFocus,
  commandForKey,
  type KeyContext,
  parseSelectTarget,
  resolveTheme,
  SHORTCUTS,
  shortcutTarget,
  stepSpeed,
  toggledTheme,
} from './shortcuts';

const page: KeyContext = { focus: 'none', captured: false };

describe('commandForKey', () => {
  it('maps every documented key', () => {
    const expected: [string, string][] = [
      [' ', 'toggle-play'],
      ['.', 'step'],
      ['ArrowRight', 'step'],
      [',', 'seek-back'],
      ['ArrowLeft', 'seek-back'],
      ['[', 'speed-down'],
      [']', 'speed-up'],
      ['s', 'open-submit'],
      ['m', 'open-menu'],
      ['Delete', 'kill-selected'],
      ['Backspace', 'kill-selected'],
      ['h', 'toggle-heartbeats'],
      ['t', 'toggle-tasks'],
      ['r', 'toggle-replies'],
      ['d', 'toggle-dark'],
      ['?', 'help'],
      ['Escape', 'escape'],
    ];
    for (const [key, command] of expected) expect(commandForKey({ key }, page), key).toBe(command);
    // Every command in the table is reachable, and the table lists every mapped key.
    expect(new Set(expected.map(([, c]) => c))).toEqual(new Set(SHORTCUTS.map((s) => s.command)));
    expect(SHORTCUTS.flatMap((s) => s.keys).sort()).toEqual(expected.map(([k]) => k).sort());
  });

  it('matches letters in either case', () => {
    expect(commandForKey({ key: 'S' }, page)).toBe('open-submit');
    expect(commandForKey({ key: 'H' }, page)).toBe('toggle-heartbeats');
  });

  it('ignores unknown keys and modifier combinations', () => {
    expect(commandForKey({ key: 'x' }, page)).toBeNull();
    expect(commandForKey({ key: 's', ctrlKey: true }, page)).toBeNull();
    expect(commandForKey({ key: 'd', metaKey: true }, page)).toBeNull();
    expect(commandForKey({ key: 'h', altKey: true }, page)).toBeNull();
  });

  it('leaves every key to text fields, and everything to an open dialog or menu', () => {
    expect(commandForKey({ key: 's' }, { focus: 'typing', captured: false })).toBeNull();
    expect(commandForKey({ key: 'Escape' }, { focus: 'typing', captured: false })).toBeNull();
    expect(commandForKey({ key: ' ' }, { focus: 'none', captured: true })).toBeNull();
    expect(commandForKey({ key: 'Escape' }, { focus: 'none', captured: true })).toBeNull();
  });

  it('leaves arrows and Space to widgets, Space and Enter to buttons', () => {
    const widget: KeyContext = { focus: 'widget', captured: false };
    const button: KeyContext = { focus: 'button', captured: false };
    expect(commandForKey({ key: 'ArrowLeft' }, widget)).toBeNull();
    expect(commandForKey({ key: ' ' }, widget)).toBeNull();
    expect(commandForKey({ key: '.' }, widget)).toBe('step');
    expect(commandForKey({ key: ' ' }, button)).toBeNull();
    expect(commandForKey({ key: 'ArrowRight' }, button)).toBe('step');
    expect(commandForKey({ key: 'Delete' }, button)).toBe('kill-selected');
  });
});

describe('classifyFocus', () => {
  it('sorts focused elements', () => {
    expect(classifyFocus(null)).toBe('none');
    expect(classifyFocus({ tagName: 'BODY' })).toBe('none');
    expect(classifyFocus({ tagName: 'INPUT', type: 'search' })).toBe('typing');
    expect(classifyFocus({ tagName: 'INPUT' })).toBe('typing');
    expect(classifyFocus({ tagName: 'TEXTAREA' })).toBe('typing');
    expect(classifyFocus({ tagName: 'SELECT' })).toBe('typing');
    expect(classifyFocus({ tagName: 'DIV', isContentEditable: true })).toBe('typing');
    expect(classifyFocus({ tagName: 'INPUT', type: 'radio' })).toBe('widget');
    expect(classifyFocus({ tagName: 'INPUT', type: 'checkbox' })).toBe('button');
    expect(classifyFocus({ tagName: 'DIV', role: 'slider' })).toBe('widget');
    expect(classifyFocus({ tagName: 'BUTTON', role: 'tab' })).toBe('widget');
    expect(classifyFocus({ tagName: 'BUTTON' })).toBe('button');
    expect(classifyFocus({ tagName: 'A' })).toBe('button');
    expect(classifyFocus({ tagName: 'DIV', role: 'button' })).toBe('button');
  });
});

describe('stepSpeed', () => {
  it('moves one step and stops at the ends', () => {
    expect(stepSpeed(1, 1)).toBe(2);
    expect(stepSpeed(1, -1)).toBe(0.5);
    expect(stepSpeed(SPEEDS[0], -1)).toBe(SPEEDS[0]);
    expect(stepSpeed(1000, 1)).toBe(1000);
  });
  it('starts from the closest step for a speed not in the list', () => {
    expect(stepSpeed(3, 1)).toBe(5);
    expect(stepSpeed(7, -1)).toBe(5);
    expect(stepSpeed(7, 1)).toBe(10);
    expect(stepSpeed(5000, -1)).toBe(1000);
  });
});

describe('themes', () => {
  it('resolves system and toggles what is on screen', () => {
    expect(resolveTheme('system', true)).toBe('dark');
    expect(resolveTheme('system', false)).toBe('light');
    expect(resolveTheme('light', true)).toBe('light');
    expect(toggledTheme('system', true)).toBe('light');
    expect(toggledTheme('system', false)).toBe('dark');
    expect(toggledTheme('dark', false)).toBe('light');
  });
});

describe('what M and Delete act on', () => {
  it("reads a canvas element's data-select, and nothing that is not a selection", () => {
    expect(parseSelectTarget('worker:w1')).toEqual({ kind: 'worker', id: 'w1' });
    // Executor ids hold a slash and the app id; only the first colon separates the kind.
    expect(parseSelectTarget('executor:app-20260101000000-0000/3')).toEqual({
      kind: 'executor',
      id: 'app-20260101000000-0000/3',
    });
    expect(parseSelectTarget('master:m1:7077')).toEqual({ kind: 'master', id: 'm1:7077' });
    for (const bad of [null, undefined, '', 'worker', 'worker:', ':w1', 'palette:w9', 'constructor:x'])
      expect(parseSelectTarget(bad)).toBeNull();
  });

  it('the focused node wins over the selection, and the selection stands when nothing is focused', () => {
    const focused = { kind: 'worker', id: 'w2' } as const;
    const selected = { kind: 'executor', id: 'app-20260101000000-0000/0' } as const;
    expect(shortcutTarget(focused, selected)).toEqual(focused);
    expect(shortcutTarget(focused, null)).toEqual(focused);
    expect(shortcutTarget(null, selected)).toEqual(selected);
    expect(shortcutTarget(null, null)).toBeNull();
  });
});
