import type { Caller } from '../http/authenticate.ts';
import type { Scope } from './scopes.ts';

/**
 * Why a caller may not grant these scopes (issue 13, finding 2), or undefined when it may.
 * The admin token may grant anything. An API key may grant only scopes it holds itself, and may
 * never change its own scopes (else `admin:api-keys:update` alone would PATCH itself to all 27).
 */
export function grantRefusal(caller: Caller, scopes: readonly Scope[], targetKeyId?: string): string | undefined {
  if (caller.scopes === 'all') return undefined;
  if (targetKeyId !== undefined && targetKeyId === caller.id) return 'An API key may not change its own scopes';
  const held = caller.scopes;
  const extra = scopes.filter((scope) => !held.has(scope));
  if (extra.length > 0) return `An API key may grant only scopes it holds; it lacks ${extra.join(', ')}`;
  return undefined;
}
