// What a built-in scenario is: its catalogue entry (catalogue.ts, in the page's entry script) and
// the details the library chunk adds (library.ts). Types only, shared by both.

/** A built-in as the picker lists it. */
export interface BuiltinEntry {
  /** Stable, URL-safe: share links and the picker refer to it. */
  id: string;
  title: string;
  /** One sentence. */
  summary: string;
}

/** What a built-in adds to its catalogue entry; library.ts holds it for all but the first. */
export interface BuiltinDetails {
  /** Short markdown: what to watch, with Spark's message names. */
  explanation: string;
  /** The raw scenario document, as a file would hold it. */
  scenario: Readonly<Record<string, unknown>>;
}

export type BuiltinScenario = BuiltinEntry & BuiltinDetails;
