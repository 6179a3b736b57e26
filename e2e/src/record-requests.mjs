// Preloaded into every service under test (`NODE_OPTIONS=--import=…`): appends one JSON line per HTTP
// request that reaches any node:http server in the process to $E2E_REQUEST_LOG, before the framework
// sees it. This is how the suite knows what the browser actually sent (a preflight, the request, or
// nothing) without asking each example service to log in a common format. Plain JS: it runs before
// any TypeScript tooling could.
import { appendFileSync } from 'node:fs';
import http from 'node:http';

const logFile = process.env.E2E_REQUEST_LOG;
if (logFile) {
  const emit = http.Server.prototype.emit;
  http.Server.prototype.emit = function recordRequest(event, ...args) {
    if (event === 'request') {
      const req = args[0];
      const line = JSON.stringify({
        method: req.method,
        url: req.url,
        origin: req.headers.origin ?? null,
        accessControlRequestMethod: req.headers['access-control-request-method'] ?? null,
        accessControlRequestHeaders: req.headers['access-control-request-headers'] ?? null,
        cookie: req.headers.cookie ?? null,
        authorization: req.headers.authorization ?? null,
      });
      appendFileSync(logFile, `${line}\n`);
    }
    return emit.call(this, event, ...args);
  };
}
