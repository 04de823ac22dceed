#!/usr/bin/env node
// The demo shop as a merchant page with a script of its own that records all it can see: a
// reverse proxy on PORT to TARGET that puts fixtures/recorder/merchant-recorder.js first in every
// HTML page's <head> (a same-origin script, so the shop's CSP allows it). The isolation spec
// reads what it recorded, in every engine, without an engine's init-script hook.
import { readFileSync } from 'node:fs';
import { createServer, request as httpRequest } from 'node:http';
import path from 'node:path';

const target = new URL(process.env.TARGET);
const port = Number(process.env.PORT);
const RECORDER_PATH = '/__e2e-recorder.js';
const recorder = readFileSync(path.join(import.meta.dirname, '../fixtures/recorder/merchant-recorder.js'));

const server = createServer((request, response) => {
  if (request.url === RECORDER_PATH) {
    response.writeHead(200, { 'content-type': 'text/javascript', 'cache-control': 'no-store' }).end(recorder);
    return;
  }
  // Ask for identity encoding so HTML can be rewritten as text.
  const headers = { ...request.headers, host: target.host };
  delete headers['accept-encoding'];
  const upstream = httpRequest({ host: target.hostname, port: target.port, method: request.method, path: request.url, headers }, (answer) => {
    if (!String(answer.headers['content-type'] ?? '').includes('text/html')) {
      response.writeHead(answer.statusCode ?? 502, answer.headers);
      answer.pipe(response);
      return;
    }
    const chunks = [];
    answer.on('data', (chunk) => chunks.push(chunk));
    answer.on('end', () => {
      const html = Buffer.concat(chunks).toString('utf8');
      const injected = html.replace(/<head[^>]*>/i, (head) => `${head}<script src="${RECORDER_PATH}"></script>`);
      const out = { ...answer.headers };
      delete out['content-length'];
      response.writeHead(answer.statusCode ?? 502, out).end(injected);
    });
  });
  upstream.on('error', (error) => response.writeHead(502).end(String(error)));
  request.pipe(upstream);
});
server.listen(port, '127.0.0.1');
const close = () => server.close(() => process.exit(0));
process.on('SIGINT', close);
process.on('SIGTERM', close);
