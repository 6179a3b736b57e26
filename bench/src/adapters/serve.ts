import { SERVER_NAMES, type ServerName } from './http-scenarios.js';
import { NODE_FRAMEWORKS, startServer, type NodeFramework } from './start-server.js';

/*
 * Child-process entry of the adapter bench: `node serve.js <framework> <contender>`. Starts the
 * contender, reports its port over IPC, and exits when the parent disconnects or sends SIGTERM, so
 * a crashed bench never leaves servers behind.
 */

const [framework, contender] = process.argv.slice(2) as [NodeFramework, ServerName];
if (!NODE_FRAMEWORKS.includes(framework) || !SERVER_NAMES.includes(contender)) {
  console.error(`usage: serve.js <${NODE_FRAMEWORKS.join('|')}> <${SERVER_NAMES.join('|')}>`);
  process.exit(2);
}

const server = await startServer(framework, contender);
process.send?.({ port: server.port });
const stop = () => {
  void server.close().finally(() => process.exit(0));
};
process.on('disconnect', stop);
process.on('SIGTERM', stop);
