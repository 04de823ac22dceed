#!/usr/bin/env node
// A tiny static site for the e2e world: serves e2e/fixtures/<dir>/*.html on PORT, on each
// address in HOSTS (default 127.0.0.1), and nothing else.
//   third-party  → 127.0.0.2 (the attacker's site): pages that frame the card frame and message a checkout
//   harness      → 127.0.0.1 (the merchant's site): test pages that speak the bridge by hand or drive the SDK
// Both also answer /probe.html (a blank page) and /probe-log (JSON of the Sec-Fetch-Site header each
// probe request carried, newest last), so specs/sites.spec.ts can ask the browser which pairs are cross-site.
import { readFile } from 'node:fs/promises';
import { createServer } from 'node:http';
import path from 'node:path';

const [dir] = process.argv.slice(2);
if (!dir || !/^[a-z-]+$/.test(dir)) throw new Error('usage: static-site.mjs <fixtures subdirectory>');
const root = path.join(import.meta.dirname, '../fixtures', dir);
const port = Number(process.env.PORT);
const hosts = (process.env.HOSTS || '127.0.0.1').split(',');
const probes = [];

const handle = async (request, response) => {
  const url = new URL(request.url ?? '/', 'http://x');
  const name = url.pathname.slice(1) || 'index.html';
  if (name === 'probe.html') {
    probes.push({ id: url.searchParams.get('id'), host: request.headers.host, site: request.headers['sec-fetch-site'] ?? null });
    response.writeHead(200, { 'content-type': 'text/html; charset=utf-8', 'cache-control': 'no-store' }).end('<!doctype html><title>probe</title>');
    return;
  }
  if (name === 'probe-log') {
    response.writeHead(200, { 'content-type': 'application/json', 'cache-control': 'no-store' }).end(JSON.stringify(probes));
    return;
  }
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
};
const servers = hosts.map((host) => createServer(handle).listen(port, host));
const close = () => Promise.all(servers.map((s) => new Promise((r) => s.close(r)))).then(() => process.exit(0));
process.on('SIGINT', close);
process.on('SIGTERM', close);
