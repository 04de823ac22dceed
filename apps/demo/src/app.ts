import fastifyStatic from '@fastify/static';
import Fastify, { type FastifyInstance, type FastifyServerOptions } from 'fastify';
import { merchantCsp } from './merchant-csp.ts';
import { HELLGATE_SCRIPT_PATH } from './sdk-integrity.ts';
import type { VaultClient } from './vault-client.ts';
import { VaultError } from './vault-error.ts';

export interface DemoDeps {
  vault: VaultClient;
  /** The vault URL browsers load the SDK and the frame from (may differ from the API URL in a cluster). */
  vaultFrameUrl: string;
  /** The built checkout pages, already filled with the vault URL and SDK integrity. */
  pages: { index: string; npm: string; split: string; react: string; hellgate: string };
  /** The built pages' hashed assets (dist/web/assets). */
  assetsDir: string;
  logger?: FastifyServerOptions['logger'];
}

const UUID = '^[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}$';
const tokenIdSchema = { type: 'string', pattern: UUID } as const;

/** What the shop's own API answers on failure: a code for the page and words for the shopper. */
interface ShopError {
  error: 'TOKEN_NOT_FOUND' | 'VAULT_UNAVAILABLE' | 'VAULT_REFUSED' | 'BAD_REQUEST' | 'NOT_FOUND';
  message: string;
}

function shopError(error: unknown): { status: number; body: ShopError } {
  if (error instanceof VaultError) {
    if (error.status === 404) {
      return { status: 404, body: { error: 'TOKEN_NOT_FOUND', message: 'That card is not known to the vault.' } };
    }
    if (error.status === 0 || error.status >= 500) {
      return { status: 502, body: { error: 'VAULT_UNAVAILABLE', message: 'The payment vault is not answering. Try again in a moment.' } };
    }
    return { status: 502, body: { error: 'VAULT_REFUSED', message: 'The payment vault refused the request.' } };
  }
  return { status: 500, body: { error: 'VAULT_UNAVAILABLE', message: 'Something went wrong on our side.' } };
}

/**
 * The merchant server: it creates sessions at the vault and reads back masked tokens, and it
 * serves the checkout pages with a strict CSP. It has no route, field or log line that could
 * carry card data: request bodies are never logged, and the only input is a token id.
 */
export async function createApp(deps: DemoDeps): Promise<FastifyInstance> {
  const app = Fastify({
    logger: deps.logger ?? false,
    bodyLimit: 1024,
    // Unknown body fields are refused, not silently dropped: there is no field for card data.
    ajv: { customOptions: { removeAdditional: false } },
  });
  const csp = merchantCsp(deps.vaultFrameUrl);
  const hellgateCsp = merchantCsp(deps.vaultFrameUrl, HELLGATE_SCRIPT_PATH);

  app.setErrorHandler((error: { statusCode?: number; validation?: unknown }, request, reply) => {
    if (error.validation || (error.statusCode && error.statusCode < 500)) {
      return reply.code(error.statusCode ?? 400).send({ error: 'BAD_REQUEST', message: 'The request is not valid.' } satisfies ShopError);
    }
    request.log.error({ err: error }, 'unhandled error');
    return reply.code(500).send({ error: 'VAULT_UNAVAILABLE', message: 'Something went wrong on our side.' } satisfies ShopError);
  });
  app.setNotFoundHandler((_request, reply) => reply.code(404).send({ error: 'NOT_FOUND', message: 'Not found.' } satisfies ShopError));

  const sendVaultFailure = (error: unknown, request: { log: { warn: (o: object, m: string) => void } }) => {
    const { status, body } = shopError(error);
    if (error instanceof VaultError) {
      request.log.warn({ vaultStatus: error.status, classifier: error.classifier }, 'vault call failed');
    }
    return { status, body };
  };

  const page =
    (html: string, policy = csp) =>
    async (_request: unknown, reply: import('fastify').FastifyReply) =>
      reply
        .header('content-security-policy', policy)
        .header('cache-control', 'no-store')
        .header('referrer-policy', 'strict-origin-when-cross-origin')
        .header('x-content-type-options', 'nosniff')
        .header('permissions-policy', 'camera=(), microphone=(), geolocation=()')
        .type('text/html; charset=utf-8')
        .send(html);

  app.get('/', page(deps.pages.index));
  app.get('/npm.html', page(deps.pages.npm));
  app.get('/split.html', page(deps.pages.split));
  app.get('/react.html', page(deps.pages.react));
  app.get('/hellgate.html', page(deps.pages.hellgate, hellgateCsp));
  app.get('/healthz', async () => ({ status: 'ok' }));

  await app.register(fastifyStatic, {
    root: deps.assetsDir,
    prefix: '/assets/',
    index: false,
    immutable: true,
    maxAge: '365d',
    setHeaders: (reply) => reply.header('x-content-type-options', 'nosniff'),
  });

  app.post('/api/checkout', async (request, reply) => {
    try {
      const sessionId = await deps.vault.createSession();
      return { sessionId, vaultUrl: deps.vaultFrameUrl };
    } catch (error) {
      const { status, body } = sendVaultFailure(error, request);
      return reply.code(status).send(body);
    }
  });

  app.post<{ Body: { tokenId: string } }>(
    '/api/pay',
    {
      schema: {
        body: { type: 'object', required: ['tokenId'], additionalProperties: false, properties: { tokenId: tokenIdSchema } },
      },
    },
    async (request, reply) => {
      const tokenId = request.body.tokenId.toLowerCase();
      try {
        const [token, cvcAvailable] = await Promise.all([deps.vault.readToken(tokenId), deps.vault.securityCodeAvailable(tokenId)]);
        return {
          tokenId: token.id,
          card: {
            maskedNumber: token.card.masked_account_number,
            scheme: token.card.scheme,
            expiryMonth: token.card.expiry_month,
            expiryYear: token.card.expiry_year,
            ...(token.card.cardholder_name ? { cardholderName: token.card.cardholder_name } : {}),
          },
          cvcAvailable,
        };
      } catch (error) {
        const { status, body } = sendVaultFailure(error, request);
        return reply.code(status).send(body);
      }
    },
  );

  app.post<{ Params: { tokenId: string } }>(
    '/api/cards/:tokenId/cvc',
    { schema: { params: { type: 'object', required: ['tokenId'], properties: { tokenId: tokenIdSchema } } } },
    async (request, reply) => {
      try {
        const sessionId = await deps.vault.refreshSecurityCode(request.params.tokenId.toLowerCase());
        return { sessionId, vaultUrl: deps.vaultFrameUrl };
      } catch (error) {
        const { status, body } = sendVaultFailure(error, request);
        return reply.code(status).send(body);
      }
    },
  );

  return app;
}
