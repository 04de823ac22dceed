/**
 * The e2e world: real servers on made-up hosts that Chromium resolves to loopback
 * (tools/chromium.ts), so the shop and the vault are different sites, as in production.
 * Node (the runner, the servers' readiness checks) reaches the same servers on 127.0.0.1.
 */
export const ADMIN_TOKEN = 'e2e-admin-token-0123456789abcdefghijklmnop';

function site(host: string, port: number) {
  return { origin: `http://${host}:${port}`, local: `http://127.0.0.1:${port}`, port } as const;
}

export const sites = {
  /** The main vault and the shop it allows. */
  vault: site('vault.test', 4100),
  shop: site('shop.test', 4200),
  /**
   * The merchant's test harness: a second allowed merchant origin whose static pages speak the
   * bridge by hand or drive the SDK script directly (fixtures/harness).
   */
  harness: site('shop.test', 4400),
  /** A third party: not an allowed origin anywhere. */
  evil: site('evil.test', 4300),
  /** A vault whose sessions live 10 seconds, and a shop on it, for the expired-session spec. */
  shortVault: site('vault.test', 4101),
  shortShop: site('shop.test', 4201),
  /** Two vaults over one Postgres + Redis, and a shop that creates on the first and frames the second. */
  clusterVaultA: site('vault.test', 4110),
  clusterVaultB: site('vault.test', 4111),
  clusterShop: site('shop.test', 4210),
} as const;

/** Session lifetime on the short vault (the vault's minimum). */
export const SHORT_SESSION_TTL_SECONDS = 10;
