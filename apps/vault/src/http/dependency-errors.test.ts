import net from 'node:net';
import Fastify from 'fastify';
import { afterEach, expect, it } from 'vitest';
import { createRedisClient } from '../ephemeral/redis-client.ts';
import { unavailableDependency } from './dependency-errors.ts';
import { errorHandler } from './error-handler.ts';

// Issue 15, item 2: a raw ioredis error that reaches a request is a 503, never a 500, whichever call let it through.
const closers: (() => unknown)[] = [];
afterEach(async () => {
  for (const close of closers.splice(0)) await close();
});

/** A server speaking just enough RESP: `answer` decides each command's reply line, or none at all. */
async function fakeRedis(answer: (command: string) => string | undefined): Promise<string> {
  const sockets = new Set<net.Socket>();
  const server = net.createServer((socket) => {
    sockets.add(socket);
    socket.on('close', () => sockets.delete(socket));
    socket.on('data', (data) => {
      for (const command of data
        .toString('latin1')
        .split(/^\*\d+\r\n/m)
        .filter(Boolean)) {
        const name = command.split('\r\n')[1]?.toUpperCase() ?? '';
        const reply = name === 'INFO' ? '$10\r\nloading:0\r\n\r\n' : answer(name);
        if (reply !== undefined) socket.write(reply);
      }
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  closers.push(() => {
    for (const socket of sockets) socket.destroy();
    return new Promise((resolve) => server.close(resolve));
  });
  return `redis://127.0.0.1:${(server.address() as net.AddressInfo).port}`;
}

/** The error a GET rejects with, from a client configured as the vault's. */
async function redisError(url: string): Promise<Error> {
  const redis = createRedisClient(url, { commandTimeoutMs: 200 });
  closers.push(() => redis.disconnect());
  return redis.get('k').then(
    () => new Error('no error'),
    (error: Error) => error,
  );
}

/** How the vault answers a request that failed with `error`. */
async function answerTo(error: Error) {
  const app = Fastify({ logger: false });
  app.setErrorHandler(errorHandler);
  app.get('/', async () => {
    throw error;
  });
  closers.push(() => app.close());
  return app.inject({ method: 'GET', url: '/' });
}

const refusedUrl = async () => {
  const server = net.createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as net.AddressInfo;
  await new Promise((resolve) => server.close(resolve));
  return `redis://127.0.0.1:${port}`;
};

it.each([
  ['refused (retry limit while reconnecting)', refusedUrl],
  ['stalled (command timeout)', () => fakeRedis(() => undefined)],
  ['loading after a restart', () => fakeRedis(() => '-LOADING Redis is loading the dataset in memory\r\n')],
  ['a replica during failover', () => fakeRedis(() => "-READONLY You can't write against a read only replica.\r\n")],
])('answers a raw ioredis error from a Redis %s with the security-code store 503', async (_case, url) => {
  const error = await redisError(await url());
  expect(unavailableDependency(error)).toBe('security-code-store');
  const res = await answerTo(error);
  expect(res.statusCode).toBe(503);
  expect(res.headers['retry-after']).toBe('2');
  expect(res.json()).toEqual({ code: 503, classifier: 'SERVICE_UNAVAILABLE', message: 'The security-code store is unavailable; retry shortly' });
});

it('keeps a Redis error that is not an outage a 500 (a bug must not hide behind a 503)', async () => {
  const error = await redisError(await fakeRedis(() => '-WRONGTYPE Operation against a key holding the wrong kind of value\r\n'));
  expect(error.name).toBe('ReplyError');
  expect(unavailableDependency(error)).toBeUndefined();
  expect((await answerTo(error)).statusCode).toBe(500);
});
