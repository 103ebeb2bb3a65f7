// npm run real -- <scenario.json> [--json]: one scenario of your own on real Spark and in the
// simulator, and the same comparison as npm run conformance. See main.ts.
import { defaultIo, realMain } from './main';

const controller = new AbortController();
process.once('SIGINT', () => controller.abort());
process.once('SIGTERM', () => controller.abort());
process.exitCode = await realMain(process.argv.slice(2), defaultIo(controller.signal));
