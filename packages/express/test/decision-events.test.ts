import { runDecisionEventSuite, runSourceSuite, type DecisionEventTarget, startServer } from '@org/cors-conformance';
import express from 'express';
import { cors } from '../src/index.js';

/** Both suites a host runs with its observing options: decision events, and origin sources. */
function runSuites(target: DecisionEventTarget): void {
  runDecisionEventSuite(target);
  runSourceSuite(target);
}

runSuites({
  name: 'express 5',
  start: (policy, options) => {
    const app = express();
    app.use(cors(policy, options));
    app.all('/{*path}', (_req, res) => res.send('ok'));
    return startServer(app, { maxHeaderSize: 16 * 1024 });
  },
});
