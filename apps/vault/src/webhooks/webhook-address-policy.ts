import { lookup as dnsLookup, type LookupAddress } from 'node:dns';
import { isIP, type LookupFunction } from 'node:net';
import ipaddr from 'ipaddr.js';

/**
 * Where webhooks may be delivered. A webhook URL is chosen by whoever holds
 * `admin:webhooks:create`, and the vault then makes requests to it from inside its own network:
 * without a policy that is a server-side request forgery primitive (cloud metadata at
 * 169.254.169.254, the vault's own Postgres, an admin port on localhost).
 * `public-only` (the default) allows only globally routable addresses; `any` is for
 * deployments whose receivers live on a private network, and for tests on loopback.
 */
export type WebhookNetworkPolicy = 'public-only' | 'any';

const GLOBAL_UNICAST_V6 = ipaddr.parseCIDR('2000::/3');
const IPV4_MAPPED = ipaddr.parseCIDR('::ffff:0:0/96');

/**
 * True for a globally routable IP address, as ipaddr.js classifies it (its special-purpose
 * registries, not a hand list: issue 13, finding 10). An IPv4-mapped IPv6 address (in any
 * spelling, `::ffff:7f00:1` included) is judged by its IPv4 address, since the socket connects
 * to that. Every other IPv6 range that embeds or reaches IPv4 (`::/96`, `::ffff:0:0:0/96`,
 * NAT64 `64:ff9b::/96` and `64:ff9b:1::/48`, 6to4 `2002::/16`, Teredo `2001::/32`) and the
 * deprecated site-local `fec0::/10` is refused, as is anything outside global unicast 2000::/3.
 */
export function isPublicAddress(address: string): boolean {
  if (!ipaddr.isValid(address) || isIP(address) === 0) return false;
  const parsed = ipaddr.parse(address);
  if (parsed.kind() === 'ipv4') return parsed.range() === 'unicast';
  const v6 = parsed as ipaddr.IPv6;
  if (v6.match(IPV4_MAPPED)) return v6.toIPv4Address().range() === 'unicast';
  return v6.range() === 'unicast' && v6.match(GLOBAL_UNICAST_V6);
}

/**
 * A `lookup` for http.request that resolves as usual and then refuses the connection unless
 * every resolved address is allowed. Checking at connect time, not only at registration,
 * closes the DNS-rebinding gap: the address checked is the address connected to.
 */
export function guardedLookup(policy: WebhookNetworkPolicy): LookupFunction | undefined {
  if (policy === 'any') return undefined;
  return (hostname, options, callback) => {
    dnsLookup(hostname, { ...options, all: true }, (error, addresses: LookupAddress[]) => {
      if (error) return callback(error, '', 0);
      const refused = addresses.find((entry) => !isPublicAddress(entry.address));
      if (refused || addresses.length === 0) {
        const denied = Object.assign(new Error(`webhook destination ${hostname} is not a public address`), { code: 'EWEBHOOKPRIVATE' });
        return callback(denied, '', 0);
      }
      if (options.all) return (callback as unknown as (e: null, a: LookupAddress[]) => void)(null, addresses);
      const [first] = addresses as [LookupAddress];
      return callback(null, first.address, first.family);
    });
  };
}

/** Why a webhook URL may not be registered under the policy, or undefined when it may. */
export async function webhookUrlProblem(url: string, policy: WebhookNetworkPolicy): Promise<string | undefined> {
  if (policy === 'any') return undefined;
  const hostname = new URL(url).hostname.replace(/^\[|\]$/g, '');
  if (isIP(hostname)) return isPublicAddress(hostname) ? undefined : 'must not point at a private, loopback or link-local address';
  const lookup = guardedLookup(policy)!;
  return new Promise((resolve) => {
    lookup(hostname, { all: true }, (error) => {
      if (!error) resolve(undefined);
      else if ((error as { code?: string }).code === 'EWEBHOOKPRIVATE') resolve('must not resolve to a private, loopback or link-local address');
      else resolve('host name does not resolve');
    });
  });
}
