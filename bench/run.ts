// npm run bench [-- <part>...]: one JSON object on standard output with one key per part run,
// each holding its figures and its budgets (docs/architecture.md, "Quality gates").
// Each part is imported only when it runs: a part's modules (the page's, Playwright's) and what
// they run as they load must not be in the process that measures another part. The engine's
// share of the kernel loop measured 0.36–0.37 with all three imported and 0.41–0.44 alone: code
// that others ran first had made the engine's hot paths see more shapes than its own run does.
const parts: Record<string, () => Promise<unknown>> = {
  engine: async () => (await import('./engine')).runEngineBench(),
  ui: async () => (await import('./ui')).runUiBench(),
  share: async () => (await import('./share')).runShareBench(),
};

const wanted = process.argv.slice(2).filter((a) => !a.startsWith('-'));
const unknown = wanted.filter((w) => !(w in parts));
if (unknown.length) {
  process.stderr.write(`Unknown benchmark part(s): ${unknown.join(', ')}. Parts: ${Object.keys(parts).join(', ')}\n`);
  process.exit(2);
}
const result: Record<string, unknown> = {};
for (const name of wanted.length ? wanted : Object.keys(parts)) {
  process.stderr.write(`bench: ${name}...\n`);
  result[name] = await (parts[name] as () => Promise<unknown>)();
}
process.stdout.write(`${JSON.stringify(result, null, 2)}\n`);

// A module (top-level await), though it imports nothing statically.
export {};
