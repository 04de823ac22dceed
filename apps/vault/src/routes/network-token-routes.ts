import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { Type } from 'typebox';
import { createSession } from '../domain/sessions.ts';
import { findToken } from '../domain/tokens.ts';
import { validateCard } from '../domain/validate-card.ts';
import type { VaultDeps } from '../domain/vault-deps.ts';
import { ApiError, errors } from '../http/api-error.ts';
import { idempotent } from '../http/idempotent.ts';

/** Provider calls run outside a database transaction (see idempotent). */
const NOT_ATOMIC = { atomic: false } as const;
import { ErrorGeneric, ErrorValidation, IdempotencyHeaders, IdParams, Links, PageQuery, SessionCreated } from '../http/schemas.ts';
import { CryptogramRequest, CryptogramResponse, NetworkToken, NetworkTokenCreateRequest, SandboxLifecycleRequest } from '../network/network-schemas.ts';
import {
  deleteNetworkToken,
  findNetworkToken,
  listNetworkTokens,
  provisionNetworkToken,
  requestCryptogram,
  requireNetworkScheme,
  storeCryptogramReference,
  toNetworkTokenView,
  callProvider,
} from '../network/network-tokens.ts';
import type { SandboxProvider } from '../network/sandbox-provider.ts';
import { schemeFromSessionName, type Scheme } from '@cardframe/protocol';
import { checkMetadataKeys } from './pci-token-routes.ts';

const security: Record<string, string[]>[] = [{ APIKey: [] }, { AdminToken: [] }];

