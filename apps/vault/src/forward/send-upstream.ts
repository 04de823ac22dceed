import http from 'node:http';
import https from 'node:https';
import { ApiError } from '../http/api-error.ts';

export interface UpstreamResponse {
  status: number;
  statusMessage: string;
  /** Node's rawHeaders: name, value, name, value… */
  rawHeaders: string[];
  body: Buffer;
}

/** A destination answering with more than this is cut off (502): the vault buffers responses. */
export const MAX_UPSTREAM_BODY = 10 * 1024 * 1024;

const badGateway = () => new ApiError(502, 'BAD_GATEWAY', 'The destination could not be reached or broke the connection');
const timedOut = () => new ApiError(504, 'GATEWAY_TIMEOUT', 'The destination did not answer in time');

/**
 * One POST to the destination over node:http(s), byte for byte: no added headers beyond Host,
 * Content-Length and Connection (raw header arrays make Node add no Host of its own), no decompression, no redirects followed (a 3xx comes back to the caller as is).
 * The whole exchange, response body included, runs under one timeout.
 */
export function sendUpstream(url: URL, headers: string[], body: Buffer, timeoutMs: number): Promise<UpstreamResponse> {
  const signal = AbortSignal.timeout(timeoutMs);
  const transport = url.protocol === 'https:' ? https : http;
  return new Promise((resolve, reject) => {
    const fail = (error: unknown) => reject(signal.aborted ? timedOut() : error instanceof ApiError ? error : badGateway());
    const request = transport.request(
      url,
      { method: 'POST', headers: ['Host', url.host, ...headers, 'Content-Length', String(body.length)], signal },
      (response) => {
        const chunks: Buffer[] = [];
        let size = 0;
        response.on('data', (chunk: Buffer) => {
          size += chunk.length;
          if (size > MAX_UPSTREAM_BODY) {
            response.destroy();
            fail(new ApiError(502, 'BAD_GATEWAY', 'The destination answered with a body larger than the vault relays'));
          } else chunks.push(chunk);
        });
        response.on('error', fail);
        response.on('aborted', () => fail(badGateway()));
        response.on('end', () => {
          if (!response.complete) return fail(badGateway());
          resolve({ status: response.statusCode!, statusMessage: response.statusMessage ?? '', rawHeaders: response.rawHeaders, body: Buffer.concat(chunks) });
        });
      },
    );
    request.on('error', fail);
    request.end(body);
  });
}
