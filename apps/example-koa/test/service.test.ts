import { describeExampleService } from '@org/example-contract';
import { startService } from '../src/server.js';

describeExampleService('example-koa', async (environment) => {
  const { url, server } = await startService({ port: 0, environment });
  return { url, close: () => new Promise<void>((resolve) => server.close(() => resolve())) };
});
