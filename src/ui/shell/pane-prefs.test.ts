import { describe, expect, it } from 'vitest';
import { DEFAULT_PANES, DOCK_HEIGHT, keyedSize, readPanePrefs, SIDE_WIDTH } from './pane-prefs';

describe('readPanePrefs', () => {
  it('falls back to the defaults when nothing or garbage was saved', () => {
    expect(readPanePrefs(null)).toEqual(DEFAULT_PANES);
    expect(readPanePrefs('{not json')).toEqual(DEFAULT_PANES);
    expect(readPanePrefs('"a string"')).toEqual(DEFAULT_PANES);
  });
  it('keeps what was saved, field by field, and clamps sizes into their range', () => {
    expect(readPanePrefs(JSON.stringify({ sideWidth: 500, sideOpen: false, dockOpen: true }))).toEqual({
      ...DEFAULT_PANES,
      sideWidth: 500,
      sideOpen: false,
      dockOpen: true,
    });
    expect(readPanePrefs(JSON.stringify({ sideWidth: 10_000, dockHeight: 3 }))).toMatchObject({
      sideWidth: SIDE_WIDTH.max,
      dockHeight: DOCK_HEIGHT.min,
    });
    expect(readPanePrefs(JSON.stringify({ sideWidth: 'wide', dockOpen: 'yes' }))).toEqual(DEFAULT_PANES);
  });
});

describe('keyedSize', () => {
  const grow = ['ArrowLeft', 'ArrowRight'] as const;
  it('steps 16 px, or 64 with Shift, in the direction that grows or shrinks the pane', () => {
    expect(keyedSize('ArrowLeft', false, 400, SIDE_WIDTH, grow)).toBe(416);
    expect(keyedSize('ArrowRight', false, 400, SIDE_WIDTH, grow)).toBe(384);
    expect(keyedSize('ArrowLeft', true, 400, SIDE_WIDTH, grow)).toBe(464);
  });
  it('stops at the range and jumps to its ends with Home and End', () => {
    expect(keyedSize('ArrowRight', true, SIDE_WIDTH.min + 10, SIDE_WIDTH, grow)).toBe(SIDE_WIDTH.min);
    expect(keyedSize('Home', false, 400, SIDE_WIDTH, grow)).toBe(SIDE_WIDTH.min);
    expect(keyedSize('End', false, 400, SIDE_WIDTH, grow)).toBe(SIDE_WIDTH.max);
  });
  it('ignores other keys', () => {
    expect(keyedSize('ArrowUp', false, 400, SIDE_WIDTH, grow)).toBeNull();
  });
});
