import { startService } from './server.js';

const { url } = await startService({
  port: Number(process.env.PORT ?? 4101),
  environment: process.env.APP_ENV || undefined,
});
console.log(`example-express listening on ${url}${process.env.APP_ENV ? ` (policy environment: ${process.env.APP_ENV})` : ''}`);
