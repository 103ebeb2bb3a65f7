// Test helper: the JvmException a call throws (Spark's error class and message), or a failure.
import { JvmException } from '../spark/memory';

export function thrown(fn: () => unknown): JvmException {
  try {
    fn();
  } catch (e) {
    if (e instanceof JvmException) return e;
    throw e;
  }
  throw new Error('expected a JvmException');
}
