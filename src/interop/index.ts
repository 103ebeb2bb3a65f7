// The interop barrel: scenarios in from a real Master's /json, out to a real Spark Standalone cluster, and the two dialogs that offer both.
export { scenarioFromMasterJson, mibToMemoryString } from './import-master-json';
export type { MasterJsonImport } from './import-master-json';
export { exportForRealSpark, imageTagOf, projectNameOf, ADDED_LATER_PROFILE, SPARK_IMAGE, ZOOKEEPER_IMAGE } from './export-real-spark';
export type { ExportBundle, ExportFile } from './export-real-spark';
export { scenarioJsonFileName, scenarioJsonText } from './dialog-helpers';
export { ExportDialog } from './ExportDialog';
export type { ExportDialogProps } from './ExportDialog';
export { ImportDialog, MAX_SCENARIO_FILE_BYTES } from './ImportDialog';
export type { ImportDialogProps } from './ImportDialog';
