import { runConformance, startServer } from '@org/cors-conformance';
import Koa2 from 'koa2';
import { conformanceApp } from './conformance-app.js';

runConformance({
  name: 'koa 2',
  start: ({ policy, serverOptions }) => startServer(conformanceApp(policy, Koa2).callback(), serverOptions),
});
