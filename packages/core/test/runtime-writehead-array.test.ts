import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterEach, describe, expect, it } from 'vitest';
import { definePolicy } from '../src/index.js';
import { resolveCors, writeNodeDecision } from '../src/runtime.js';
import { actualFacts } from './helpers.js';

/*
 * Node's `writeHead(status, [name, value, …])` (the flat-array header form) replaces a header set
 * before, like the object form does: the writer must merge Origin into it too, or an app answering
 * with the array form drops `Vary: Origin` while `Access-Control-Allow-Origin` still echoes the
 * origin, and a shared cache may serve one origin's answer to another. (Found by mutation testing.)
 */

const APP = 'https://app.example.com';
let server: Server | undefined;
afterEach(() => new Promise<void>((done) => (server ? server.close(() => done()) : done())));

describe('writeNodeDecision and the array form of writeHead', () => {
  it('keeps Origin in Vary when the app passes Vary to writeHead as a flat array', async () => {
    const decision = resolveCors(definePolicy({ name: 'node', origins: [APP] }), actualFacts(APP));
    server = createServer((_req, res) => {
      writeNodeDecision(res, decision);
      res.writeHead(200, ['Vary', 'Accept-Language', 'Content-Type', 'text/plain']);
      res.end('ok');
    });
    await new Promise<void>((ready) => server?.listen(0, '127.0.0.1', ready));
    const response = await fetch(`http://127.0.0.1:${(server.address() as AddressInfo).port}/`, { headers: { origin: APP } });
    expect(response.headers.get('access-control-allow-origin')).toBe(APP);
    expect(response.headers.get('vary')).toBe('Accept-Language, Origin');
  });

  /** Serves one response written by `write` after the decision, and fetches it from APP. */
  async function served(write: (res: import('node:http').ServerResponse) => void): Promise<Response> {
    const decision = resolveCors(definePolicy({ name: 'node', origins: [APP] }), actualFacts(APP));
    server = createServer((_req, res) => {
      writeNodeDecision(res, decision);
      try {
        write(res);
      } catch (error) {
        res.statusCode = 500;
        res.end(String((error as { code?: unknown }).code));
      }
    });
    await new Promise<void>((ready) => server?.listen(0, '127.0.0.1', ready));
    return fetch(`http://127.0.0.1:${(server.address() as AddressInfo).port}/`, { headers: { origin: APP } });
  }

  it('merges into the Vary entries of the array only, leaving every other header as the app wrote it', async () => {
    const response = await served((res) => {
      res.writeHead(200, ['Content-Type', 'text/plain', 'X-Note', 'Accept', 'Vary', 'Accept-Language']);
      res.end('ok');
    });
    expect(response.headers.get('content-type')).toBe('text/plain');
    expect(response.headers.get('x-note')).toBe('Accept');
    expect(response.headers.get('vary')).toBe('Accept-Language, Origin');
  });

  it('hands an odd-length array (a name without a value) on to Node as it is, which refuses it', async () => {
    const response = await served((res) => {
      res.writeHead(200, ['Content-Type', 'text/plain', 'Vary']);
      res.end('sent');
    });
    expect(response.status).toBe(500);
    expect(await response.text()).toBe('ERR_INVALID_ARG_VALUE');
  });
});
