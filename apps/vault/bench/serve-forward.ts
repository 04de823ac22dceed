/**
 * The forward bench's server processes, each in its own event loop: `psp` = a node:http stand-in
 * for a payment provider that reads the body and answers a small JSON; `vault` = the real app on
 * SQLite + memory whose forward allowlist is the PSP (argv[3]), logging each request at `info` to a
 * file. Prints one JSON line once listening; exits on SIGTERM.
 */
import { createServer } from 'node:http';
import { startBenchVault } from './start-bench-vault.ts';
import { parseForwardAllowlist } from '../src/forward/forward-allowlist.ts';

const mode = process.argv[2];

if (mode === 'psp') {
  const server = createServer((req, res) => {
    req.resume();
    req.on('end', () => {
      res.writeHead(200, { 'content-type': 'application/json' });
      res.end('{"status":"authorized","psp_reference":"bench"}');
    });
  });
  // TCP connections opened to the stand-in: shows whether the vault reuses keep-alive sockets.
  let connections = 0;
  server.on('connection', () => connections++);
  server.listen(0, '127.0.0.1', () => console.log(JSON.stringify({ port: (server.address() as { port: number }).port })));
  process.on('SIGTERM', () => {
    console.error(`psp stand-in: ${connections} TCP connections accepted`);
    server.closeAllConnections();
    server.close(() => process.exit(0));
  });
} else {
  await startBenchVault({ forwardAllowlist: parseForwardAllowlist(process.argv[3]) });
}
