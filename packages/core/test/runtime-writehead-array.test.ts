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
});
