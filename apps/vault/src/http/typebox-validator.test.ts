import { Type } from 'typebox';
import { describe, expect, it } from 'vitest';
import { typeBoxValidatorCompiler } from './typebox-validator.ts';

const compile = (schema: ReturnType<typeof Type.Object>, httpPart: string) =>
  typeBoxValidatorCompiler({ schema, httpPart, method: 'GET', url: '/x' }) as (value: unknown) => { value?: unknown; error?: unknown };

describe('typeBoxValidatorCompiler', () => {
  const page = Type.Object({ limit: Type.Optional(Type.Integer({ minimum: 1, maximum: 100 })), after: Type.Optional(Type.String()) });

  it('returns a value that already validates as it is', () => {
    const params = { id: '0b9a' };
    expect(compile(Type.Object({ id: Type.String() }), 'params')(params).value).toBe(params);
  });

  it('converts a querystring that does not validate as text', () => {
    expect(compile(page, 'querystring')({ limit: '20', after: 'abc' })).toEqual({ value: { limit: 20, after: 'abc' } });
  });

  it('reports what still fails after conversion', () => {
    expect(compile(page, 'querystring')({ limit: 'twenty' }).error).toEqual(expect.arrayContaining([expect.objectContaining({ instancePath: '/limit' })]));
    expect(compile(page, 'querystring')({ limit: '500' }).error).toBeDefined();
  });

  it('never converts a body: JSON has types', () => {
    expect(compile(page, 'body')({ limit: '20' }).error).toBeDefined();
  });
});
