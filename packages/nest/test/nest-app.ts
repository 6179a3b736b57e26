import 'reflect-metadata';
import { Body, Controller, Get, Header, Inject, Module, Param, Put, Res, type DynamicModule, type INestApplication } from '@nestjs/common';
import { AbstractHttpAdapter, NestFactory } from '@nestjs/core';
import type { RuntimeCorsPolicy } from '@org/cors-core/runtime';
import { CORS_POLICY } from '../src/index.js';

/** Routes with no OPTIONS handler: preflights for them must be answered by the middleware. */
@Controller('api/items')
export class ItemsController {
  static calls = 0;

  @Get()
  list(@Res({ passthrough: true }) res: { vary(field: string): void }): { id: string }[] {
    ItemsController.calls++;
    res.vary('Accept-Encoding');
    return [{ id: '1' }];
  }

  @Put(':id')
  save(@Param('id') id: string, @Body() body: { name: string }): { id: string; name: string } {
    ItemsController.calls++;
    return { id, name: body.name };
  }
}

@Controller('public')
export class PublicController {
  @Get('status')
  status(): { ok: true } {
    return { ok: true };
  }
}

/** Replaces Vary with Nest's own decorator, after the CORS layer has set it. */
@Controller('negotiated')
export class NegotiatedController {
  @Get()
  @Header('Vary', 'Accept-Encoding')
  get(): { ok: true } {
    return { ok: true };
  }
}

/** Proves the module's policy is injectable (e.g. for a diagnostics route). */
@Controller('policy')
export class PolicyController {
  constructor(@Inject(CORS_POLICY) private readonly policy: RuntimeCorsPolicy) {}

  @Get('name')
  name(): string {
    return this.policy.name;
  }
}

/**
 * Boots `cors` (a configured CorsPolicyModule) with the test controllers on 127.0.0.1:0, on the
 * Express platform or on the HTTP adapter given (e.g. `new FastifyAdapter()`).
 */
export async function listen(
  cors: DynamicModule,
  configure: (app: INestApplication) => void = () => {},
  httpAdapter?: AbstractHttpAdapter,
): Promise<{ url: string; close(): Promise<void> }> {
  @Module({ imports: [cors], controllers: [ItemsController, PublicController, NegotiatedController, PolicyController] })
  class AppModule {}
  const options = { logger: false, abortOnError: false } as const;
  const app = httpAdapter === undefined ? await NestFactory.create(AppModule, options) : await NestFactory.create(AppModule, httpAdapter, options);
  configure(app);
  await app.listen(0, '127.0.0.1');
  return { url: (await app.getUrl()).replace('[::1]', '127.0.0.1'), close: () => app.close() };
}
