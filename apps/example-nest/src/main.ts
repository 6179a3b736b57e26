import { startService } from './server.js';

const { url } = await startService({
  port: Number(process.env.PORT ?? 4103),
  environment: process.env.APP_ENV || undefined,
});
console.log(`example-nest listening on ${url}${process.env.APP_ENV ? ` (policy environment: ${process.env.APP_ENV})` : ''}`);
