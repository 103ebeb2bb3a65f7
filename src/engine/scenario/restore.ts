// The one way in for a scenario (docs/scenario-format.md): a file, a share link, localStorage, a built-in or
// the CLI all call restoreScenario(). It parses JSON text, upgrades older format versions, lets the
// zod schema validate every field and fill the defaults, runs the whole-document checks, and
// returns either a ready scenario or every problem found, each with a path and a plain message.
import type * as z from 'zod/mini';
import type { PathSegment } from './issues';
import { issue } from './issues';
import { migrate, readVersion } from './migrate';
import { exceedsNesting, MAX_NESTING } from './nesting';
import type { ScenarioDocument } from './migrate';
import { scenarioSchema } from './schema';
import { checkScenario, isKnownSetConfKey, isSparkKey, timelineOrder } from './semantics';
import { findUnknownFields } from './unknown-fields';
import type { RestoreOptions, RestoreResult, Scenario, ScenarioIssue, ScenarioSource } from './types';

const WHAT: Record<ScenarioSource, string> = {
  file: 'The file',
  url: 'The link',
  storage: 'The saved scenario',
  builtin: 'The built-in scenario',
  cli: 'The input',
};

function fail(errors: ScenarioIssue[], warnings: ScenarioIssue[] = []): RestoreResult {
  return { ok: false, errors, warnings };
}

function toIssue(zodIssue: z.core.$ZodIssue): ScenarioIssue {
  return issue(zodIssue.path as PathSegment[], zodIssue.message);
}

/**
 * The parser's own message, plus line and column when it only gives a character position (V8 in
 * Node 20 says "... at position 14"; newer engines already add the line).
 */
export function jsonErrorMessage(text: string, error: unknown): string {
  const message = error instanceof Error ? error.message : String(error);
  const position = /at position (\d+)/.exec(message);
  if (position === null || /line \d+/.test(message)) return message;
  const before = text.slice(0, Number(position[1]));
  const line = before.split('\n').length;
  const column = before.length - before.lastIndexOf('\n');
  return `${message} (line ${line}, column ${column})`;
}

/** Drops what Spark would ignore (non-`spark.*` conf keys) and puts actions in timeline order. */
function finish(s: Scenario): Scenario {
  const conf = Object.fromEntries(Object.entries(s.conf).filter(([key]) => isSparkKey(key)));
  const actions = timelineOrder(s.actions)
    .map((i) => s.actions[i])
    .filter((a) => a !== undefined)
    .filter((a) => a.type !== 'set-conf' || isKnownSetConfKey(a.key));
  return { ...s, conf, actions };
}

export function restoreScenario(input: unknown, opts: RestoreOptions = {}): RestoreResult {
  const what = WHAT[opts.source ?? 'file'];

  let value = input;
  if (typeof input === 'string') {
    try {
      value = JSON.parse(input) as unknown;
    } catch (e) {
      return fail([issue([], `${what} is not valid JSON: ${jsonErrorMessage(input, e)}`)]);
    }
  }
  if (typeof value !== 'object' || value === null || Array.isArray(value)) {
    return fail([
      issue([], `${what} does not hold a scenario: expected a JSON object such as {"version": 1, "workers": []}.`),
    ]);
  }

  // Before anything walks the document: a deep one must not reach a recursive walk.
  if (exceedsNesting(value, MAX_NESTING)) {
    return fail([
      issue(
        [],
        `${what} nests objects or lists more than ${MAX_NESTING} levels deep; a scenario never needs more than 4 (the document, its actions, an action, its "between" pair).`,
      ),
    ]);
  }

  const warnings: ScenarioIssue[] = [];
  const version = readVersion(value as ScenarioDocument);
  if (!version.ok) return fail([version.error]);
  const doc = migrate(value as ScenarioDocument, version.version, (w) => warnings.push(w));

  warnings.push(...findUnknownFields(scenarioSchema, doc));
  const parsed = scenarioSchema.safeParse(doc);
  if (!parsed.success) return fail(parsed.error.issues.map(toIssue), warnings);

  const report = checkScenario(parsed.data);
  warnings.push(...report.warnings);
  if (report.errors.length > 0) return fail(report.errors, warnings);
  return { ok: true, scenario: finish(parsed.data), warnings };
}
