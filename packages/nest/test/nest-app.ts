import 'reflect-metadata';
import { Body, Controller, Get, Inject, Module, Param, Put, Res, type DynamicModule, type INestApplication } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import type { CorsPolicy } from '@org/cors-core';
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

/** Proves the module's policy is injectable (e.g. for a diagnostics route). */
@Controller('policy')
export class PolicyController {
  constructor(@Inject(CORS_POLICY) private readonly policy: CorsPolicy) {}

  @Get('name')
  name(): string {
    return this.policy.name;
  }
}

/** Boots `cors` (a configured CorsPolicyModule) with the test controllers on 127.0.0.1:0. */
export async function listen(
  cors: DynamicModule,
  configure: (app: INestApplication) => void = () => {},
): Promise<{ url: string; close(): Promise<void> }> {
  @Module({ imports: [cors], controllers: [ItemsController, PublicController, PolicyController] })
  class AppModule {}
  const app = await NestFactory.create(AppModule, { logger: false, abortOnError: false });
  configure(app);
  await app.listen(0, '127.0.0.1');
  return { url: await app.getUrl(), close: () => app.close() };
}
