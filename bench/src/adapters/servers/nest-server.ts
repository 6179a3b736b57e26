import 'reflect-metadata';
import type { Server } from 'node:http';
import { Controller, Get, Module, type DynamicModule } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import type { NestExpressApplication } from '@nestjs/platform-express';
import { CorsPolicyModule } from '@org/cors-nest';
import { apiPolicy } from '@org/cors-policies';
import { ALLOW_HEADERS, CREDENTIALS, EXPOSE_HEADERS, MAX_AGE, METHODS, POLICY_ORIGINS } from '../../shared/bench-rules.js';
import type { Contender } from '../http-scenarios.js';
import { listening, type RunningServer } from '../running-server.js';

@Controller('api')
class ItemsController {
  @Get('items')
  list(): { items: never[] } {
    return { items: [] };
  }
}

@Module({})
class BenchModule {
  static with(imports: DynamicModule[]): DynamicModule {
    return { module: BenchModule, imports, controllers: [ItemsController] };
  }
}

/**
 * Nest 12 on platform-express with one controller route; `ours` imports CorsPolicyModule, `anchor`
 * calls `app.enableCors()` (which is the `cors` package underneath).
 */
export async function startNest(contender: Contender): Promise<RunningServer> {
  const app = await NestFactory.create<NestExpressApplication>(
    BenchModule.with(contender === 'ours' ? [CorsPolicyModule.forRoot(apiPolicy)] : []),
    { logger: false },
  );
  if (contender === 'anchor') {
    app.enableCors({
      origin: [...POLICY_ORIGINS],
      credentials: CREDENTIALS,
      methods: [...METHODS],
      allowedHeaders: [...ALLOW_HEADERS],
      exposedHeaders: [...EXPOSE_HEADERS],
      maxAge: MAX_AGE,
    });
  }
  await app.listen(0, '127.0.0.1');
  return listening(app.getHttpServer() as Server, () => app.close());
}
