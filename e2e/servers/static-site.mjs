#!/usr/bin/env node
// A tiny static site for the e2e world: serves e2e/fixtures/<dir>/*.html on PORT and nothing else.
//   third-party  → evil.test: pages that try to frame the card frame and message a checkout
//   harness      → shop.test:4400: merchant-side test pages (an allowed origin) that speak the
//                  bridge by hand or drive the real SDK script directly
import { readFile } from 'node:fs/promises';
import { createServer } from 'node:http';
import path from 'node:path';

const [dir] = process.argv.slice(2);
if (!dir || !/^[a-z-]+$/.test(dir)) throw new Error('usage: static-site.mjs <fixtures subdirectory>');
const root = path.join(import.meta.dirname, '../fixtures', dir);
const port = Number(process.env.PORT);

const server = createServer(async (request, response) => {
  const name = new URL(request.url ?? '/', 'http://x').pathname.slice(1) || 'index.html';
  if (!/^[a-z-]+\.html$/.test(name)) {
    response.writeHead(404).end('not found');
    return;
  }
  try {
    const body = await readFile(path.join(root, name));
    response.writeHead(200, { 'content-type': 'text/html; charset=utf-8', 'cache-control': 'no-store' }).end(body);
  } catch {
    response.writeHead(404).end('not found');
  }
});
server.listen(port, '127.0.0.1');
const close = () => server.close(() => process.exit(0));
process.on('SIGINT', close);
process.on('SIGTERM', close);
