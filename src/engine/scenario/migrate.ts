// Scenario format versions and the chain of migrations between them. Links shared today must open
// in every later playground, so an old document is upgraded one version at a time
// (1 → 2 → 3 ...) before the current schema validates it. Only version 1 exists so far: the chain
// is empty, and adding version 2 means writing MIGRATIONS[1] and bumping SCENARIO_FORMAT_VERSION.
import { issue, show } from './issues';
import type { ScenarioIssue } from './types';
import { SCENARIO_FORMAT_VERSION } from './types';

export type ScenarioDocument = Record<string, unknown>;

/** Turns a version-n document into a version-(n+1) one; `warn` reports anything it had to drop. */
export type Migration = (doc: ScenarioDocument, warn: (issue: ScenarioIssue) => void) => ScenarioDocument;

/** MIGRATIONS[n] migrates version n to n + 1. */
export const MIGRATIONS: Readonly<Record<number, Migration>> = {};

export type VersionRead = { ok: true; version: number } | { ok: false; error: ScenarioIssue };

export function readVersion(doc: ScenarioDocument, newest = SCENARIO_FORMAT_VERSION): VersionRead {
  const version = doc.version;
  if (version === undefined) {
    return {
      ok: false,
      error: issue(['version'], `Missing: the scenario format version (this playground writes ${newest}).`),
    };
  }
  if (typeof version !== 'number' || !Number.isInteger(version) || version < 1) {
    return {
      ok: false,
      error: issue(
        ['version'],
        `Expected the scenario format version, a whole number of at least 1; got ${show(version)}.`,
      ),
    };
  }
  if (version > newest) {
    return {
      ok: false,
      error: issue(
        ['version'],
        `This scenario was made by a newer version of the playground (format version ${version}; this one reads up to ${newest}).`,
      ),
    };
  }
  return { ok: true, version };
}

/**
 * Applies the chain from `from` up to `to`. Each step also stamps the new version, so a migration
 * only has to reshape the fields it changes.
 */
export function migrate(
  doc: ScenarioDocument,
  from: number,
  warn: (issue: ScenarioIssue) => void,
  to = SCENARIO_FORMAT_VERSION,
  chain: Readonly<Record<number, Migration>> = MIGRATIONS,
): ScenarioDocument {
  let current = doc;
  for (let v = from; v < to; v++) {
    const step = chain[v];
    // A gap in the chain is a bug in the playground, not in the scenario.
    if (step === undefined) throw new Error(`No migration from scenario format version ${v} to ${v + 1}.`);
    current = { ...step(current, warn), version: v + 1 };
  }
  return current;
}
