/**
 * Bounds on a merchant-supplied type schema, checked before Ajv compiles it. A 7,000-deep `not`
 * chain compiles into a validator that costs most of a second per request (issue 13, finding 1);
 * no real payload schema needs more than a few levels or a few hundred keywords.
 */
export const SCHEMA_MAX_DEPTH = 16;
export const SCHEMA_MAX_NODES = 500;

/** The first limit the schema breaks, as a message for `$.schema`, or undefined when it fits. */
export function schemaLimitViolation(schema: unknown): string | undefined {
  let nodes = 0;
  // Iterative, so the check itself cannot overflow the stack on a hostile depth.
  const stack: { value: unknown; depth: number }[] = [{ value: schema, depth: 1 }];
  while (stack.length > 0) {
    const { value, depth } = stack.pop()!;
    if (value === null || typeof value !== 'object') continue;
    if (depth > SCHEMA_MAX_DEPTH) return `nests deeper than ${SCHEMA_MAX_DEPTH} levels`;
    for (const child of Object.values(value)) {
      nodes += 1;
      if (nodes > SCHEMA_MAX_NODES) return `has more than ${SCHEMA_MAX_NODES} keywords and values`;
      stack.push({ value: child, depth: depth + 1 });
    }
  }
  return undefined;
}
