import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { Type } from 'typebox';
import { findToken } from '../domain/tokens.ts';
import type { VaultDeps } from '../domain/vault-deps.ts';
import { allowedDestination } from '../forward/forward-allowlist.ts';
import { incomingHeaders, outgoingHeaders } from '../forward/forward-headers.ts';
import { bodyKind, placeholdersIn, renderForwardBody, type InjectedValues } from '../forward/render-forward-body.ts';
import { maskEchoes } from '../forward/mask-echoes.ts';
import { recordAudit } from '../audit/audit-log.ts';
import { destinationOf } from '../audit/audited-routes.ts';
import { sendUpstream } from '../forward/send-upstream.ts';
import { ApiError, errors } from '../http/api-error.ts';
import { ErrorGeneric, ErrorValidation, IdParams } from '../http/schemas.ts';

const security: Record<string, string[]>[] = [{ APIKey: [] }, { AdminToken: [] }];

const ForwardHeaders = Type.Object({
  'x-destination-url': Type.String({ description: 'Where to send the request; must match CARDFRAME_FORWARD_ALLOWLIST' }),
  'x-own-header-name': Type.Optional(Type.String({ description: 'Name of a header the vault reserves (e.g. x-api-key) to send anyway' })),
  'x-own-header-value': Type.Optional(Type.String({ description: 'Its value' })),
});

/**
 * `POST /api/pci/tokens/{id}/forward`: the card-data injection proxy. The caller's body, with
 * placeholders replaced by the token's card data, goes to an allowlisted destination; the
 * destination's status, headers and body come back as they came. The clear card data exists only
 * in this process' memory for the duration of the call; nothing here logs a body.
 */
export function forwardRoutes(deps: VaultDeps): FastifyPluginAsyncTypebox {
  return async (app) => {
    // This plugin's own parsers: any content type, kept as raw bytes, so the body is relayed untouched.
    app.removeAllContentTypeParsers();
    app.addContentTypeParser('*', { parseAs: 'buffer' }, (_request, body, done) => done(null, body));

    app.post(
      '/api/pci/tokens/:id/forward',
      {
        config: { scope: 'pci:tokens:forward' },
        schema: {
          tags: ['pci'],
          operationId: 'pci_token_forward',
          summary: 'Forward a request with card data',
          description:
            'Replaces `{{ account_number }}`, `{{ cardholder_name }}`, `{{ expiry_month }}` (2 digits), `{{ expiry_year }}` (4 digits) and `{{ security_code }}` in the body (any content type; JSON string values are escaped, `| unwrap` emits the native JSON type) and POSTs it to `x-destination-url`. Returns the destination response with any echo of the injected card number, name or security code masked by asterisks.',
          params: IdParams,
          headers: ForwardHeaders,
          response: {
            400: ErrorGeneric,
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
        const destination = allowedDestination(deps.forwardAllowlist, request.headers['x-destination-url'] as string);
        if (!destination) {
          throw new ApiError(403, 'DESTINATION_NOT_ALLOWED', "x-destination-url is not an http(s) URL on this vault's forward allowlist");
        }
        const headers = outgoingHeaders(request.raw.rawHeaders);
        const row = await findToken(deps, request.params.id);
        if (!row) throw errors.notFound();

        const raw = Buffer.isBuffer(request.body) ? request.body : Buffer.alloc(0);
        const text = raw.toString('utf8');
        const used = placeholdersIn(text);
        let body = raw;
        const values: InjectedValues = {};
        if (used.size > 0) {
          const kind = bodyKind(request.headers['content-type']);
          if (kind === 'json') {
            try {
              JSON.parse(text);
            } catch {
              throw new ApiError(400, 'BAD_REQUEST', 'The request body is declared JSON but is not valid JSON');
            }
          }
          if (used.has('account_number')) {
            const pan = deps.cipher.decrypt(row.pan_ct, `tokens:${row.id}:pan`);
            values.account_number = { text: pan, native: pan };
          }
          if (used.has('cardholder_name')) {
            if (row.holder_ct === null) throw new ApiError(409, 'CARDHOLDER_NAME_NOT_AVAILABLE', 'This token has no cardholder name');
            const name = deps.cipher.decrypt(row.holder_ct, `tokens:${row.id}:holder`);
            values.cardholder_name = { text: name, native: name };
          }
          values.expiry_month = { text: String(row.expiry_month).padStart(2, '0'), native: row.expiry_month };
          values.expiry_year = { text: String(row.expiry_year), native: row.expiry_year };
          if (used.has('security_code')) {
            // Single use by default (finding 13): taken atomically, so two forwards never both get it.
            const singleUse = deps.forwardSecurityCode === 'single-use';
            const cvc = singleUse ? await deps.securityCodes.consume(row.id) : await deps.securityCodes.reveal(row.id);
            if (cvc === undefined) {
              throw new ApiError(
                409,
                'SECURITY_CODE_NOT_AVAILABLE',
                'The security code of this token has lapsed, was deleted or was already forwarded; refresh it first',
              );
            }
            if (singleUse) await deps.db.updateTable('tokens').set({ security_code_expires_at: null }).where('id', '=', row.id).execute();
            values.security_code = { text: cvc, native: cvc };
          }
          body = Buffer.from(renderForwardBody(text, kind, values), 'utf8');
        }

        // Whatever the destination echoes of the card data is masked before it reaches the caller.
        const secrets = [values.account_number?.text, values.cardholder_name?.text, values.security_code?.text].filter((v): v is string => v !== undefined);
        const upstream = maskEchoes(await sendUpstream(destination, headers, body, deps.forwardTimeoutMs), secrets);
        // Every forward is an access to card data (PCI DSS 10.2.1.1): who, where to, which fields, how it ended.
        request.audited = true;
        await recordAudit(deps, {
          actor: request.caller!.id,
          client: request.ip,
          action: 'pci_token.forward',
          resource: row.id,
          outcome: 'success',
          detail: {
            destination: destinationOf(request.headers['x-destination-url']),
            fields: [...used],
            security_code: used.has('security_code') ? deps.forwardSecurityCode : undefined,
            status: upstream.status,
          },
        });
        // Straight onto the socket: no serializer, no content-type guessing, repeated headers kept.
        reply.hijack();
        const relayed = incomingHeaders(upstream.rawHeaders);
        const grouped = new Map<string, { name: string; values: string[] }>();
        for (let i = 0; i < relayed.length; i += 2) {
          const key = relayed[i]!.toLowerCase();
          const entry = grouped.get(key) ?? { name: relayed[i]!, values: [] };
          entry.values.push(relayed[i + 1]!);
          grouped.set(key, entry);
        }
        for (const { name, values } of grouped.values()) reply.raw.setHeader(name, values.length > 1 ? values : values[0]!);
        reply.raw.setHeader('Content-Length', upstream.body.length);
        reply.raw.writeHead(upstream.status, upstream.statusMessage);
        reply.raw.end(upstream.body);
        return reply;
      },
    );
  };
}
