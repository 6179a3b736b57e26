import { createServer, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterEach, describe, expect, it } from 'vitest';
import { definePolicy, type CorsDecision } from '../src/index.js';
import { resolveCors, writeNodeDecision } from '../src/runtime.js';
import { actualFacts, preflightFacts } from './helpers.js';

/*
 * writeNodeDecision on a real `http.ServerResponse`, read back by a real client: the headers a browser
 * (and any cache in between) receives, whatever the app does to `Vary` after the CORS layer ran.
 */

const APP = 'https://app.example.com';
const policy = definePolicy({ name: 'node', origins: [APP], methods: ['GET', 'PUT'], routes: [{ path: '/public/**', origins: ['*'] }] });
const allowed = resolveCors(policy, actualFacts(APP));
const preflightAllowed = resolveCors(policy, preflightFacts(APP, 'PUT'));
const anyOrigin = resolveCors(policy, actualFacts(APP, 'GET', '/public/feed'));
const PREFLIGHT_VARY = 'Origin, Access-Control-Request-Method, Access-Control-Request-Headers';

let server: Server | undefined;
afterEach(() => new Promise<void>((done) => (server ? server.close(() => done()) : done())));

/** Serves one request: the CORS layer writes `decisions` in order, then the app answers. */
async function serve(decisions: readonly CorsDecision[], app: (res: ServerResponse) => void, before?: (res: ServerResponse) => void): Promise<Response> {
  server = createServer((_req, res) => {
    before?.(res);
    for (const decision of decisions) writeNodeDecision(res, decision);
    app(res);
  });
  await new Promise<void>((ready) => server?.listen(0, '127.0.0.1', ready));
  return fetch(`http://127.0.0.1:${(server.address() as AddressInfo).port}/`, { headers: { origin: APP } });
}

describe('writeNodeDecision', () => {
  it('keeps Origin when the app passes lower-case vary to writeHead with a status message', async () => {
    const response = await serve([allowed], (res) => {
      res.writeHead(200, 'Fine', { vary: 'Accept-Language' });
      res.end('ok');
    });
    expect(response.statusText).toBe('Fine');
    expect(response.headers.get('vary')).toBe('Accept-Language, Origin');
    expect(response.headers.get('access-control-allow-origin')).toBe(APP);
  });

  it('adds nothing but the headers given when the app passes writeHead headers without Vary', async () => {
    const response = await serve([allowed], (res) => {
      res.writeHead(200, { 'Content-Type': 'text/plain' });
      res.end('ok');
    });
    expect([...response.headers.keys()].filter((n) => !['connection', 'date', 'keep-alive', 'transfer-encoding'].includes(n)).sort())
      .toEqual(['access-control-allow-origin', 'content-type', 'vary']);
    expect(response.headers.get('vary')).toBe('Origin');
    expect(response.headers.get('content-type')).toBe('text/plain');
  });

  it('appends to a Vary set before the CORS layer ran, and the app sees the merged value at once', async () => {
    const response = await serve(
      [allowed],
      (res) => res.end(String(res.getHeader('vary'))),
      (res) => res.setHeader('Vary', 'Accept-Encoding'),
    );
    expect(await response.text()).toBe('Accept-Encoding, Origin');
    expect(response.headers.get('vary')).toBe('Accept-Encoding, Origin');
  });

  it('tolerates writeHead(status), writeHead(status, undefined) and writeHead(status, null)', async () => {
    const apps = [
      (res: ServerResponse) => res.writeHead(204).end(),
      (res: ServerResponse) => res.writeHead(204, undefined).end(),
      (res: ServerResponse) => res.writeHead(204, 'No Content', undefined).end(),
      (res: ServerResponse) => res.writeHead(204, null as never).end(),
    ];
    for (const app of apps) {
      const response = await serve([allowed], app);
      expect(response.status).toBe(204);
      expect(response.headers.get('vary')).toBe('Origin');
      await new Promise<void>((done) => server?.close(() => done()));
      server = undefined;
    }
  });

  it('appends to an array Vary the app set before, and keeps its values', async () => {
    const response = await serve([allowed], (res) => {
      res.setHeader('Vary', ['Accept', 'Accept-Language']);
      res.end('ok');
    });
    expect(response.headers.get('vary')).toBe('Accept, Accept-Language, Origin');
  });

  it('keeps every token of a second decision written on the same response, and writes the head once', async () => {
    const response = await serve([allowed, preflightAllowed], (res) => {
      res.setHeader('Vary', 'Accept-Encoding');
      res.writeHead(204);
      res.end();
    });
    expect(response.status).toBe(204);
    expect(response.headers.get('vary')).toBe(`Accept-Encoding, ${PREFLIGHT_VARY}`);
    expect(response.headers.get('access-control-allow-methods')).toBe('PUT');
  });

  it('adds no Vary for an answer that is the same for every origin, and leaves the app’s Vary as set', async () => {
    const bare = await serve([anyOrigin], (res) => res.end('ok'));
    expect(bare.headers.get('access-control-allow-origin')).toBe('*');
    expect(bare.headers.has('vary')).toBe(false);
    await new Promise<void>((done) => server?.close(() => done()));
    server = undefined;
    const own = await serve([anyOrigin], (res) => {
      res.setHeader('Vary', 'Accept');
      res.writeHead(200, { Vary: 'Accept-Language' });
      res.end('ok');
    });
    expect(own.headers.get('vary')).toBe('Accept-Language');
  });
});
