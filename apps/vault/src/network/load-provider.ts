import path from 'node:path';
import { pathToFileURL } from 'node:url';
import type { TokenServiceProvider } from './token-service-provider.ts';

/** CARDFRAME_NETWORK_TOKEN_PROVIDER: `sandbox` (default) or `module:<path to an ES module>`. */
export type ProviderSpec = { kind: 'sandbox' } | { kind: 'module'; path: string };

export function parseProviderSpec(raw: string | undefined): ProviderSpec | string {
  if (raw === undefined || raw === '' || raw === 'sandbox') return { kind: 'sandbox' };
  if (raw.startsWith('module:') && raw.length > 'module:'.length) return { kind: 'module', path: raw.slice('module:'.length) };
  return `CARDFRAME_NETWORK_TOKEN_PROVIDER must be "sandbox" or "module:<path>", got "${raw}"`;
}

/** What a provider module's factory receives: the environment (its credentials live there). */
export interface ProviderContext {
  env: NodeJS.ProcessEnv;
}

const METHODS = ['provision', 'status', 'cryptogram', 'delete', 'onLifecycle'] as const;

/**
 * The slot for a real scheme provider (ADR 0020): the module must export
 * `createTokenServiceProvider(context): TokenServiceProvider | Promise<…>`. Checked at startup,
 * so a wrong path or shape stops the vault with a message instead of failing the first request.
 */
export async function loadProviderModule(modulePath: string, context: ProviderContext): Promise<TokenServiceProvider> {
  const url = pathToFileURL(path.resolve(modulePath)).href;
  let mod: { createTokenServiceProvider?: unknown };
  try {
    mod = (await import(url)) as typeof mod;
  } catch (error) {
    throw new Error(`network token provider module ${modulePath} could not be loaded: ${(error as Error).message}`);
  }
  if (typeof mod.createTokenServiceProvider !== 'function') {
    throw new Error(`network token provider module ${modulePath} must export a function createTokenServiceProvider`);
  }
  const provider = (await mod.createTokenServiceProvider(context)) as Partial<TokenServiceProvider> | undefined;
  const missing = METHODS.filter((m) => typeof provider?.[m] !== 'function');
  if (!provider || typeof provider.name !== 'string' || provider.name === '' || provider.name === 'sandbox' || missing.length) {
    throw new Error(
      `network token provider module ${modulePath} returned no valid provider (needs a name other than "sandbox" and ${missing.join(', ') || 'nothing else'})`,
    );
  }
  return provider as TokenServiceProvider;
}
