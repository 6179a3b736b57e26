/*
 * A real, throwaway PostgreSQL server for tests: Debian's `postgresql` package (binaries under
 * /usr/lib/postgresql/<version>/bin), a cluster in a temporary directory, TCP on a free loopback port,
 * its unix socket in that directory. Run as root (CI, containers), the server runs as the `postgres`
 * user through `runuser`, since PostgreSQL refuses to run as root. Reused by every test that needs a
 * database: the provider's own tests and the multi-instance tests of running services.
 */
import { execFile, spawnSync } from 'node:child_process';
import { existsSync, readdirSync } from 'node:fs';
import { chown, mkdtemp, readFile, rm } from 'node:fs/promises';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import pg from 'pg';

const run = promisify(execFile);
const SERVER_USER = 'postgres';
const MISSING = 'The PostgreSQL tests need a real server, and its binaries (initdb, pg_ctl, postgres) were not found in ' +
  '/usr/lib/postgresql/<version>/bin or on PATH. Run `bash scripts/setup.sh` (it installs Debian\'s `postgresql` package) ' +
  'or set POSTGRES_BIN to their directory.';

export interface PostgresServer {
  /** Connection settings for `new pg.Pool(...)` (user `postgres`, trust authentication, database `postgres`). */
  readonly connection: { readonly host: string; readonly port: number; readonly user: string; readonly database: string };
  readonly port: number;
  /** The server's major version (`15`). */
  readonly version: string;
  /** Creates a database and returns the connection settings for it. */
  createDatabase(name: string): Promise<PostgresServer['connection']>;
  /** Stops the server (fast shutdown) and removes its directory. Idempotent. */
  stop(): Promise<void>;
}

/**
 * The directory of `initdb`, `pg_ctl` and `postgres`: POSTGRES_BIN when set (and then only it), else
 * the newest /usr/lib/postgresql/<version>/bin, else PATH. Throws with what to install when none has them.
 */
export function findPostgresBin(env: NodeJS.ProcessEnv = process.env): string {
  const hasServer = (dir: string | undefined) => !!dir && ['initdb', 'pg_ctl', 'postgres'].every((bin) => existsSync(join(dir, bin)));
  if (env.POSTGRES_BIN) {
    if (hasServer(env.POSTGRES_BIN)) return env.POSTGRES_BIN;
    throw new Error(`POSTGRES_BIN=${env.POSTGRES_BIN} holds no initdb, pg_ctl and postgres. ${MISSING}`);
  }
  const versions = existsSync('/usr/lib/postgresql')
    ? readdirSync('/usr/lib/postgresql').filter((v) => /^\d+$/.test(v)).sort((a, b) => Number(b) - Number(a))
    : [];
  const found = [...versions.map((v) => `/usr/lib/postgresql/${v}/bin`), ...(env.PATH ?? '').split(':')].find(hasServer);
  if (found === undefined) throw new Error(MISSING);
  return found;
}

/**
 * Starts a fresh server and resolves once it accepts connections. Throws (with what to install) when
 * PostgreSQL is missing: a test that needs it fails, it is never skipped. Call `stop()` in teardown.
 */
export async function startPostgres(): Promise<PostgresServer> {
  const bin = findPostgresBin();
  const asRoot = process.getuid?.() === 0;
  const dir = await mkdtemp(join(tmpdir(), 'cors-pg-'));
  if (asRoot) {
    const uid = Number((await run('id', ['-u', SERVER_USER])).stdout.trim());
    const gid = Number((await run('id', ['-g', SERVER_USER])).stdout.trim());
    await chown(dir, uid, gid);
  }
  const command = (tool: string, args: string[]) =>
    (asRoot ? ['runuser', ['-u', SERVER_USER, '--', join(bin, tool), ...args]] : [join(bin, tool), args]) as [string, string[]];
  const data = join(dir, 'data');
  const log = join(dir, 'server.log');
  let stopped = false;

  const stopNow = () => {
    if (stopped) return;
    stopped = true;
    spawnSync(...command('pg_ctl', ['-D', data, '-m', 'immediate', '-w', 'stop']), { stdio: 'ignore' });
  };
  process.once('exit', stopNow); // a crashed test run never leaves a server behind

  try {
    await run(...command('initdb', ['-D', data, '-A', 'trust', '-U', SERVER_USER, '-E', 'UTF8', '--locale=C', '--no-sync']));
    const port = await startOnFreePort(command, data, dir, log);
    const version = (await readFile(join(data, 'PG_VERSION'), 'utf8')).trim();
    const connection = { host: '127.0.0.1', port, user: SERVER_USER, database: 'postgres' } as const;
    return {
      connection,
      port,
      version,
      async createDatabase(name) {
        const client = new pg.Client(connection);
        await client.connect();
        try {
          // FILE_COPY (PostgreSQL 15+) skips WAL-logging the copy: several times faster on a throwaway cluster.
          const strategy = Number(version) >= 15 ? ' STRATEGY = FILE_COPY' : '';
          await client.query(`CREATE DATABASE ${client.escapeIdentifier(name)}${strategy}`);
        } finally {
          await client.end();
        }
        return { ...connection, database: name };
      },
      async stop() {
        if (!stopped) {
          stopped = true;
          process.removeListener('exit', stopNow);
          await run(...command('pg_ctl', ['-D', data, '-m', 'fast', '-w', 'stop'])).catch(() => undefined);
        }
        await rm(dir, { recursive: true, force: true });
      },
    };
  } catch (error) {
    stopNow();
    process.removeListener('exit', stopNow);
    const serverLog = await readFile(log, 'utf8').catch(() => '');
    await rm(dir, { recursive: true, force: true });
    throw new Error(`PostgreSQL did not start: ${(error as Error).message}${serverLog ? `\n--- server log\n${serverLog}` : ''}`, { cause: error });
  }
}

/** pg_ctl start on a free port; another process may take the port first, so try a few. */
async function startOnFreePort(command: (tool: string, args: string[]) => [string, string[]], data: string, dir: string, log: string): Promise<number> {
  let lastError: unknown;
  for (let attempt = 0; attempt < 3; attempt += 1) {
    const port = await freePort();
    // fsync off: a throwaway cluster; the socket lives in our directory, never in /var/run/postgresql.
    const options = `-p ${port} -k ${dir} -c listen_addresses=127.0.0.1 -c fsync=off -c synchronous_commit=off -c full_page_writes=off`;
    try {
      await run(...command('pg_ctl', ['-D', data, '-o', options, '-l', log, '-w', '-t', '60', 'start']));
      return port;
    } catch (error) {
      lastError = error;
    }
  }
  throw lastError;
}

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address() as { port: number };
      server.close(() => resolve(port));
    });
  });
}
