import { lookup as dnsLookup, type LookupAddress } from 'node:dns';
import { BlockList, isIP, type LookupFunction } from 'node:net';

/**
 * Where webhooks may be delivered. A webhook URL is chosen by whoever holds
 * `admin:webhooks:create`, and the vault then makes requests to it from inside its own network:
 * without a policy that is a server-side request forgery primitive (cloud metadata at
 * 169.254.169.254, the vault's own Postgres, an admin port on localhost).
 * `public-only` (the default) allows only globally routable addresses; `any` is for
 * deployments whose receivers live on a private network, and for tests on loopback.
 */
export type WebhookNetworkPolicy = 'public-only' | 'any';

const notPublic = new BlockList();
for (const [network, prefix] of [
  ['0.0.0.0', 8], // "this network"
  ['10.0.0.0', 8],
  ['100.64.0.0', 10], // carrier-grade NAT
  ['127.0.0.0', 8],
  ['169.254.0.0', 16], // link-local, cloud metadata
  ['172.16.0.0', 12],
  ['192.0.0.0', 24],
  ['192.0.2.0', 24], // documentation
  ['192.168.0.0', 16],
  ['198.18.0.0', 15], // benchmarking
  ['198.51.100.0', 24],
  ['203.0.113.0', 24],
  ['224.0.0.0', 4], // multicast
  ['240.0.0.0', 4], // reserved, broadcast
] as const) {
  notPublic.addSubnet(network, prefix, 'ipv4');
}
for (const [network, prefix] of [
  ['::', 128],
  ['::1', 128],
  ['64:ff9b::', 96], // NAT64 can reach IPv4 internals
  ['100::', 64], // discard
  ['2001:db8::', 32], // documentation
  ['fc00::', 7], // unique local
  ['fe80::', 10], // link-local
  ['ff00::', 8], // multicast
] as const) {
  notPublic.addSubnet(network, prefix, 'ipv6');
}

/** True for a globally routable IP address. IPv4-mapped IPv6 is judged by its IPv4 address. */
export function isPublicAddress(address: string): boolean {
  const mapped = /^::ffff:(\d+\.\d+\.\d+\.\d+)$/i.exec(address)?.[1];
  if (mapped) return isPublicAddress(mapped);
  const family = isIP(address);
  if (family === 0) return false;
  return !notPublic.check(address, family === 4 ? 'ipv4' : 'ipv6');
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
