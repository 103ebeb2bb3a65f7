// spark-submit's model, one module per Spark file (see ../CONTEXT.md): the public surface the rest
// of the engine and the page use. A line goes shell-words -> launcher -> spark-submit-arguments ->
// prepare-submit-environment (-> client-arguments for the legacy gateway); command-line reads and
// writes the line for the form.
export type { DeployMode, SubmitCommandLine, SubmitFailure, SubmitResult, SubmitSpec, SubmitSuccess } from './types';
export { legacyClientJarUrlError } from './client-arguments';
export { parseSubmitCommandLine, renderSparkSubmit } from './command-line';
export { parseSparkSubmit } from './prepare-submit-environment';
export { shellQuote, singleQuote, splitShellWords } from './shell-words';
export {
  DEFAULT_SPARK_HOME,
  parseStandaloneMasterUrls,
  resolveURI,
  resolveURIs,
  restAddressFromSparkUrl,
  rpcAddressFromSparkUrl,
} from './uris';
export { DEFAULT_SPARK_VERSION, SPARK_SUBMIT_USAGE, sparkVersionBanner } from './usage';
