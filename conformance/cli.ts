// npm run conformance [--json] [--only <regex>] [--quick]: every conformance scenario on real
// Spark and in the simulator, a summary table (or --json) and conformance/report.md. See main.ts.
import { conformanceMain, defaultIo } from './main';

const controller = new AbortController();
process.once('SIGINT', () => controller.abort());
process.once('SIGTERM', () => controller.abort());
process.exitCode = await conformanceMain(process.argv.slice(2), defaultIo(controller.signal));
