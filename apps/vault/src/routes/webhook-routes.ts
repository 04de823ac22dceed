import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { Type } from 'typebox';
import type { VaultDeps } from '../domain/vault-deps.ts';
import { errors } from '../http/api-error.ts';
import { idempotent } from '../http/idempotent.ts';
import { ErrorGeneric, ErrorValidation, IdempotencyHeaders, IdParams, Links, PageQuery } from '../http/schemas.ts';
import { Webhook, WebhookCreated, WebhookCreateRequest } from '../webhooks/webhook-schemas.ts';
import { webhookUrlProblem } from '../webhooks/webhook-address-policy.ts';
import { createWebhook, deleteWebhook, findWebhook, listWebhooks, toWebhookView } from '../webhooks/webhooks.ts';

const security: Record<string, string[]>[] = [{ APIKey: [] }, { AdminToken: [] }];
const base = { 401: ErrorGeneric, 403: ErrorGeneric };

/**
 * `/api/admin/webhooks`. Events are POSTed as the tiny event body with `x-hmac-signature`
 * (hex HMAC-SHA256 of the raw body); any non-2xx answer is retried with backoff.
 */
export function webhookRoutes(deps: VaultDeps): FastifyPluginAsyncTypebox {
  return async (app) => {
    app.post(
      '/api/admin/webhooks',
      {
        config: { scope: 'admin:webhooks:create' },
        schema: {
          tags: ['webhook'],
          operationId: 'admin_webhook_create',
          summary: 'Create webhook',
          headers: IdempotencyHeaders,
          body: WebhookCreateRequest,
          response: { 200: WebhookCreated, ...base, 409: ErrorGeneric, 422: ErrorValidation },
          security,
        },
      },
      async (request, reply) => {
        const { url, events, hmac_key } = request.body;
        const protocol = URL.canParse(url) ? new URL(url).protocol : '';
        if (protocol !== 'https:' && protocol !== 'http:') throw errors.validation([{ path: '$.url', message: 'must be an http(s) URL' }]);
        const addressProblem = await webhookUrlProblem(url, deps.webhookNetworkPolicy);
        if (addressProblem) throw errors.validation([{ path: '$.url', message: addressProblem }]);
        return idempotent(deps, request, reply, async (scoped) => ({ status: 200, body: await createWebhook(scoped, { url, events, hmacKey: hmac_key }) }));
      },
    );

    app.get(
      '/api/admin/webhooks',
      {
        config: { scope: 'admin:webhooks:read' },
        schema: {
          tags: ['webhook'],
          operationId: 'admin_webhook_list',
          summary: 'Get webhooks',
          querystring: PageQuery,
          response: { 200: Type.Object({ data: Type.Array(Webhook), links: Links }), ...base, 422: ErrorValidation },
          security,
        },
      },
      async (request) => {
        const limit = request.query.limit ?? 20;
        const { page, hasMore } = await listWebhooks(deps, limit, request.query.after);
        const last = page.at(-1);
        return {
          data: page.map(toWebhookView),
          links: { next: hasMore && last ? `${deps.publicUrl}/api/admin/webhooks?after=${last.id}&limit=${limit}` : null },
        };
      },
    );

    app.get(
      '/api/admin/webhooks/:id',
      {
        config: { scope: 'admin:webhooks:read' },
        schema: {
          tags: ['webhook'],
          operationId: 'admin_webhook_get',
          summary: 'Get webhook details',
          params: IdParams,
          response: { 200: Webhook, ...base, 404: ErrorGeneric },
          security,
        },
      },
      async (request) => {
        const row = await findWebhook(deps, request.params.id);
        if (!row) throw errors.notFound();
        return toWebhookView(row);
      },
    );

    app.delete(
      '/api/admin/webhooks/:id',
      {
        config: { scope: 'admin:webhooks:delete' },
        schema: {
          tags: ['webhook'],
          operationId: 'admin_webhook_delete',
          summary: 'Delete webhook',
          description: 'Also drops its undelivered events.',
          params: IdParams,
          response: { 204: Type.Null(), ...base, 404: ErrorGeneric },
          security,
        },
      },
      async (request, reply) => {
        if (!(await deleteWebhook(deps, request.params.id))) throw errors.notFound();
        return reply.code(204).send(null);
      },
    );
  };
}
