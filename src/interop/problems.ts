// A scenario's problems as one sentence for a dialog, a banner or a toast: the first few with
// their paths, the rest counted. The import check and the page's controller both word them so.

/** At most this many problems are spelled out; the rest are counted. */
const SHOWN_PROBLEMS = 3;

export function problemsSentence(errors: readonly { path: string; message: string }[]): string {
  const shown = errors.slice(0, SHOWN_PROBLEMS).map((e) => (e.path ? `${e.path}: ${e.message}` : e.message));
  const more = errors.length > SHOWN_PROBLEMS ? ` (and ${errors.length - SHOWN_PROBLEMS} more)` : '';
  return `${shown.join(' ')}${more}`;
}
