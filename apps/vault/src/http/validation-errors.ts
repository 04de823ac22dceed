/** The subset of TypeBox's / Ajv's error objects we read. */
export interface SchemaError {
  keyword: string;
  instancePath: string;
  schemaPath: string;
  params: Record<string, unknown>;
  message?: string | undefined;
}

function jsonPath(base: string, pointer: string): string {
  if (pointer === '') return base;
  return (
    base +
    pointer
      .split('/')
      .slice(1)
      .map((seg) => seg.replace(/~1/g, '/').replace(/~0/g, '~'))
      .map((seg) => (/^\d+$/.test(seg) ? `[${seg}]` : /^[A-Za-z_][A-Za-z0-9_]*$/.test(seg) ? `.${seg}` : `['${seg.replace(/'/g, "\\'")}']`))
      .join('')
  );
}

/**
 * Turns schema errors into Guardian `validation_errors` with JSON paths into the request
 * (`$.source.account_number`). For a union (`source` is session | pan), only the errors of
 * the branch whose `type` matched are kept, so a PAN request is not told it is a bad session.
 */
export function typeboxErrorsToValidation(list: Iterable<SchemaError>, base = '$'): { path: string; message: string }[] {
  let all = [...list];
  const branchOf = (e: SchemaError) => /^(.*\/anyOf)\/(\d+)/.exec(e.schemaPath);
  const rejected = new Set<string>();
  for (const e of all) {
    const m = branchOf(e);
    if (m && e.keyword === 'const' && e.instancePath.endsWith('/type')) rejected.add(`${m[1]}/${m[2]}`);
  }
  all = all.filter((e) => {
    const m = branchOf(e);
    return !m || !rejected.has(`${m[1]}/${m[2]}`);
  });
  if (all.some((e) => e.keyword !== 'anyOf')) all = all.filter((e) => e.keyword !== 'anyOf');
  const out: { path: string; message: string }[] = [];
  const seen = new Set<string>();
  for (const e of all) {
    if (e.keyword === 'required') {
      for (const prop of (e.params.requiredProperties as string[] | undefined) ?? [e.params.missingProperty as string]) {
        const item = { path: jsonPath(base, `${e.instancePath}/${prop}`), message: 'is required' };
        if (!seen.has(item.path + item.message)) out.push(item), seen.add(item.path + item.message);
      }
      continue;
    }
    if (e.keyword === 'additionalProperties') {
      const props = (e.params.additionalProperties as string[] | undefined) ?? [e.params.additionalProperty as string];
      for (const prop of props) {
        const item = { path: jsonPath(base, `${e.instancePath}/${prop}`), message: 'is not allowed' };
        if (!seen.has(item.path + item.message)) out.push(item), seen.add(item.path + item.message);
      }
      continue;
    }
    if (e.keyword === 'boolean') {
      // TypeBox reports additionalProperties: false as a `false` schema on the property itself.
      if (!e.schemaPath.endsWith('/additionalProperties')) continue;
      const item = { path: jsonPath(base, e.instancePath), message: 'is not allowed' };
      if (!seen.has(item.path + item.message)) out.push(item), seen.add(item.path + item.message);
      continue;
    }
    const entry = { path: jsonPath(base, e.instancePath), message: e.message ?? 'is invalid' };
    if (!seen.has(entry.path + entry.message)) out.push(entry), seen.add(entry.path + entry.message);
  }
  return out;
}
