import 'reflect-metadata';
import { All, Controller, Module, NotFoundException, Req, Res } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { FastifyAdapter, type NestFastifyApplication } from '@nestjs/platform-fastify';
import { appBehaviour, ConformanceApp, runConformance } from '@org/cors-conformance';
import type { IncomingHttpHeaders } from 'node:http';
import { CorsPolicyModule } from '../src/index.js';

/** What the conformance app uses of Fastify's request and reply (`fastify` is not a direct dependency). */
interface FastifyRequestLike {
  readonly url: string;
  readonly headers: IncomingHttpHeaders;
}
interface FastifyReplyLike {
  header(name: string, value: string): FastifyReplyLike;
  getHeader(name: string): string | number | string[] | undefined;
  send(body: string): FastifyReplyLike;
}

/** The conformance app with Nest's own primitives on Fastify: one catch-all route. */
@Controller()
class ConformanceController {
  @All('*') // find-my-way's wildcard
  handle(@Req() req: FastifyRequestLike, @Res() reply: FastifyReplyLike): void {
    const app = appBehaviour(req.url, (name) => req.headers[name]);
    // Fastify handlers have no next(): an unrouted path gets what Nest's own not-found handler throws.
    if (!app.routed) throw new NotFoundException(`Cannot GET ${req.url}`);
    if (app.vary !== undefined) {
      // Fastify has no vary(): append to what is set (its getHeader also reads the raw response's headers).
      const current = reply.getHeader('vary');
      reply.header('Vary', current === undefined ? app.vary : `${String(current)}, ${app.vary}`);
    }
    reply.header(ConformanceApp.ranHeader, ConformanceApp.ranValue);
    if (app.throws) throw new Error(ConformanceApp.errorMessage);
    reply.send(ConformanceApp.body);
  }
}

runConformance({
  name: 'nest 12 (platform-fastify)',
  async start({ policy, serverOptions }) {
    @Module({ imports: [CorsPolicyModule.forRoot(policy)], controllers: [ConformanceController] })
    class AppModule {}
    const app = await NestFactory.create<NestFastifyApplication>(AppModule, new FastifyAdapter(), { logger: false, abortOnError: false, bodyParser: false });
    // The app answers any method with any body (an empty chunked POST, an empty JSON PUT), as on the other
    // hosts: Fastify's own parsers would refuse those with 415/400 before the handler runs.
    const fastify = app.getHttpAdapter().getInstance();
    fastify.removeAllContentTypeParsers();
    fastify.addContentTypeParser('*', { parseAs: 'string' }, (_request, body, done) => done(null, body));
    (app.getHttpServer() as { maxHeaderSize?: number }).maxHeaderSize = serverOptions.maxHeaderSize;
    await app.listen(0, '127.0.0.1');
    return { url: (await app.getUrl()).replace('[::1]', '127.0.0.1'), close: () => app.close() };
  },
});
