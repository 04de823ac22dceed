import Fastify, { type FastifyBaseLogger } from 'fastify';
import swagger from '@fastify/swagger';
import { registerAjvFormats, type TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import type { VaultDeps } from './domain/vault-deps.ts';
import { errors } from './http/api-error.ts';
import { authenticate } from './http/authenticate.ts';
import { errorHandler } from './http/error-handler.ts';
import { registerSecurityHeaders } from './http/security-headers.ts';
import { registerAuditHook } from './audit/audited-routes.ts';
import { auditRoutes } from './routes/audit-routes.ts';
import { keyRotationRoutes } from './routes/key-rotation-routes.ts';
import { typeBoxValidatorCompiler } from './http/typebox-validator.ts';
import { RequestLogController } from './logger.ts';
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

export interface AppOptions {
  /** A pino logger (with redaction) from the edge; tests may omit it. */
  logger?: FastifyBaseLogger;
}

registerAjvFormats();

/** Builds the vault's HTTP app from its dependencies. No I/O of its own. */
export async function createApp(deps: VaultDeps, options: AppOptions = {}) {
  const app = Fastify({
    ...(options.logger ? { loggerInstance: options.logger, logController: new RequestLogController() } : { logger: false }),
    bodyLimit: 64 * 1024,
    return503OnClosing: true,
    // request.ip is the real client only through the proxies the operator named (finding 3).
    ...(deps.trustProxy.length > 0 ? { trustProxy: [...deps.trustProxy] } : {}),
  }).withTypeProvider<TypeBoxTypeProvider>();

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

  registerSecurityHeaders(app, deps.publicUrl);
  registerAuditHook(app, deps);
  app.decorateRequest('caller', undefined);
  app.addHook('onRequest', async (request) => {
    const scope = request.routeOptions.config?.scope;
    if (scope) request.caller = await authenticate(deps, request, scope);
  });

  await app.register(swagger, {
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
      ],
      components: {
        securitySchemes: {
          APIKey: { type: 'apiKey', name: 'x-api-key', in: 'header' },
          AdminToken: { type: 'apiKey', name: 'x-admin-token', in: 'header' },
        },
      },
    },
  });

  await app.register(healthRoutes(deps));
  await app.register(pciTokenRoutes(deps));
  await app.register(sessionRoutes(deps));
  await app.register(apiKeyRoutes(deps));
  await app.register(hostingRoutes(deps));
  const types = createTypeRegistry(deps);
  await app.register(genericTokenRoutes(deps, types));
  await app.register(typeRoutes(deps, types));
  await app.register(forwardRoutes(deps));
  await app.register(webhookRoutes(deps));
  await app.register(auditRoutes(deps));
  await app.register(keyRotationRoutes(deps));
  app.get('/openapi.json', { config: { scope: null }, schema: { hide: true } }, async () => app.swagger());
  return app;
}

export type VaultApp = Awaited<ReturnType<typeof createApp>>;
