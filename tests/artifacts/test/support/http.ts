import { request } from 'node:http';
import { createServer } from 'node:net';

export interface SentRequest {
  readonly method: string;
  readonly path: string;
  readonly headers: Record<string, string>;
}

export interface Received {
  readonly status: number;
  readonly headers: Record<string, string | string[] | undefined>;
}

/** One real HTTP request to 127.0.0.1 (node:http, so `Origin` is sent exactly as given). */
export function send(port: number, sent: SentRequest): Promise<Received> {
  return new Promise((resolve, reject) => {
    const req = request({ host: '127.0.0.1', port, method: sent.method, path: sent.path, headers: sent.headers }, (res) => {
      res.resume();
      res.on('end', () => resolve({ status: res.statusCode ?? 0, headers: res.headers }));
    });
    req.on('error', reject);
    req.end();
  });
}

/** The field names listed in a `Vary` header, lower-cased. */
export function varyNames(received: Received): string[] {
  const value = received.headers['vary'];
  const text = Array.isArray(value) ? value.join(',') : (value ?? '');
  return text.split(',').map((name) => name.trim().toLowerCase()).filter((name) => name !== '');
}

/** A port that was free a moment ago (for servers that cannot listen on 0 and report it). */
export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.on('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      const port = typeof address === 'object' && address !== null ? address.port : 0;
      server.close(() => resolve(port));
    });
  });
}
