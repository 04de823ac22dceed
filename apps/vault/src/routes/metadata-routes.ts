import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import type { VaultDeps } from '../domain/vault-deps.ts';
import { idempotent } from '../http/idempotent.ts';
import { ErrorGeneric, ErrorValidation, IdempotencyHeaders } from '../http/schemas.ts';
import { createInquiry, InquiryRequest, InquiryResponse } from '../metadata/inquiries.ts';

const security: Record<string, string[]>[] = [{ APIKey: [] }, { AdminToken: [] }];

/** `POST /api/metadata/inquiries`: card metadata from the operator's BIN range table. */
export function metadataRoutes(deps: VaultDeps): FastifyPluginAsyncTypebox {
  return async (app) => {
    app.post(
      '/api/metadata/inquiries',
      {
        config: { scope: 'metadata:inquiries:create' },
        schema: {
          tags: ['metadata'],
          operationId: 'inquiry_create',
          summary: 'Create inquiry',
          description:
            'Card metadata for a PAN, a PCI token or a network token, from the BIN range table the operator imported (README, "Metadata inquiries"). Fields the table does not know are absent.',
          headers: IdempotencyHeaders,
          body: InquiryRequest,
          response: { 200: InquiryResponse, 401: ErrorGeneric, 403: ErrorGeneric, 409: ErrorGeneric, 422: ErrorValidation },
          security,
        },
      },
      async (request, reply) => idempotent(deps, request, reply, async (scoped) => ({ status: 200, body: await createInquiry(scoped, request.body.source) })),
    );
  };
}
