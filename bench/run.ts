// npm run bench [-- <part>...]: one JSON object on standard output with one key per part run,
// each holding its figures and its budgets (docs/architecture.md, "Quality gates").
import { runEngineBench } from './engine';
import { runShareBench } from './share';
import { runUiBench } from './ui';

const parts: Record<string, () => unknown> = {
  engine: () => runEngineBench(),
  ui: () => runUiBench(),
  share: () => runShareBench(),
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
  result[name] = await (parts[name] as () => unknown)();
}
process.stdout.write(`${JSON.stringify(result, null, 2)}\n`);
