import { runDecisionEventSuite, runSourceSuite, type DecisionEventTarget, startServer } from '@org/cors-conformance';
import Koa from 'koa';
import { cors } from '../src/index.js';

/** Both suites a host runs with its observing options: decision events, and origin sources. */
function runSuites(target: DecisionEventTarget): void {
  runDecisionEventSuite(target);
  runSourceSuite(target);
}

runSuites({
  name: 'koa 3',
  start: (policy, options) => {
    const app = new Koa();
    app.use(cors(policy, options));
    app.use((ctx) => {
      ctx.body = 'ok';
    });
    return startServer(app.callback(), { maxHeaderSize: 16 * 1024 });
  },
});
