import { runConformance, startServer } from '@org/cors-conformance';
import { conformanceApp } from './conformance-app.js';

runConformance({
  name: 'koa 3',
  start: ({ policy, serverOptions }) => startServer(conformanceApp(policy).callback(), serverOptions),
});
