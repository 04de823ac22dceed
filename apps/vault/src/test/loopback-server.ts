import http from 'node:http';
import type { AddressInfo } from 'node:net';

/** One request as the server saw it: raw header pairs (order and case kept) and the exact body bytes. */
export interface Received {
  method: string;
  url: string;
  rawHeaders: string[];
  body: Buffer;
}

export interface LoopbackServer {
  origin: string;
  received: Received[];
  /** Replaces how the next requests are answered. */
  respond(handler: (request: Received, response: http.ServerResponse) => void): void;
  close(): Promise<void>;
}

/**
 * A real HTTP server on 127.0.0.1, port 0, standing in for a payment provider or a webhook
 * receiver in tests: it records what arrived and answers as told (200 "ok" by default).
 */
export async function startLoopbackServer(): Promise<LoopbackServer> {
  const received: Received[] = [];
  let handler: (request: Received, response: http.ServerResponse) => void = (_request, response) => response.end('ok');
  const server = http.createServer((request, response) => {
    const chunks: Buffer[] = [];
    request.on('data', (c: Buffer) => chunks.push(c));
    request.on('end', () => {
      const entry = { method: request.method!, url: request.url!, rawHeaders: request.rawHeaders, body: Buffer.concat(chunks) };
      received.push(entry);
      handler(entry, response);
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    origin: `http://127.0.0.1:${port}`,
    received,
    respond(next) {
      handler = next;
    },
    close: () =>
      new Promise((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}
