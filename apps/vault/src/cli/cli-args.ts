/** What the command line asks for; the vault is configured by environment, so flags only print and exit. */
export type CliAction = { kind: 'serve' } | { kind: 'help' } | { kind: 'version' } | { kind: 'error'; message: string };

/** Reads `cardframe-vault [--help | --version]`; anything else is an error, never silently a server start. */
export function parseCliArgs(args: readonly string[]): CliAction {
  if (args.length === 0) return { kind: 'serve' };
  if (args.length === 1 && (args[0] === '--help' || args[0] === '-h')) return { kind: 'help' };
  if (args.length === 1 && (args[0] === '--version' || args[0] === '-v')) return { kind: 'version' };
  return { kind: 'error', message: `expected no argument, --help or --version, got "${args.join(' ')}"` };
}

/** The `--help` text: the binary's whole surface, so an operator needs nothing else to start it. */
export function helpText(version: string): string {
  return `cardframe-vault ${version}: a self-hostable, Guardian-compatible PCI token vault

Usage: cardframe-vault            start the vault (configured by environment variables)
       cardframe-vault --help     print this and exit
       cardframe-vault --version  print the version and exit

Environment (defaults in brackets):
  PORT [8080], HOST [0.0.0.0]       where to listen; put TLS in front (a reverse proxy)
  CARDFRAME_PUBLIC_URL              the https URL merchants and browsers reach the vault at
  CARDFRAME_ALLOWED_ORIGINS         comma-separated merchant origins allowed to frame the card form
  CARDFRAME_DATA_DIR [./data]       SQLite database and the generated master key
  CARDFRAME_MASTER_KEY              base64 of 32 bytes; without it one is generated into the data dir
  CARDFRAME_ADMIN_TOKEN             x-admin-token secret (>= 32 chars); without it one is generated and printed once
  DATABASE_URL, REDIS_URL           PostgreSQL and Redis, required to run several vault processes as one
  CARDFRAME_METRICS_PORT, CARDFRAME_METRICS_HOST [127.0.0.1]   Prometheus GET /metrics on its own listener
  LOG_LEVEL [info], CARDFRAME_LOG_FILE [stdout]

Every variable: https://github.com/cardframe/cardframe/blob/main/apps/vault/README.md#configuration
`;
}
