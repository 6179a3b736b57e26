import { randomUUID } from 'node:crypto';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { Module, RequestMethod, type DynamicModule, type MiddlewareConsumer, type NestModule } from '@nestjs/common';
import { definePolicy } from '@org/cors-core';
import { CorsPolicyModule } from '@org/cors-nest';
import { apiPolicyInput } from '@org/cors-policies';
import { ItemsController, StatusController } from './items.controller.js';
import { ItemsService } from './items.service.js';

/** Every response carries a request id, which the policy exposes to allowed pages. */
function requestId(_req: IncomingMessage, res: ServerResponse, next: () => void): void {
  res.setHeader('X-Request-Id', randomUUID());
  next();
}

/**
 * The example storefront service: items (read and update) and a public status route, behind the
 * organisation's shared CORS policy loaded for `environment` (e.g. `development`).
 */
@Module({})
export class AppModule implements NestModule {
  static forEnvironment(environment: string | undefined): DynamicModule {
    return {
      module: AppModule,
      // definePolicy throws here, before anything listens, if the policy or the overlay is bad.
      imports: [CorsPolicyModule.forRoot(definePolicy(apiPolicyInput, { environment }))],
      controllers: [ItemsController, StatusController],
      providers: [ItemsService],
    };
  }

  configure(consumer: MiddlewareConsumer): void {
    consumer.apply(requestId).forRoutes({ path: '/{*path}', method: RequestMethod.ALL });
  }
}