/** `/api/network/tokens`: create (session, pan or pci_token), list, get, delete, cryptograms. */
export function networkTokenRoutes(deps: VaultDeps): FastifyPluginAsyncTypebox {
  return async (app) => {
    app.post(
      '/api/network/tokens',
      {
        config: { scope: 'network:tokens:create' },
        schema: {
          tags: ['network'],
          operationId: 'network_token_create',
          summary: 'Create network token',
          description:
            'Provisions a network token at the token service provider (Visa, Mastercard, American Express, Discover cards). A `session` source answers with a session the card frame completes.',
          headers: IdempotencyHeaders,
          body: NetworkTokenCreateRequest,
          response: {
            200: Type.Union([SessionCreated, NetworkToken]),
            401: ErrorGeneric,
            403: ErrorGeneric,
            404: ErrorGeneric,
            409: ErrorGeneric,
            422: ErrorValidation,
            502: ErrorGeneric,
            504: ErrorGeneric,
          },
          security,
        },
      },
      async (request, reply) => {
        const body = request.body;
        checkMetadataKeys(body.metadata);
        return idempotent(
          deps,
          request,
          reply,
          async () => {
            const source = body.source;
            const owner = request.caller!.id;
            if (source.type === 'session') {
              const sessionId = await createSession(deps, {
                kind: 'network',
                owner,
                metadata: body.metadata,
                allowedSchemes: source.allowed_schemes?.map((name) => schemeFromSessionName(name)!),
              });
              return { status: 200, body: { session_id: sessionId } };
            }
            if (source.type === 'pan') {
              const scheme = validateCard(source, '$.source', { notExpiredAt: new Date(deps.now()) });
              requireNetworkScheme(scheme, '$.source.account_number');
              const row = await provisionNetworkToken(deps, { card: { ...source, scheme }, owner, metadata: body.metadata });
              return { status: 200, body: toNetworkTokenView(deps, row) };
            }
            const pci = await findToken(deps, source.pci_token_id);
            if (!pci) throw errors.validation([{ path: '$.source.pci_token_id', message: 'no such PCI token' }]);
            requireNetworkScheme(pci.scheme as Scheme, '$.source.pci_token_id');
            const card = {
              account_number: deps.cipher.decrypt(pci.pan_ct, `tokens:${pci.id}:pan`),
              expiry_month: pci.expiry_month,
              expiry_year: pci.expiry_year,
              cardholder_name: pci.holder_ct !== null ? deps.cipher.decrypt(pci.holder_ct, `tokens:${pci.id}:holder`) : undefined,
              scheme: pci.scheme as Scheme,
            };
            const row = await provisionNetworkToken(deps, { card, owner, metadata: body.metadata, pciTokenId: pci.id });
            return { status: 200, body: toNetworkTokenView(deps, row) };
          },
          NOT_ATOMIC,
        );
      },
    );

    app.get(
      '/api/network/tokens',
      {
        config: { scope: 'network:tokens:read' },
        schema: {
          tags: ['network'],
          operationId: 'network_token_list',
          summary: 'Get network tokens',
          querystring: PageQuery,
          response: { 200: Type.Object({ data: Type.Array(NetworkToken), links: Links }), 401: ErrorGeneric, 403: ErrorGeneric, 422: ErrorValidation },
          security,
        },
      },
      async (request) => {
        const limit = request.query.limit ?? 20;
        const { page, hasMore } = await listNetworkTokens(deps, limit, request.query.after);
        const last = page.at(-1);
        return {
          data: page.map((row) => toNetworkTokenView(deps, row)),
          links: { next: hasMore && last ? `${deps.publicUrl}/api/network/tokens?after=${last.id}&limit=${limit}` : null },
        };
      },
    );

    app.get(
      '/api/network/tokens/:id',
      {
        config: { scope: 'network:tokens:read' },
        schema: {
          tags: ['network'],
          operationId: 'network_token_get',
          summary: 'Get network token details',
          params: IdParams,
          response: { 200: NetworkToken, 401: ErrorGeneric, 403: ErrorGeneric, 404: ErrorGeneric },
          security,
        },
      },
      async (request) => {
        const row = await findNetworkToken(deps, request.params.id);
        if (!row) throw errors.notFound();
        return toNetworkTokenView(deps, row);
      },
    );

    app.delete(
      '/api/network/tokens/:id',
      {
        config: { scope: 'network:tokens:delete' },
        schema: {
          tags: ['network'],
          operationId: 'network_token_delete',
          summary: 'Delete network token',
          description: 'Deletes the token at the token service provider, then in the vault.',
          params: IdParams,
          response: { 204: Type.Null(), 401: ErrorGeneric, 403: ErrorGeneric, 404: ErrorGeneric, 502: ErrorGeneric, 504: ErrorGeneric },
          security,
        },
      },
      async (request, reply) => {
        const row = await findNetworkToken(deps, request.params.id);
        if (!row) throw errors.notFound();
        await deleteNetworkToken(deps, row);
        return reply.code(204).send(null);
      },
    );

    app.post(
      '/api/network/tokens/:id/cryptograms',
      {
        config: { scope: 'network:tokens:use' },
        schema: {
          tags: ['network'],
          operationId: 'network_token_cryptogram',
          summary: 'Request cryptogram',
          description:
            '`inline` answers the cryptogram (TAVV for Visa and Mastercard, dynamic CVV for Amex and Discover) with the token number; `reference` answers a single-use reference for the forward route.',
          params: IdParams,
          headers: IdempotencyHeaders,
          body: CryptogramRequest,
          response: {
            200: CryptogramResponse,
            401: ErrorGeneric,
            403: ErrorGeneric,
            404: ErrorGeneric,
            409: ErrorGeneric,
            422: ErrorValidation,
            502: ErrorGeneric,
            504: ErrorGeneric,
          },
          security,
        },
      },
      async (request, reply) => {
        const body = request.body;
        checkMetadataKeys(body.metadata);
        if (body.type === 'dauth') {
          throw errors.validation([{ path: '$.type', message: 'Delegated Authentication is not activated for this vault' }]);
        }
        const mode = body.mode ?? (deps.networkInlineCryptograms ? 'inline' : 'reference');
        if (mode === 'inline' && !deps.networkInlineCryptograms) {
          throw errors.validation([
            { path: '$.mode', message: 'inline cryptograms are disabled on this vault (CARDFRAME_NETWORK_INLINE_CRYPTOGRAMS); use reference' },
          ]);
        }
        const row = await findNetworkToken(deps, request.params.id);
        if (!row) throw errors.notFound();
        return idempotent(
          deps,
          request,
          reply,
          async () => {
            const cryptogram = await requestCryptogram(deps, row, body.amount, body.currency);
            if (mode === 'reference') {
              return { status: 200, body: { cryptogram_reference: await storeCryptogramReference(deps, row, cryptogram, request.caller!.id) } };
            }
            const { kind: _kind, ...values } = cryptogram;
            return { status: 200, body: { ...values, ...(body.metadata ? { metadata: body.metadata } : {}) } };
          },
          NOT_ATOMIC,
        );
      },
    );

    // The sandbox's control panel: what a scheme's test environment lets a tester trigger.
    app.post(
      '/api/sandbox/network/tokens/:id/lifecycle',
      {
        config: { scope: 'network:tokens:create' },
        schema: {
          tags: ['sandbox'],
          operationId: 'sandbox_network_token_lifecycle',
          summary: 'Simulate a scheme lifecycle event (sandbox provider only, admin token only)',
          description:
            'Suspends, resumes or deletes the token, or updates its card expiry, as the scheme would; the vault then records the change and raises `network.token.updated`.',
          params: IdParams,
          body: SandboxLifecycleRequest,
          response: { 200: NetworkToken, 401: ErrorGeneric, 403: ErrorGeneric, 404: ErrorGeneric, 409: ErrorGeneric, 422: ErrorValidation },
          // Declared like every route; the handler refuses API keys (403).
          security,
        },
      },
      async (request) => {
        if (request.caller!.id !== 'admin') throw errors.forbidden();
        const provider = deps.tokenServiceProvider as Partial<SandboxProvider>;
        if (deps.tokenServiceProvider.name !== 'sandbox' || !provider.simulate) {
          throw new ApiError(404, 'NOT_FOUND', 'The sandbox token service provider is not in use');
        }
        const row = await findNetworkToken(deps, request.params.id);
        if (row?.provider !== 'sandbox') throw errors.notFound();
        await callProvider(deps, () => provider.simulate!(row.provider_ref, request.body));
        return toNetworkTokenView(deps, (await findNetworkToken(deps, row.id))!);
      },
    );
  };
}
