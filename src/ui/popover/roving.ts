// Arrow-key movement through a list (a menu's items, a listbox's options, a popover's controls):
// which index a key moves to, wrapping at both ends. Pure, so the keyboard rules are tested apart
// from the components that use them.

/** The index `key` moves to from `current` among `count` items, or null if the key moves nothing. */
export function rovingIndex(key: string, current: number, count: number): number | null {
  if (count === 0) return null;
  switch (key) {
    case 'ArrowDown':
      return current < 0 ? 0 : (current + 1) % count;
    case 'ArrowUp':
      return current < 0 ? count - 1 : (current - 1 + count) % count;
    case 'Home':
    case 'PageUp':
      return 0;
    case 'End':
    case 'PageDown':
      return count - 1;
    default:
      return null;
  }
}

/**
 * Type-ahead: the first label after `current` (wrapping) that starts with `typed`, ignoring case;
 * -1 when none does. Starting after the current one lets repeated presses of one letter cycle.
 */
export function typeAheadIndex(labels: readonly string[], typed: string, current: number): number {
  const needle = typed.toLowerCase();
  if (!needle) return -1;
  const n = labels.length;
  // A word being typed stays on the current item while it still matches.
  const from = needle.length > 1 ? current : current + 1;
  for (let k = 0; k < n; k++) {
    const i = (((from + k) % n) + n) % n;
    if ((labels[i] ?? '').toLowerCase().startsWith(needle)) return i;
  }
  return -1;
}
