import Fastify, { type FastifyBaseLogger } from 'fastify';
import swagger from '@fastify/swagger';
import { registerAjvFormats, type TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import type { VaultDeps } from './domain/vault-deps.ts';
import { errors } from './http/api-error.ts';
import { enrichOpenApi } from './http/openapi-docs.ts';
import { authenticate } from './http/authenticate.ts';
import { errorHandler } from './http/error-handler.ts';
import { registerSecurityHeaders } from './http/security-headers.ts';
import { registerAuditHook } from './audit/audited-routes.ts';
import { auditRoutes } from './routes/audit-routes.ts';
import { keyRotationRoutes } from './routes/key-rotation-routes.ts';
import { typeBoxValidatorCompiler } from './http/typebox-validator.ts';
import { RequestLogController } from './logger.ts';
import { apiReferenceRoutes } from './hosting/api-reference-routes.ts';
import { hostingRoutes } from './hosting/hosting-routes.ts';
import { apiKeyRoutes } from './routes/api-key-routes.ts';
import { healthRoutes } from './routes/health-routes.ts';
import { pciTokenRoutes } from './routes/pci-token-routes.ts';
import { sessionRoutes } from './routes/session-routes.ts';
import { createTypeRegistry } from './generic/type-registry.ts';
import { genericTokenRoutes } from './routes/generic-token-routes.ts';
import { typeRoutes } from './routes/type-routes.ts';
import { forwardRoutes } from './routes/forward-routes.ts';
import { webhookRoutes } from './routes/webhook-routes.ts';
import './metrics/metrics-app.ts';
import { createVaultMetrics, type MetricsOptions } from './metrics/vault-metrics.ts';
import { guardianExtensionRoutes } from './routes/guardian-extension-routes.ts';

export interface AppOptions {
  /** A pino logger (with redaction) from the edge; tests may omit it. */
  logger?: FastifyBaseLogger;
  /** True once the process drains (SIGTERM): answers carry `Connection: close` and /readyz says 503. */
  draining?: () => boolean;
  /** Socket bounds (default {@link HTTP_TIMEOUTS}); tests shorten them. */
  timeouts?: Partial<typeof HTTP_TIMEOUTS>;
  /** The PostgreSQL pool and process metrics for `app.metrics` (served by the metrics listener, server.ts). */
  metrics?: MetricsOptions;
}

/**
 * No real client needs more than a few seconds to send a 64 KB body; a client trickling bytes
 * (slowloris) must not hold a socket and its memory for ever. Node checks these every
 * `checkIntervalMs`, so a timeout fires within that much of its bound.
 */
export const HTTP_TIMEOUTS = { requestMs: 30_000, headersMs: 10_000, checkIntervalMs: 1000 };

registerAjvFormats();

/** Builds the vault's HTTP app from its dependencies. No I/O of its own. */
export async function createApp(deps: VaultDeps, options: AppOptions = {}) {
  const timeouts = { ...HTTP_TIMEOUTS, ...options.timeouts };
  const draining = options.draining ?? (() => false);
  const app = Fastify({
    ...(options.logger ? { loggerInstance: options.logger, logController: new RequestLogController() } : { logger: false }),
    bodyLimit: 64 * 1024,
    // A request that reached us while closing is answered normally (and logged), not with an
    // unlogged 503: the drain in server.ts decides when the listener stops.
    return503OnClosing: false,
    requestTimeout: timeouts.requestMs,
    // Node refuses a headers timeout longer than the request timeout.
    http: { headersTimeout: Math.min(timeouts.headersMs, timeouts.requestMs), connectionsCheckingInterval: timeouts.checkIntervalMs },
    // request.ip is the real client only through the proxies the operator named (finding 3).
    ...(deps.trustProxy.length > 0 ? { trustProxy: [...deps.trustProxy] } : {}),
  }).withTypeProvider<TypeBoxTypeProvider>();

  // Draining: every answer closes its connection, so kept-alive clients move to another process.
  // At send time, so a request that started before the drain closes its connection too.
  app.addHook('onSend', async (_request, reply, payload) => {
    if (draining()) reply.header('connection', 'close');
    return payload;
  });

  app.setValidatorCompiler(typeBoxValidatorCompiler);
  app.setErrorHandler(errorHandler);
  app.setNotFoundHandler((_request, reply) => {
    const error = errors.notFound();
    return reply.code(404).send(error.toJSON());
  });

  // JSON only: a text/plain body is a 415, not a string that fails validation.
  app.removeAllContentTypeParsers();
  // An empty JSON body is "no body" (security-code refresh takes none), not a 400.
  const parseJson = app.getDefaultJsonParser('error', 'error');
  app.addContentTypeParser('application/json', { parseAs: 'string' }, (request, body, done) => {
    if (body === '' || body === undefined) return done(null, undefined);
    return parseJson(request, body as string, done);
  });

  // Prometheus metrics: observed on every response, served on a separate listener (metrics/metrics-app.ts).
  const metrics = createVaultMetrics(deps, options.metrics);
  app.decorate('metrics', metrics);
  app.addHook('onResponse', async (request, reply) => metrics.observe(request, reply));

  registerSecurityHeaders(app, deps.publicUrl);
  registerAuditHook(app, deps);
  app.decorateRequest('caller', undefined);
  app.addHook('onRequest', async (request) => {
    const scope = request.routeOptions.config?.scope;
    if (scope) request.caller = await authenticate(deps, request, scope);
  });

  await app.register(swagger, {
    // Descriptions, examples, shared 413/415/429 responses and the webhook request: http/openapi-docs.ts.
    transformObject: (document) => ('openapiObject' in document ? enrichOpenApi(document.openapiObject) : document.swaggerObject),
    openapi: {
      openapi: '3.1.0',
      info: {
        title: 'Guardian API',
        version: '1.0',
        description: 'Cardframe vault: a self-hostable, Guardian-compatible PCI token service.',
      },
      servers: [{ url: deps.publicUrl, description: 'Guardian service instance' }],
      tags: [
        { name: 'pci', description: 'Management of card payment credentials under the ruling of PCI DSS.' },
        { name: 'apikey', description: 'Management of API keys for service access.' },
        { name: 'sessions', description: 'The session protocol spoken by the card frame.' },
        { name: 'generic', description: 'Management of generic tokens and their schemas for various use cases.' },
        { name: 'types', description: 'Management of types: JSON Schemas for generic token payloads.' },
        { name: 'webhook', description: 'Management of webhooks for event notifications (tiny events, HMAC-signed).' },
        { name: 'network', description: 'Management of network tokens and cryptograms for secure transactions.' },
        { name: 'metadata', description: 'Inquiries for card metadata based on PAN, PCI tokens, or network tokens.' },
        { name: 'sandbox', description: "Controls of the sandbox token service provider (a scheme's test environment)." },
      ],
      components: {
        securitySchemes: {
          APIKey: { type: 'apiKey', name: 'x-api-key', in: 'header' },
          AdminToken: { type: 'apiKey', name: 'x-admin-token', in: 'header' },
        },
      },
    },
  });

  await app.register(healthRoutes({ ready: deps.ready, draining }));
  await app.register(pciTokenRoutes(deps));
  await app.register(sessionRoutes(deps));
  await app.register(apiKeyRoutes(deps));
  await app.register(hostingRoutes(deps));
  const types = createTypeRegistry(deps);
  await app.register(genericTokenRoutes(deps, types));
  await app.register(typeRoutes(deps, types));
  await app.register(forwardRoutes(deps));
  await app.register(webhookRoutes(deps));
  await app.register(guardianExtensionRoutes(deps));
  await app.register(auditRoutes(deps));
  await app.register(keyRotationRoutes(deps));
  app.get('/openapi.json', { config: { scope: null }, schema: { hide: true } }, async () => app.swagger());
  await app.register(apiReferenceRoutes());
  return app;
}

export type VaultApp = Awaited<ReturnType<typeof createApp>>;
