// Models the POSIX shell's (bash's) word splitting and quoting, the subset a spark-submit line
// uses: quotes, backslashes, line continuations, comments and $VAR expansion. Not Spark: what the
// user's shell does to a command line before bin/spark-submit sees its arguments.

export type ShellWordsResult = { ok: true; words: string[] } | { ok: false; error: string };

const SHELL_OPERATORS = new Set(['|', '&', ';', '<', '>', '(', ')']);
const VAR_NAME = /^[A-Za-z_][A-Za-z0-9_]*/;

/**
 * Splits a command line into words the way sh would before running it. Supported: single and
 * double quotes, backslash escapes, backslash-newline continuations, comments, $NAME and ${NAME}
 * (unset → empty; unquoted values are split on blanks). Refused with a message: pipes, lists,
 * redirections, subshells, command substitution. Globs (*, ?, [) and ~ are left as written,
 * since there is no file system to match them against.
 */
export function splitShellWords(line: string, env: Readonly<Record<string, string>> = {}): ShellWordsResult {
  const words: string[] = [];
  let cur = '';
  let inWord = false;
  const endWord = () => {
    if (inWord) words.push(cur);
    cur = '';
    inWord = false;
  };
  const lookup = (name: string) => (Object.prototype.hasOwnProperty.call(env, name) ? (env[name] ?? '') : '');
  /** $… at line[i]; returns the expansion (undefined: a literal '$') and the index after it. */
  const expand = (i: number): { value: string | undefined; next: number; error?: string } => {
    const rest = line.slice(i + 1);
    if (rest.startsWith('(')) return { value: undefined, next: i, error: 'command substitution $(…) is not supported' };
    if (rest.startsWith('{')) {
      const close = rest.indexOf('}');
      const name = close > 0 ? rest.slice(1, close) : '';
      if (close < 0 || !/^[A-Za-z_][A-Za-z0-9_]*$/.test(name)) {
        return { value: undefined, next: i, error: 'only ${NAME} parameter expansion is supported' };
      }
      return { value: lookup(name), next: i + 2 + close };
    }
    const m = VAR_NAME.exec(rest);
    if (m) return { value: lookup(m[0]), next: i + 1 + m[0].length };
    if (/^[0-9@*#?$!-]/.test(rest))
      return { value: undefined, next: i, error: `special parameter $${rest.charAt(0)} is not supported` };
    return { value: undefined, next: i + 1 };
  };

  let i = 0;
  while (i < line.length) {
    const c = line.charAt(i);
    if (c === ' ' || c === '\t' || c === '\n' || c === '\r') {
      endWord();
      i++;
    } else if (c === '\\') {
      const next = line.charAt(i + 1);
      if (next === '\n')
        i += 2; // line continuation
      else if (next === '\r' && line.charAt(i + 2) === '\n') i += 3;
      else if (next === '') {
        cur += '\\';
        inWord = true;
        i++;
      } else {
        cur += next;
        inWord = true;
        i += 2;
      }
    } else if (c === "'") {
      const close = line.indexOf("'", i + 1);
      if (close < 0) return { ok: false, error: "unexpected EOF while looking for matching `''" };
      cur += line.slice(i + 1, close);
      inWord = true;
      i = close + 1;
    } else if (c === '"') {
      inWord = true;
      i++;
      let closed = false;
      while (i < line.length) {
        const d = line.charAt(i);
        if (d === '"') {
          closed = true;
          i++;
          break;
        }
        if (d === '\\') {
          const next = line.charAt(i + 1);
          if (next === '\n') {
            i += 2;
            continue;
          }
          if (next === '$' || next === '`' || next === '"' || next === '\\') {
            cur += next;
            i += 2;
            continue;
          }
          cur += '\\';
          i++;
          continue;
        }
        if (d === '`') return { ok: false, error: 'command substitution `…` is not supported' };
        if (d === '$') {
          const x = expand(i);
          if (x.error) return { ok: false, error: x.error };
          cur += x.value ?? '$';
          i = x.next;
          continue;
        }
        cur += d;
        i++;
      }
      if (!closed) return { ok: false, error: 'unexpected EOF while looking for matching `"\'' };
    } else if (c === '$') {
      const x = expand(i);
      if (x.error) return { ok: false, error: x.error };
      if (x.value === undefined) {
        cur += '$';
        inWord = true;
      } else {
        // Unquoted expansion undergoes field splitting on blanks.
        const parts = x.value.split(/[ \t\n]+/);
        parts.forEach((part, k) => {
          if (k > 0) endWord();
          if (part !== '') {
            cur += part;
            inWord = true;
          }
        });
      }
      i = x.next;
    } else if (c === '#' && !inWord) {
      const nl = line.indexOf('\n', i);
      i = nl < 0 ? line.length : nl;
    } else if (c === '`') {
      return { ok: false, error: 'command substitution `…` is not supported' };
    } else if (SHELL_OPERATORS.has(c)) {
      return { ok: false, error: `shell operator '${c}' is not supported: give a single spark-submit command` };
    } else {
      cur += c;
      inWord = true;
      i++;
    }
  }
  endWord();
  return { ok: true, words };
}

/** Quotes a word for sh so that splitShellWords gives it back unchanged (bare when it can be). */
export function shellQuote(word: string): string {
  if (word !== '' && /^[A-Za-z0-9_@%+=:,./-]+$/.test(word)) return word;
  return singleQuote(word);
}

/** Always single-quotes a word for sh, whatever it is ('it'\''s' for it's). */
export function singleQuote(word: string): string {
  return `'${word.replace(/'/g, `'\\''`)}'`;
}
