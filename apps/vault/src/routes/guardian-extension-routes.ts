import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import type { VaultDeps } from '../domain/vault-deps.ts';
import { metadataRoutes } from './metadata-routes.ts';
import { networkForwardRoutes } from './network-forward-routes.ts';
import { networkTokenRoutes } from './network-token-routes.ts';

/** Issue 12's operations (network tokens, metadata inquiries), registered in app.ts with one line. */
export function guardianExtensionRoutes(deps: VaultDeps): FastifyPluginAsyncTypebox {
  return async (app) => {
    await app.register(networkTokenRoutes(deps));
    await app.register(networkForwardRoutes(deps));
    await app.register(metadataRoutes(deps));
  };
}
