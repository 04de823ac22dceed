import { Ajv2020 } from 'ajv/dist/2020.js';
import addFormats from 'ajv-formats';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createSessionId, createTestVault, type TestVault } from '../test/test-vault.ts';
import { OPERATION_DOCS } from './openapi-docs.ts';

let vault: TestVault;
let spec: any;
beforeAll(async () => {
  vault = await createTestVault();
  spec = (await vault.app.inject({ method: 'GET', url: '/openapi.json' })).json();
});
afterAll(() => vault.close());

const operations = (): [string, any][] =>
  Object.entries<Record<string, unknown>>(spec.paths).flatMap(([path, ops]) =>
    Object.entries(ops).map(([method, op]) => [`${method} ${path}`, op] as [string, unknown]),
  );

describe('the OpenAPI document', () => {
  it('describes every operation, and documents no operation that does not exist', () => {
    const keys = operations().map(([key]) => key);
    expect(keys.filter((key) => !OPERATION_DOCS[key])).toEqual([]);
    expect(Object.keys(OPERATION_DOCS).filter((key) => !keys.includes(key))).toEqual([]);
    for (const [key, op] of operations()) expect(op.description?.length ?? 0, key).toBeGreaterThan(20);
  });

  it('has an example for every JSON request and success body, and each example matches its schema', () => {
    const ajv = new Ajv2020({ strict: false, allErrors: true });
    addFormats.default(ajv);
    for (const [key, op] of operations()) {
      const bodies = [op.requestBody?.content?.['application/json'], op.responses?.['200']?.content?.['application/json']].filter(Boolean);
      for (const body of bodies) {
        expect(body.example, `${key}: example`).toBeDefined();
        const validate = ajv.compile(body.schema);
        expect(validate(body.example) ? [] : validate.errors, key).toEqual([]);
      }
      // Every operation shows at least one example, in a body or in its description.
      expect(bodies.length > 0 || /`\{|example/i.test(op.description) || op.responses?.['204'], key).toBeTruthy();
    }
  });

  it('documents 413 where a body is accepted, 415 where it must be JSON, and the webhook request', () => {
    for (const [key, op] of operations()) {
      if (op.requestBody) expect(Object.keys(op.responses), key).toContain('413');
      if (op.requestBody?.content?.['application/json']) expect(Object.keys(op.responses), key).toContain('415');
    }
    // The forward routes take any content type: a body, 413, and no 415.
    for (const key of ['post /api/pci/tokens/{id}/forward', 'post /api/network/tokens/{id}/forward']) {
      const op = operations().find(([k]) => k === key)![1];
      expect(Object.keys(op.requestBody.content), key).toEqual(['*/*']);
      expect(Object.keys(op.responses), key).toContain('413');
      expect(Object.keys(op.responses), key).not.toContain('415');
    }
    const event = spec.webhooks.securityCodeExpired.post;
    expect(event.parameters[0].name).toBe('x-hmac-signature');
    expect(event.requestBody.content['application/json'].example.type).toBe('pci.token.security-code.expired');
  });

  // Every operation authenticates (failed-authentication limit) or is complete-action (failed-completion limit),
  // except these, which no limiter guards: any new operation is checked unless it is added here.
  const NEVER_LIMITED = ['get /api/sessions/{id}', 'get /readyz', 'get /healthz'];

  it('documents 429 with Retry-After on every operation a limiter guards, each example the body the vault sends', async () => {
    for (const [key, op] of operations()) {
      if (NEVER_LIMITED.includes(key)) {
        expect(op.responses['429'], key).toBeUndefined();
        continue;
      }
      expect(op.responses['429']?.headers?.['Retry-After'], key).toBeDefined();
      expect(op.responses['429'].content['application/json'].example, key).toMatchObject({ code: 429, classifier: 'TOO_MANY_REQUESTS' });
    }
    // Both limits tripped for real: the documented examples are what a client gets.
    const limited = await createTestVault({
      authFailurePolicy: { maxFailures: 1, windowSeconds: 60 },
      completionFailurePolicy: { maxFailures: 1, windowSeconds: 60 },
    });
    try {
      const wrong = { 'x-admin-token': 'wrong-token-wrong-token-wrong-token-xx' };
      const guess = () => limited.app.inject({ method: 'GET', url: '/api/pci/tokens', headers: wrong, remoteAddress: '192.0.2.1' });
      await guess();
      const auth = await guess();
      expect(auth.statusCode).toBe(429);
      expect(auth.json()).toEqual(spec.paths['/api/pci/tokens'].get.responses['429'].content['application/json'].example);
      const sessionId = await createSessionId(limited.app);
      const complete = () =>
        limited.app.inject({
          method: 'POST',
          url: `/api/sessions/${sessionId}/complete-action`,
          payload: { action: 'tokenize_card', result: { enc_payload: 'a.b.c.d.e' } },
        });
      expect((await complete()).statusCode).toBe(422);
      const completion = await complete();
      expect(completion.statusCode).toBe(429);
      expect(Number(completion.headers['retry-after'])).toBeGreaterThan(0);
      const documented = spec.paths['/api/sessions/{id}/complete-action'].post.responses['429'];
      expect(completion.json()).toEqual(documented.content['application/json'].example);
    } finally {
      await limited.close();
    }
  });
});
