import 'reflect-metadata';
import { createServer, type IncomingMessage, type RequestListener, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { getRequestListener } from '@hono/node-server';
import { All, Controller, Module, Req, Res } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { compilePolicy, definePolicy } from '@org/cors-core';
import { bindOriginSources, closeSources, loadCompiledPolicy, type CorsDecisionEvent, type RuntimeCorsPolicy } from '@org/cors-core/runtime';
import { cors as expressCors } from '@org/cors-express';
import { cors as honoCors } from '@org/cors-fetch';
import { cors as koaCors } from '@org/cors-koa';
import { CorsPolicyModule } from '@org/cors-nest';
import { withCors } from '@org/cors-next';
import express from 'express';
import { Hono } from 'hono';
import Koa from 'koa';
import { LOOKUP_CACHE_SIZE, reliabilityPolicy, tenantLookup } from './reliability-policy.js';

/*
 * Every adapter behind a real HTTP server on 127.0.0.1, in front of an app that answers `ok` on any
 * path. Header limits are raised to 256 KiB (here, and for Nest's own server by the worker's
 * `--max-http-header-size`) so that 64 KiB values reach the CORS layer instead of Node's own 431.
 */

export const MAX_HEADER_SIZE = 256 * 1024;

export interface RunningHost {
  readonly port: number;
  close(): Promise<void>;
}

export interface Host {
  readonly name: string;
  start(policy: RuntimeCorsPolicy): Promise<RunningHost>;
}

function listen(listener: RequestListener): Promise<RunningHost> {
  const server = createServer({ maxHeaderSize: MAX_HEADER_SIZE }, listener);
  return running(server, () => new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve)));
}

async function running(server: Server, start: () => Promise<void>): Promise<RunningHost> {
  await start();
  return {
    port: (server.address() as AddressInfo).port,
    close: () =>
      new Promise<void>((resolve) => {
        server.close(() => resolve());
        server.closeAllConnections();
      }),
  };
}

@Controller()
class OkController {
  @All('{*path}')
  handle(@Req() _req: IncomingMessage, @Res() res: { status(code: number): { send(body: string): void } }): void {
    res.status(200).send('ok');
  }
}

/** A Next.js proxy (`withCors`) as Next runs it: a Web handler, here behind a node:http bridge. */
function webListener(handler: (request: Request) => Promise<Response>): RequestListener {
  return (req, res) => {
    let request: Request;
    try {
      const headers = new Headers();
      for (let i = 0; i < req.rawHeaders.length; i += 2) headers.append(req.rawHeaders[i] as string, req.rawHeaders[i + 1] as string);
      request = new Request(`http://127.0.0.1${req.url?.startsWith('/') ? req.url : '/'}`, { method: req.method ?? 'GET', headers });
    } catch {
      // The bridge (not the adapter) could not build a Request: Next's own server answers such requests itself.
      res.writeHead(400).end();
      return;
    }
    void handler(request).then(async (response) => {
      const lines: string[] = [];
      response.headers.forEach((value, name) => lines.push(name, value));
      res.writeHead(response.status, lines);
      res.end(Buffer.from(await response.arrayBuffer()));
    });
  };
}

/**
 * What the observed host's `onDecision` saw: events, report-only events, and events whose JSON line
 * holds a raw control character or line separator (hostile values must arrive escaped).
 */
export const observedEvents = { events: 0, reportOnly: 0, unsafe: [] as string[] };

// C0, DEL, C1, bidi controls and U+2028/2029: never raw in a log line.
// eslint-disable-next-line no-control-regex -- control characters are what this looks for
const UNSAFE_IN_LOG = /[\u0000-\u001f\u007f-\u009f\u061c\u200e\u200f\u2028\u2029\u202a-\u202e\u2066-\u2069]/;

function observe(event: CorsDecisionEvent): void {
  observedEvents.events++;
  if (event.reportOnly) observedEvents.reportOnly++;
  const line = JSON.stringify(event);
  if (UNSAFE_IN_LOG.test(line) && observedEvents.unsafe.length < 5) observedEvents.unsafe.push(line.slice(0, 300));
}

/** The report-only candidate of the observed host: PUT and DELETE dropped, nothing exposed; its own lookup cache. */
function reliabilityCandidate(): RuntimeCorsPolicy {
  const input = { ...reliabilityPolicy, name: 'reliability-candidate', methods: ['GET', 'POST'], exposeHeaders: [] };
  const compiled = loadCompiledPolicy(JSON.parse(JSON.stringify(compilePolicy(definePolicy(input)))));
  return bindOriginSources(compiled, { tenants: tenantLookup }, { lookupCacheSize: LOOKUP_CACHE_SIZE });
}

export const HOSTS: readonly Host[] = [
  {
    name: 'express',
    start: (policy) => {
      const app = express();
      app.use(expressCors(policy));
      app.use((_req, res) => void res.send('ok'));
      return listen(app);
    },
  },
  {
    // The fused observed Node path (events and report-only on), under the same hostile requests.
    name: 'express, observed (onDecision + report-only candidate)',
    start: async (policy) => {
      const candidate = reliabilityCandidate();
      const app = express();
      app.use(expressCors(policy, { onDecision: observe, reportOnly: candidate }));
      app.use((_req, res) => void res.send('ok'));
      const host = await listen(app);
      return { port: host.port, close: () => host.close().finally(() => closeSources(candidate)) };
    },
  },
  {
    name: 'koa',
    start: (policy) => {
      const app = new Koa();
      app.silent = true;
      app.use(koaCors(policy));
      app.use((ctx) => void (ctx.body = 'ok'));
      return listen(app.callback());
    },
  },
  {
    name: 'nest (platform-express)',
    start: async (policy) => {
      @Module({ imports: [CorsPolicyModule.forRoot(policy)], controllers: [OkController] })
      class AppModule {}
      const app = await NestFactory.create(AppModule, { logger: false, abortOnError: false });
      // Nest creates its own server: the 256 KiB limit comes from `--max-http-header-size` (vitest.config.ts).
      await app.listen(0, '127.0.0.1');
      return { port: ((app.getHttpServer() as Server).address() as AddressInfo).port, close: () => app.close() };
    },
  },
  {
    name: 'hono (@org/cors-fetch)',
    start: (policy) => {
      const app = new Hono();
      app.use('*', honoCors(policy));
      app.all('*', (c) => c.text('ok'));
      return listen(getRequestListener(app.fetch));
    },
  },
  {
    name: 'next proxy (@org/cors-next withCors)',
    start: (policy) => listen(webListener(withCors(policy, () => new Response('ok')) as (request: Request) => Promise<Response>)),
  },
];
