/**
 * The bench's server process, so the load generator does not share its event loop:
 * `bare` = node:http hello world, `vault` = the real app on SQLite + memory, logging each
 * request at `info` to a file as a production server does (CARDFRAME_LOG_FILE).
 * Prints one JSON line with the port once listening; exits cleanly on SIGTERM so that
 * `--cpu-prof` (BENCH_SERVER_FLAGS) can write its profile.
 */
import { createServer } from 'node:http';
import { startBenchVault } from './start-bench-vault.ts';

const mode = process.argv[2];
const modulusLength = Number(process.argv[3] ?? 2048);

if (mode === 'bare') {
  const server = createServer((_req, res) => {
    res.writeHead(200, { 'content-type': 'text/plain' });
    res.end('hello world');
  });
  server.listen(0, '127.0.0.1', () => console.log(JSON.stringify({ port: (server.address() as { port: number }).port })));
  process.on('SIGTERM', () => server.close(() => process.exit(0)));
} else {
  await startBenchVault({ rsaModulusLength: modulusLength });
}
