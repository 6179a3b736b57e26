import { runDecisionEventSuite, startServer } from '@org/cors-conformance';
import express from 'express';
import { cors } from '../src/index.js';

runDecisionEventSuite({
  name: 'express 5',
  start: (policy, options) => {
    const app = express();
    app.use(cors(policy, options));
    app.all('/{*path}', (_req, res) => res.send('ok'));
    return startServer(app, { maxHeaderSize: 16 * 1024 });
  },
});
