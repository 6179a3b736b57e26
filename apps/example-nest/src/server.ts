import 'reflect-metadata';
import type { INestApplication } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { AppModule } from './app.module.js';

/** Starts the service on `host:port` (port 0 picks a free one) and resolves with its URL. */
export async function startService(options: {
  port: number;
  host?: string;
  environment?: string | undefined;
  quiet?: boolean;
}): Promise<{ url: string; app: INestApplication }> {
  const host = options.host ?? '127.0.0.1';
  const app = await NestFactory.create(AppModule.forEnvironment(options.environment), {
    abortOnError: false,
    ...(options.quiet ? { logger: false } : {}),
  });
  await app.listen(options.port, host);
  const { port } = app.getHttpServer().address() as { port: number };
  return { url: `http://${host}:${port}`, app };
}
