import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { Type } from 'typebox';
import type { VaultDeps } from '../domain/vault-deps.ts';
import { allowedDestination } from '../forward/forward-allowlist.ts';
import { incomingHeaders, outgoingHeaders } from '../forward/forward-headers.ts';
import { bodyKind, placeholdersIn, renderForwardBody, type InjectedValue } from '../forward/render-forward-body.ts';
import { maskEchoes } from '../forward/mask-echoes.ts';
import { sendUpstream } from '../forward/send-upstream.ts';
import { recordAudit } from '../audit/audit-log.ts';
import { destinationOf } from '../audit/audited-routes.ts';
import { ApiError, errors } from '../http/api-error.ts';
import { ErrorGeneric, ErrorValidation, IdParams } from '../http/schemas.ts';
import { consumeCryptogramReference, findNetworkToken, peekCryptogramReference } from '../network/network-tokens.ts';

const security: Record<string, string[]>[] = [{ APIKey: [] }, { AdminToken: [] }];

/** The placeholders of digest §3 (N6). `type` is the cryptogram's kind (`tavv` or `dcvv`). */
export const NETWORK_PLACEHOLDERS = [
  'cryptogram',
  'dynamic_cvv',
  'eci',
  'expiry_month',
  'expiry_year',
  'number',
  'type',
  'scheme_reference',
  'network_token_id',
  'network_token_type',
] as const;

const ForwardHeaders = Type.Object({
  'x-cryptogram-reference': Type.String({ format: 'uuid', description: 'From a `reference`-mode cryptogram request; single use' }),
  'x-destination-url': Type.String({ description: 'Where to send the request; must match CARDFRAME_FORWARD_ALLOWLIST' }),
  'x-own-header-name': Type.Optional(Type.String()),
  'x-own-header-value': Type.Optional(Type.String()),
});

const notAvailable = (name: string) => new ApiError(409, 'PLACEHOLDER_NOT_AVAILABLE', `{{ ${name} }} has no value for this cryptogram or network token`);

/**
 * `POST /api/network/tokens/{id}/forward`: like the PCI forward proxy, with the network token's
 * number and a cryptogram (consumed from its single-use reference) injected instead of the card.
 */
export function networkForwardRoutes(deps: VaultDeps): FastifyPluginAsyncTypebox {
  return async (app) => {
    app.removeAllContentTypeParsers();
    app.addContentTypeParser('*', { parseAs: 'buffer' }, (_request, body, done) => done(null, body));

    app.post(
      '/api/network/tokens/:id/forward',
      {
        config: { scope: 'network:tokens:forward' },
        schema: {
          tags: ['network'],
          operationId: 'network_token_forward',
          summary: 'Forward a request with a network token cryptogram',
          description: `Replaces ${NETWORK_PLACEHOLDERS.map((p) => `\`{{ ${p} }}\``).join(', ')} (and \`| unwrap\`) in the body and POSTs it to \`x-destination-url\`. Returns the destination response with any echo of the injected token number, cryptogram or dynamic CVV masked by asterisks. The cryptogram reference is used up once the request is sent, even if the destination fails; a request refused before that keeps it.`,
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
        const row = await findNetworkToken(deps, request.params.id);
        if (!row) throw errors.notFound();
        const raw = Buffer.isBuffer(request.body) ? request.body : Buffer.alloc(0);
        const text = raw.toString('utf8');
        const used = placeholdersIn(text, NETWORK_PLACEHOLDERS);
        const kind = bodyKind(request.headers['content-type']);
        if (used.size > 0 && kind === 'json') {
          try {
            JSON.parse(text);
          } catch {
            throw new ApiError(400, 'BAD_REQUEST', 'The request body is declared JSON but is not valid JSON');
          }
        }
        const reference = request.headers['x-cryptogram-reference'] as string;
        const unavailable = () =>
          new ApiError(409, 'CRYPTOGRAM_REFERENCE_NOT_AVAILABLE', 'The cryptogram reference is unknown for this token, already used or expired');
        // Checked before it is used up: a request the vault refuses does not cost the cryptogram.
        const cryptogram = await peekCryptogramReference(deps, row.id, reference);
        if (!cryptogram) throw unavailable();
        const str = (value: string | undefined | null): InjectedValue | undefined =>
          value === undefined || value === null ? undefined : { text: value, native: value };
        const all: Record<(typeof NETWORK_PLACEHOLDERS)[number], InjectedValue | undefined> = {
          cryptogram: str(cryptogram.kind === 'tavv' ? cryptogram.cryptogram : undefined),
          dynamic_cvv: str(cryptogram.kind === 'dcvv' ? cryptogram.dynamic_cvv : undefined),
          eci: str(cryptogram.kind === 'tavv' ? cryptogram.eci : undefined),
          expiry_month: { text: String(cryptogram.expiry_month).padStart(2, '0'), native: cryptogram.expiry_month },
          expiry_year: { text: String(cryptogram.expiry_year), native: cryptogram.expiry_year },
          number: str(cryptogram.number),
          type: str(cryptogram.kind),
          scheme_reference: str(row.scheme_reference),
          network_token_id: str(row.id),
          network_token_type: str(row.type),
        };
        const values: Partial<Record<string, InjectedValue>> = {};
        for (const name of used) {
          const value = all[name];
          if (!value) throw notAvailable(name);
          values[name] = value;
        }
        const body = used.size > 0 ? Buffer.from(renderForwardBody(text, kind, values), 'utf8') : raw;
        // Single use: of concurrent forwards with one reference, only one gets past this.
        if (!(await consumeCryptogramReference(deps, row.id, reference))) throw unavailable();

        // Whatever the destination echoes of the token number, cryptogram or dynamic CVV is masked, as the PCI
        // forward masks the card (issue 13, finding 4). The expiry, ECI and ids are not secrets, and digits that
        // short would blank unrelated text.
        const secrets = [values.number?.text, values.cryptogram?.text, values.dynamic_cvv?.text].filter((v): v is string => v !== undefined);
        const upstream = maskEchoes(await sendUpstream(destination, headers, body, deps.forwardTimeoutMs), secrets);
        // An access to card data (PCI DSS 10.2.1.1), recorded before the answer leaves, as the PCI forward's.
        request.audited = true;
        await recordAudit(deps, {
          actor: request.caller!.id,
          client: request.ip,
          action: 'network_token.forward',
          resource: row.id,
          outcome: 'success',
          detail: { destination: destinationOf(request.headers['x-destination-url']), fields: [...used], status: upstream.status },
        });
        reply.hijack();
        const relayed = incomingHeaders(upstream.rawHeaders);
        const grouped = new Map<string, { name: string; values: string[] }>();
        for (let i = 0; i < relayed.length; i += 2) {
          const key = relayed[i]!.toLowerCase();
          const entry = grouped.get(key) ?? { name: relayed[i]!, values: [] };
          entry.values.push(relayed[i + 1]!);
          grouped.set(key, entry);
        }
        for (const { name, values: v } of grouped.values()) reply.raw.setHeader(name, v.length > 1 ? v : v[0]!);
        reply.raw.setHeader('Content-Length', upstream.body.length);
        reply.raw.writeHead(upstream.status, upstream.statusMessage);
        reply.raw.end(upstream.body);
        return reply;
      },
    );
  };
}
