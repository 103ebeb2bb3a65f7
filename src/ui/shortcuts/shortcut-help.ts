// What the shortcuts overlay says of each command in shortcuts.ts: how its keys are written and
// what it does. Apart from the key table so that these words come with the overlay's chunk, not
// in the page's entry script; a Record over every Command, so none can be left out.
import type { Command } from './shortcuts';

export interface ShortcutHelp {
  /** How the keys are written in the overlay. */
  labels: readonly string[];
  description: string;
}

export const SHORTCUT_HELP: Readonly<Record<Command, ShortcutHelp>> = {
  'toggle-play': { labels: ['Space'], description: 'Play or pause' },
  step: { labels: ['.', '→'], description: 'Step to the next event' },
  'seek-back': { labels: [',', '←'], description: 'Go back one second' },
  'speed-down': { labels: ['['], description: 'Slower' },
  'speed-up': { labels: [']'], description: 'Faster' },
  'open-submit': { labels: ['S'], description: 'Submit an application' },
  'open-menu': { labels: ['M'], description: 'Open the actions menu of the focused or selected thing' },
  'kill-selected': {
    labels: ['Delete', 'Backspace'],
    description: 'Kill the focused or selected worker, executor, driver or application',
  },
  'toggle-heartbeats': { labels: ['H'], description: 'Show or hide heartbeats' },
  'toggle-tasks': { labels: ['T'], description: 'Show or hide task messages' },
  'toggle-replies': { labels: ['R'], description: 'Show or hide the replies to asks (↩ ExecutorStateChanged: true)' },
  'toggle-dark': { labels: ['D'], description: 'Switch between dark and light theme' },
  help: { labels: ['?'], description: 'Show this list of shortcuts' },
  escape: { labels: ['Esc'], description: 'Close menus and dialogs, or clear the selection' },
};
