import { runConformance, startServer } from '@org/cors-conformance';
import { conformanceApp } from './conformance-app.js';

runConformance({
  name: 'express 5',
  start: ({ policy, serverOptions }) => startServer(conformanceApp(policy), serverOptions),
});
