/**
 * The e2e world: real servers on loopback names that every engine treats as secure contexts
 * without flags, on three distinct sites (docs/decisions/0008):
 *   vault    = localhost     (the card frame's site)
 *   shop     = 127.0.0.1     (the merchant: the demo shop and the harness pages)
 *   attacker = 127.0.0.2     (a third site, allowed nowhere)
 * An IP address is its own site and `localhost` is a site of its own, so every pair is
 * cross-site, not only cross-origin (specs/sites.spec.ts checks it in each engine).
 *
 * Ports are free ports the first process picks (playwright.config.ts imports this first) and
 * passes to its workers and servers in E2E_PORTS, so two runs or other services never collide.
 */
import { freePort } from './driver/free-port.ts';

export const ADMIN_TOKEN = 'e2e-admin-token-0123456789abcdefghijklmnop';

export const HOSTS = { vault: 'localhost', shop: '127.0.0.1', attacker: '127.0.0.2' } as const;

const NAMES = ['vault', 'shop', 'recordedShop', 'harness', 'evil', 'shortVault', 'shortShop', 'clusterVaultA', 'clusterVaultB', 'clusterShop'] as const;
type SiteName = (typeof NAMES)[number];

async function allocate(): Promise<Record<SiteName, number>> {
  const ports = {} as Record<SiteName, number>;
  const taken = new Set<number>();
  for (const name of NAMES) {
    let port = await freePort();
    while (taken.has(port)) port = await freePort();
    taken.add(port);
    ports[name] = port;
  }
  return ports;
}

if (!process.env.E2E_PORTS) process.env.E2E_PORTS = JSON.stringify(await allocate());
const ports = JSON.parse(process.env.E2E_PORTS) as Record<SiteName, number>;

/** `origin` is what the browser uses; `local` is how Node (runner, readiness checks) reaches the same server. */
function site(host: string, port: number) {
  const ip = host === 'localhost' ? '127.0.0.1' : host;
  return { host, origin: `http://${host}:${port}`, local: `http://${ip}:${port}`, port } as const;
}

export const sites = {
  /** The main vault and the shop it allows. */
  vault: site(HOSTS.vault, ports.vault),
  shop: site(HOSTS.shop, ports.shop),
  /**
   * The same shop behind servers/recording-proxy.mjs, which adds a merchant-page recorder as the
   * page's first script (the isolation spec); an allowed merchant origin of the main vault.
   */
  recordedShop: site(HOSTS.shop, ports.recordedShop),
  /**
   * The merchant's test harness: a second allowed merchant origin (the shop's site, another port)
   * whose static pages speak the bridge by hand or drive the SDK script directly (fixtures/harness).
   */
  harness: site(HOSTS.shop, ports.harness),
  /** A third party on a third site: not an allowed origin anywhere. */
  evil: site(HOSTS.attacker, ports.evil),
  /** A vault whose sessions live 10 seconds, and a shop on it, for the expired-session spec. */
  shortVault: site(HOSTS.vault, ports.shortVault),
  shortShop: site(HOSTS.shop, ports.shortShop),
  /** Two vaults over one Postgres + Redis, and a shop that creates on the first and frames the second. */
  clusterVaultA: site(HOSTS.vault, ports.clusterVaultA),
  clusterVaultB: site(HOSTS.vault, ports.clusterVaultB),
  clusterShop: site(HOSTS.shop, ports.clusterShop),
} as const;

/** Session lifetime on the short vault (the vault's minimum). */
export const SHORT_SESSION_TTL_SECONDS = 10;
