import 'reflect-metadata';
import { All, Controller, HttpCode, Module, Next, Req, Res } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { appBehaviour, ConformanceApp, runConformance } from '@org/cors-conformance';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { CorsPolicyModule } from '../src/index.js';

/** The conformance app with Nest's own primitives: one catch-all route on the Express platform. */
@Controller()
class ConformanceController {
  @All('{*path}')
  @HttpCode(200)
  handle(
    @Req() req: IncomingMessage & { originalUrl: string },
    @Res() res: ServerResponse & { vary(field: string): void; send(body: string): void },
    @Next() next: () => void,
  ): void {
    const app = appBehaviour(req.originalUrl, (name) => req.headers[name]);
    // Not routed: hand the request on, so Nest's own 404 answers.
    if (!app.routed) return next();
    if (app.vary !== undefined) res.vary(app.vary);
    res.setHeader(ConformanceApp.ranHeader, ConformanceApp.ranValue);
    if (app.throws) throw new Error(ConformanceApp.errorMessage);
    res.send(ConformanceApp.body);
  }
}

runConformance({
  name: 'nest 12 (platform-express)',
  async start({ policy, serverOptions }) {
    @Module({ imports: [CorsPolicyModule.forRoot(policy)], controllers: [ConformanceController] })
    class AppModule {}
    const app = await NestFactory.create(AppModule, { logger: false, abortOnError: false });
    app.getHttpServer().maxHeaderSize = serverOptions.maxHeaderSize;
    await app.listen(0, '127.0.0.1');
    return { url: (await app.getUrl()).replace('[::1]', '127.0.0.1'), close: () => app.close() };
  },
});
