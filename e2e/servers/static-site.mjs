#!/usr/bin/env node
// A tiny static site for the e2e world: serves e2e/fixtures/<dir>/*.html (the first of the
// given dirs that has the file) on PORT, on each address in HOSTS (default 127.0.0.1).
//   third-party           → 127.0.0.2 (the attacker's site): pages that frame the card frame, open a checkout, receive leaks
//   harness third-party   → 127.0.0.1 (the merchant's site): test pages that speak the bridge by hand or drive the
//                           SDK, and the third party's framing page as an allowed merchant would serve it (control)
// Besides the pages, for specs that must not depend on an engine's request interception:
//   /probe.html      a blank page                                   (specs/sites.spec.ts: which pairs are cross-site)
//   /leak…           any request there is a leak                    (bridge-hardening: style payloads)
//   /tampered.js?src=<url>  that script with one byte flipped       (sdk-integrity: SRI refuses it)
//   /fonts/<name>.woff2  a fixtures/fonts file, CORS-readable       (brand fonts: a merchant's font host)
//   /_log            JSON of every request above: path, Host, Sec-Fetch-Site
import { readFile } from 'node:fs/promises';
import { createServer } from 'node:http';
import path from 'node:path';

const dirs = process.argv.slice(2);
if (!dirs.length || !dirs.every((d) => /^[a-z-]+$/.test(d))) throw new Error('usage: static-site.mjs <fixtures subdirectory>...');
const roots = dirs.map((dir) => path.join(import.meta.dirname, '../fixtures', dir));
const port = Number(process.env.PORT);
const hosts = (process.env.HOSTS || '127.0.0.1').split(',');
const log = [];

const send = (response, type, body) =>
  response.writeHead(200, { 'content-type': type, 'cache-control': 'no-store', 'access-control-allow-origin': '*' }).end(body);

const handle = async (request, response) => {
  const url = new URL(request.url ?? '/', 'http://x');
  const name = url.pathname.slice(1) || 'index.html';
  if (name === '_log') return send(response, 'application/json', JSON.stringify(log));
  if (name === 'probe.html' || name.startsWith('leak') || name === 'tampered.js' || name.startsWith('fonts/')) {
    log.push({ path: `${url.pathname}${url.search}`, host: request.headers.host, site: request.headers['sec-fetch-site'] ?? null });
  }
  if (name === 'probe.html') return send(response, 'text/html; charset=utf-8', '<!doctype html><title>probe</title>');
  if (name === 'tampered.js') {
    const original = await fetch(url.searchParams.get('src')).then((r) => r.arrayBuffer());
    const body = Buffer.from(original);
    body.writeUInt8(body.readUInt8(body.length - 2) ^ 1, body.length - 2);
    return send(response, 'text/javascript', body);
  }
  if (/^fonts\/[a-z-]+\.woff2$/.test(name)) {
    const font = await readFile(path.join(import.meta.dirname, '../fixtures', name)).catch(() => undefined);
    return font ? send(response, 'font/woff2', font) : response.writeHead(404).end('not found');
  }
  if (!/^[a-z-]+\.html$/.test(name)) return response.writeHead(404).end('not found');
  for (const root of roots) {
    const body = await readFile(path.join(root, name)).catch(() => undefined);
    if (body) return send(response, 'text/html; charset=utf-8', body);
  }
  response.writeHead(404).end('not found');
};
const servers = hosts.map((host) => createServer(handle).listen(port, host));
const close = () => Promise.all(servers.map((s) => new Promise((r) => s.close(r)))).then(() => process.exit(0));
process.on('SIGINT', close);
process.on('SIGTERM', close);
