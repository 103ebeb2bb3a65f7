// Unknown fields are reported as warnings, never fatal (docs/scenario-format.md): a scenario written by a
// slightly different playground, or with a typo in an optional field, still loads. The schema
// itself strips unknown keys; this walks the raw document alongside the schema to name them, so
// the list of known fields always comes from the schema and cannot drift from it.
import * as z from 'zod/mini';
import type { PathSegment } from './issues';
import { didYouMean, issue } from './issues';
import { ignoredKeyMessage } from './semantics';
import type { ScenarioIssue } from './types';

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** The option of a discriminated union that the value's discriminator selects, if any. */
function selectOption(schema: z.ZodMiniDiscriminatedUnion, value: Record<string, unknown>): z.ZodMiniType | undefined {
  const key = schema._zod.def.discriminator;
  for (const option of schema._zod.def.options) {
    if (!(option instanceof z.ZodMiniObject)) continue;
    const tag = (option.shape as Record<string, unknown>)[key];
    if (tag instanceof z.ZodMiniLiteral && (tag._zod.values as Set<unknown>).has(value[key])) return option;
  }
  return undefined;
}

export function findUnknownFields(schema: z.ZodMiniType, value: unknown, path: PathSegment[] = []): ScenarioIssue[] {
  if (schema instanceof z.ZodMiniOptional || schema instanceof z.ZodMiniDefault) {
    return value === undefined ? [] : findUnknownFields(schema._zod.def.innerType as z.ZodMiniType, value, path);
  }
  if (schema instanceof z.ZodMiniDiscriminatedUnion) {
    if (!isRecord(value)) return [];
    const option = selectOption(schema, value);
    return option ? findUnknownFields(option, value, path) : [];
  }
  if (schema instanceof z.ZodMiniArray) {
    if (!Array.isArray(value)) return [];
    return value.flatMap((item, i) => findUnknownFields(schema._zod.def.element as z.ZodMiniType, item, [...path, i]));
  }
  if (schema instanceof z.ZodMiniObject) {
    if (!isRecord(value)) return [];
    const shape = schema.shape as Record<string, z.ZodMiniType>;
    const known = Object.keys(shape);
    const out: ScenarioIssue[] = [];
    for (const [key, child] of Object.entries(value)) {
      // Own properties only: `constructor` or `toString` must not find Object.prototype's.
      const childSchema = Object.hasOwn(shape, key) ? shape[key] : undefined;
      if (childSchema === undefined) {
        out.push(issue([...path, key], `Unknown field "${key}" is ignored.${didYouMean(key, known)}`));
      } else {
        out.push(...findUnknownFields(childSchema, child, [...path, key]));
      }
    }
    return out;
  }
  if (schema instanceof z.ZodMiniRecord) {
    // JSON.parse makes "__proto__" an own key like any other, but zod's records drop it without
    // a word; every other non-Spark key gets its warning from semantics.ts.
    if (isRecord(value) && Object.hasOwn(value, '__proto__'))
      return [issue([...path, '__proto__'], ignoredKeyMessage('__proto__'))];
    return [];
  }
  // Tuples of strings and scalars hold no named fields.
  return [];
}
