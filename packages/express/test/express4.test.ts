import { runConformance, startServer } from '@org/cors-conformance';
import express4 from 'express4';
import { conformanceApp } from './conformance-app.js';

runConformance({
  name: 'express 4',
  start: ({ policy, serverOptions }) => startServer(conformanceApp(policy, express4), serverOptions),
});
