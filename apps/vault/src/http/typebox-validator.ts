import type { FastifySchemaCompiler } from 'fastify';
import type { TSchema } from 'typebox';
import { Compile } from 'typebox/compile';
import { Value } from 'typebox/value';

/**
 * @fastify/type-provider-typebox's compiler, except that params, querystring and headers are
 * converted (`'20'` → `20`) only when they do not already validate. Its compiler converts on
 * every request, which on a GET by id cost more than the database lookup. For the vault's
 * parameter schemas (strings, integers, string enums) a value that already checks is exactly what
 * conversion would return. Bodies are never converted: JSON has types.
 */
export const typeBoxValidatorCompiler: FastifySchemaCompiler<TSchema> = ({ schema, httpPart }) => {
  const check = Compile(schema);
  return (value: unknown) => {
    if (check.Check(value)) return { value };
    const converted = httpPart === 'body' ? value : Value.Convert(schema, value);
    if (check.Check(converted)) return { value: converted };
    return { error: check.Errors(converted) as never };
  };
};
