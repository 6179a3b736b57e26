import { runDecisionEventSuite, startServer } from '@org/cors-conformance';
import Koa from 'koa';
import { cors } from '../src/index.js';

runDecisionEventSuite({
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
