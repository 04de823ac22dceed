import { randomUUID } from 'node:crypto';
import Ajv2020, { type ValidateFunction } from 'ajv/dist/2020.js';
import addFormats from 'ajv-formats';
import { errors } from '../http/api-error.ts';
import { typeboxErrorsToValidation } from '../http/validation-errors.ts';
import type { VaultDeps } from '../domain/vault-deps.ts';
import type { TypesTable } from '../storage/extras-tables.ts';
import { linearRegExp } from './linear-regexp.ts';
import { schemaLimitViolation } from './schema-limits.ts';

export interface TypeView {
  id: string;
  created_at: string;
  name: string;
  schema: Record<string, unknown>;
}

export interface TypeRegistry {
  create(name: string, schema: Record<string, unknown>): Promise<TypeView>;
  find(id: string): Promise<TypesTable | undefined>;
  list(limit: number, after: string | undefined): Promise<{ page: TypesTable[]; hasMore: boolean }>;
  /** False when absent; throws 409 while live generic tokens still name the type. */
  delete(id: string): Promise<boolean>;
  /** Throws a 422 whose paths point into the request (`$.payload.iban`) when the payload does not fit. */
  validate(row: TypesTable, payload: Record<string, string>): void;
}

export function toTypeView(row: TypesTable): TypeView {
  return { id: row.id, created_at: new Date(row.created_at).toISOString(), name: row.name, schema: JSON.parse(row.schema) };
}

/**
 * Types are JSON Schema 2020-12 documents compiled by Ajv's 2020 build. Unknown keywords are an
 * error (a typo must not silently validate nothing); remote `$ref`s are never fetched, so they fail
 * to compile. Types are immutable, so a compiled validator is cached by id for the process' life
 * (and dropped on delete).
 */
export function createTypeRegistry(deps: VaultDeps): TypeRegistry {
  const ajv = new Ajv2020({
    allErrors: true,
    strictSchema: true,
    strictNumbers: true,
    strictTypes: false,
    strictTuples: false,
    strictRequired: false,
    // A merchant's schema is data, not code we trust with a shared namespace: no `$id` reuse across types.
    addUsedSchema: false,
    // `pattern`/`patternProperties` run on RE2: linear time whatever the merchant wrote.
    code: { regExp: linearRegExp },
  });
  addFormats(ajv);
  const cache = new Map<string, ValidateFunction>();

  const compile = (schema: Record<string, unknown>): ValidateFunction => {
    const tooBig = schemaLimitViolation(schema);
    if (tooBig) throw errors.validation([{ path: '$.schema', message: tooBig }]);
    try {
      return ajv.compile(schema);
    } catch (error) {
      throw errors.validation([{ path: '$.schema', message: `is not a valid JSON Schema 2020-12: ${(error as Error).message}` }]);
    }
  };

  return {
    async create(name, schema) {
      const validator = compile(schema);
      const row: TypesTable = { id: randomUUID(), name, schema: JSON.stringify(schema), created_at: deps.now() };
      await deps.db.insertInto('types').values(row).execute();
      cache.set(row.id, validator);
      return toTypeView(row);
    },
    async find(id) {
      return deps.db.selectFrom('types').selectAll().where('id', '=', id).executeTakeFirst();
    },
    async list(limit, after) {
      let query = deps.db
        .selectFrom('types')
        .selectAll()
        .orderBy('id')
        .limit(limit + 1);
      if (after) query = query.where('id', '>', after);
      const rows = await query.execute();
      return { page: rows.slice(0, limit), hasMore: rows.length > limit };
    },
    async delete(id) {
      const row = await this.find(id);
      if (!row) return false;
      const inUse = await deps.db
        .selectFrom('generic_tokens')
        .select('id')
        .where('type_id', '=', id)
        .where((eb) => eb.or([eb('expires_at', 'is', null), eb('expires_at', '>', deps.now())]))
        .limit(1)
        .executeTakeFirst();
      if (inUse) throw errors.conflict();
      await deps.db.deleteFrom('types').where('id', '=', id).execute();
      // Ajv keeps its own reference to every compiled schema; drop it with ours.
      const validator = cache.get(id);
      if (validator) ajv.removeSchema(validator.schema as object);
      cache.delete(id);
      return true;
    },
    validate(row, payload) {
      let validator = cache.get(row.id);
      if (!validator) {
        validator = compile(JSON.parse(row.schema) as Record<string, unknown>);
        cache.set(row.id, validator);
      }
      if (!validator(payload)) throw errors.validation(typeboxErrorsToValidation(validator.errors ?? [], '$.payload'));
    },
  };
}
