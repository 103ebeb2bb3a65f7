// How deeply a parsed document nests objects and lists, measured without recursion. JSON.parse
// builds a document nested 100,000 levels deep without complaint, but anything that walks it
// recursively afterwards (a structured clone for postMessage, a recursive checker) runs out of
// stack. A scenario needs four levels (the document, its actions, an action, its `between` pair), so
// restoreScenario refuses anything deeper than MAX_NESTING before it looks at a single field, and
// the page asks the same question before it posts a parsed file to the engine's worker.

/** Levels of objects and lists a scenario document may have; the deepest valid one has 4. */
export const MAX_NESTING = 64;

/**
 * Whether `value` nests objects or lists more than `maxDepth` levels deep (a scalar is depth 0,
 * `{}` and `[]` depth 1). Iterative, and it stops at the first path that goes too deep; shared
 * references are walked once per path, so a document JSON.parse made costs one visit per node.
 */
export function exceedsNesting(value: unknown, maxDepth: number = MAX_NESTING): boolean {
  const stack: { value: unknown; depth: number }[] = [{ value, depth: 0 }];
  for (let item = stack.pop(); item !== undefined; item = stack.pop()) {
    const v = item.value;
    if (typeof v !== 'object' || v === null) continue;
    const depth = item.depth + 1;
    if (depth > maxDepth) return true;
    const children: unknown[] = Array.isArray(v) ? v : Object.values(v);
    for (const child of children) {
      if (typeof child === 'object' && child !== null) stack.push({ value: child, depth });
    }
  }
  return false;
}
