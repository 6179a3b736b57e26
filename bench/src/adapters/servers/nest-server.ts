import 'reflect-metadata';
import type { Server } from 'node:http';
import { Controller, Get, Module, type DynamicModule, type Type } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import type { NestExpressApplication } from '@nestjs/platform-express';
import { CorsPolicyModule } from '@org/cors-nest';
import { apiPolicy } from '@org/cors-policies';
import { ALLOW_HEADERS, CREDENTIALS, EXPOSE_HEADERS, MAX_AGE, METHODS, POLICY_ORIGINS } from '../../shared/bench-rules.js';
import type { ServerName } from '../http-scenarios.js';
import { listening, type RunningServer } from '../running-server.js';
import {
  BENCH_EVENTS_PATH, decisionCounter, reportOnlyCandidate, sourceBoundPolicy, type DecisionCounts,
} from '../variant-policies.js';

@Controller('api')
class ItemsController {
  @Get('items')
  list(): { items: never[] } {
    return { items: [] };
  }
}

/** A controller answering the counting hook's counts at BENCH_EVENTS_PATH (`ours+report-only` only). */
function eventsController(counts: () => DecisionCounts): Type {
  @Controller()
  class EventsController {
    @Get(BENCH_EVENTS_PATH)
    events(): DecisionCounts {
      return counts();
    }
  }
  return EventsController;
}

@Module({})
class BenchModule {
  static with(imports: DynamicModule[], controllers: Type[] = []): DynamicModule {
    return { module: BenchModule, imports, controllers: [ItemsController, ...controllers] };
  }
}

/** The CORS module of a contender, and the extra controllers it needs. */
function corsModule(contender: ServerName): { imports: DynamicModule[]; controllers?: Type[] } {
  if (contender === 'ours') return { imports: [CorsPolicyModule.forRoot(apiPolicy)] };
  if (contender === 'ours+source') return { imports: [CorsPolicyModule.forRoot(sourceBoundPolicy('authoring'))] };
  if (contender === 'ours+report-only') {
    const counter = decisionCounter();
    return {
      imports: [CorsPolicyModule.forRoot(apiPolicy, { reportOnly: reportOnlyCandidate(), onDecision: counter.onDecision })],
      controllers: [eventsController(counter.counts)],
    };
  }
  return { imports: [] };
}

/**
 * Nest 12 on platform-express with one controller route; `ours` imports CorsPolicyModule, `anchor`
 * calls `app.enableCors()` (which is the `cors` package underneath); `ours+source` and
 * `ours+report-only` are ours in production (variant-policies.ts).
 */
export async function startNest(contender: ServerName): Promise<RunningServer> {
  const { imports, controllers } = corsModule(contender);
  const app = await NestFactory.create<NestExpressApplication>(BenchModule.with(imports, controllers), { logger: false });
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
