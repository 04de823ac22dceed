import net from 'node:net';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { createTestVault, type TestVault } from '../test/test-vault.ts';

let vault: TestVault;
let port: number;
beforeAll(async () => {
  // Shortened for the test; production bounds are HTTP_TIMEOUTS (30 s request, 10 s headers).
  vault = await createTestVault({ httpTimeouts: { requestMs: 1500, headersMs: 1000, checkIntervalMs: 250 } });
  await vault.app.listen({ port: 0, host: '127.0.0.1' });
  port = (vault.app.server.address() as net.AddressInfo).port;
});
afterAll(async () => vault.close());

/** Sends `head`, then one byte of `body` every `everyMs`; resolves with what the server said and when it hung up. */
function trickle(head: string, body: string, everyMs: number): Promise<{ response: string; closedAfterMs: number }> {
  return new Promise((resolve) => {
    const started = Date.now();
    const socket = net.connect(port, '127.0.0.1');
    let response = '';
    let i = 0;
    socket.on('data', (d) => (response += d.toString()));
    socket.on('error', () => {});
    const timer = setInterval(() => {
      if (i < body.length) socket.write(body[i++]!);
    }, everyMs);
    socket.on('close', () => {
      clearInterval(timer);
      resolve({ response, closedAfterMs: Date.now() - started });
    });
    socket.write(head);
  });
}

it('closes a connection whose body trickles in slower than the request timeout (slowloris), with 408', async () => {
  const body = JSON.stringify({ action: 'tokenize_card', result: { enc_payload: 'x' } });
  const head = `POST /api/sessions/00000000-0000-4000-8000-000000000000/complete-action HTTP/1.1\r\nhost: x\r\ncontent-type: application/json\r\ncontent-length: ${body.length}\r\n\r\n`;
  const results = await Promise.all(Array.from({ length: 5 }, () => trickle(head, body, 400)));
  for (const { response, closedAfterMs } of results) {
    expect(response).toMatch(/^HTTP\/1\.1 408/);
    expect(closedAfterMs).toBeLessThan(3000);
  }
});

it('closes a connection whose headers never finish', async () => {
  const { response, closedAfterMs } = await trickle('GET /healthz HTTP/1.1\r\nhost: x\r\n', 'x-slow: 1234567890', 300);
  expect(response).toMatch(/^HTTP\/1\.1 408/);
  expect(closedAfterMs).toBeLessThan(3000);
});
