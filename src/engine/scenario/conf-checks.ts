// The scenario's spark-defaults.conf, checked the way the simulated daemons will read it: a value
// Spark would refuse is an error with Spark's own text (validateSettings in spark/settings.ts), as
// is one the playground cannot run; a value Spark accepts but reads differently from how it looks
// is a warning. A set-conf is checked with the conf as it stands at its moment.
import { didYouMean } from './issues';
import { getOptionalString } from '../spark/conf';
import type { SettingsProblem } from '../spark/settings';
import { validateSetting, validateSettings } from '../spark/settings';

type Conf = Readonly<Record<string, string>>;

const RECOVERY_MODES = ['NONE', 'FILESYSTEM', 'ROCKSDB', 'ZOOKEEPER', 'CUSTOM'];

/** The keys whose accepted values can still mislead. */
const WARNED_KEYS = ['spark.deploy.recoveryMode'];

/** Spark's exception texts put details on a second line; one line reads better here. */
function oneLine(message: string): string {
  return message.split('\n').join(' ');
}

/** Every value of the conf the daemons could not start with, by the key that supplied it. */
export function confErrors(conf: Conf): SettingsProblem[] {
  return validateSettings(conf).map((p) => ({ key: p.key, message: oneLine(p.message) }));
}

/** The conf's misleading values, by key. */
export function confWarnings(conf: Conf): SettingsProblem[] {
  return WARNED_KEYS.filter((key) => Object.hasOwn(conf, key)).flatMap((key) =>
    setConfWarnings(conf, key).map((message) => ({ key, message })),
  );
}

/** What is wrong with the value a set-conf gave `key`, in `conf` as it stands after it. */
export function setConfErrors(conf: Conf, key: string): string[] {
  return validateSetting(conf, key).map((p) => oneLine(p.message));
}

/** Values Spark accepts but that do not do what they seem to, for `key` in a conf of one moment. */
export function setConfWarnings(conf: Conf, key: string): string[] {
  if (!WARNED_KEYS.includes(key)) return [];
  // An invalid value is an error already; there is nothing more to say.
  if (validateSetting(conf, key).length > 0) return [];
  const mode = getOptionalString(conf, key) ?? 'NONE';
  if (RECOVERY_MODES.includes(mode)) return [];
  // Master.onStart: `recoveryMode match { case "ZOOKEEPER" … case _ => BlackHolePersistenceEngine }`.
  const hint = RECOVERY_MODES.includes(mode.toUpperCase())
    ? ` Spark compares it case-sensitively: write "${mode.toUpperCase()}".`
    : didYouMean(mode, RECOVERY_MODES);
  return [
    `spark.deploy.recoveryMode ${JSON.stringify(mode)} is not one of ${RECOVERY_MODES.join(', ')}: Spark's Master accepts any value and runs an unknown one as NONE (a BlackHolePersistenceEngine, which stores nothing, and a MonarchyLeaderAgent, under which the Master leads alone), so nothing is recovered after a Master restart.${hint}`,
  ];
}
