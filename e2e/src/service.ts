import { spawn } from 'node:child_process';
import { closeSync, openSync, readFileSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { freePort } from './free-port.js';
import { RequestLog } from './request-log.js';

const RECORDER = pathToFileURL(fileURLToPath(new URL('./record-requests.mjs', import.meta.url))).href;

export interface ServiceSpec {
  /** Short name used for logs and artefacts: `express`, `koa`… */
  readonly name: string;
  /** Working directory of the service (its package folder). */
  readonly cwd: string;
  /** Command and arguments; the port arrives as `PORT` (and replaces `{PORT}` in arguments), the environment as `APP_ENV`. */
  readonly command: readonly [string, ...string[]];
  /** A path that answers once the service is ready (any HTTP status counts). */
  readonly readyPath: string;
  /** Extra environment variables for this service only. */
  readonly env?: Readonly<Record<string, string>>;
}

export interface RunningService {
  readonly name: string;
  /** `http://127.0.0.1:<port>` */
  readonly baseUrl: string;
  /** What reached the service's HTTP server, request by request. */
  readonly requests: RequestLog;
  stop(): Promise<void>;
}

/**
 * Starts a service as a child process (its own process group, so `stop` ends the whole tree and
 * nothing else) on a free port with `APP_ENV=development`, records every request it receives, and
 * resolves once `readyPath` answers. Output goes to `<artifacts>/<name>-service.log`.
 */
export async function startService(spec: ServiceSpec, artifacts: string): Promise<RunningService> {
  const port = await freePort();
  const baseUrl = `http://127.0.0.1:${port}`;
  const outputFile = join(artifacts, `${spec.name}-service.log`);
  const requestFile = join(artifacts, `${spec.name}-requests.jsonl`);
  rmSync(requestFile, { force: true });
  const output = openSync(outputFile, 'w');
  const [command, ...args] = spec.command.map((part) => part.replaceAll('{PORT}', String(port))) as [string, ...string[]];
  const child = spawn(command, args, {
    cwd: spec.cwd,
    detached: true,
    stdio: ['ignore', output, output],
    env: {
      ...process.env,
      APP_ENV: 'development',
      // The Next.js example is a production build (NODE_ENV=production) run locally: allow its developmentOnly overlay.
      CORS_ALLOW_DEVELOPMENT_ONLY_IN_PRODUCTION: 'true',
      PORT: String(port),
      HOST: '127.0.0.1',
      NEXT_TELEMETRY_DISABLED: '1',
      NODE_OPTIONS: [process.env.NODE_OPTIONS, `--import=${RECORDER}`].filter(Boolean).join(' '),
      E2E_REQUEST_LOG: requestFile,
      ...spec.env,
    },
  });
  closeSync(output);
  let exited: string | undefined;
  const exit = new Promise<void>((resolve) => child.once('exit', (code, signal) => { exited = `exit code ${code ?? signal}`; resolve(); }));

  const stop = async (): Promise<void> => {
    if (exited !== undefined || child.pid === undefined) return;
    try { process.kill(-child.pid, 'SIGTERM'); } catch { /* already gone */ }
    const timer = setTimeout(() => { try { process.kill(-child.pid!, 'SIGKILL'); } catch { /* already gone */ } }, 5_000);
    await exit;
    clearTimeout(timer);
  };

  const deadline = Date.now() + 90_000;
  for (;;) {
    if (exited !== undefined) {
      throw new Error(`${spec.name} (${spec.command.join(' ')}) stopped before answering (${exited}). Its output:\n${tail(outputFile)}`);
    }
    try {
      await fetch(`${baseUrl}${spec.readyPath}`, { signal: AbortSignal.timeout(2_000) });
      return { name: spec.name, baseUrl, requests: new RequestLog(requestFile), stop };
    } catch {
      if (Date.now() > deadline) {
        await stop();
        throw new Error(`${spec.name} did not answer ${baseUrl}${spec.readyPath} within 90 s. Its output:\n${tail(outputFile)}`);
      }
      await new Promise((resolve) => setTimeout(resolve, 200));
    }
  }
}

function tail(file: string): string {
  try {
    return readFileSync(file, 'utf8').split('\n').slice(-40).join('\n');
  } catch {
    return '(no output)';
  }
}
