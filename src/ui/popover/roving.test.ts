import { describe, expect, it } from 'vitest';
import { rovingIndex, typeAheadIndex } from './roving';

describe('rovingIndex', () => {
  it('moves down and up, wrapping at both ends', () => {
    expect(rovingIndex('ArrowDown', 0, 3)).toBe(1);
    expect(rovingIndex('ArrowDown', 2, 3)).toBe(0);
    expect(rovingIndex('ArrowUp', 0, 3)).toBe(2);
    expect(rovingIndex('ArrowUp', 2, 3)).toBe(1);
  });
  it('starts at the first item going down and at the last going up when none is current', () => {
    expect(rovingIndex('ArrowDown', -1, 3)).toBe(0);
    expect(rovingIndex('ArrowUp', -1, 3)).toBe(2);
  });
  it('jumps to the ends with Home and End, and ignores other keys and empty lists', () => {
    expect(rovingIndex('Home', 2, 3)).toBe(0);
    expect(rovingIndex('End', 0, 3)).toBe(2);
    expect(rovingIndex('a', 0, 3)).toBeNull();
    expect(rovingIndex('ArrowDown', 0, 0)).toBeNull();
  });
});

describe('typeAheadIndex', () => {
  const labels = ['Client mode', 'Cluster mode', 'Spread out', 'Sandbox'];
  it('cycles through the labels that start with a repeated letter', () => {
    expect(typeAheadIndex(labels, 's', 0)).toBe(2);
    expect(typeAheadIndex(labels, 's', 2)).toBe(3);
    expect(typeAheadIndex(labels, 's', 3)).toBe(2);
  });
  it('keeps the current label while a longer prefix still matches it', () => {
    expect(typeAheadIndex(labels, 'cl', 0)).toBe(0);
    expect(typeAheadIndex(labels, 'clu', 0)).toBe(1);
  });
  it('answers -1 when nothing matches', () => {
    expect(typeAheadIndex(labels, 'x', 0)).toBe(-1);
    expect(typeAheadIndex(labels, '', 0)).toBe(-1);
  });
});
