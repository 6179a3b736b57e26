import { spawn } from 'node:child_process';

export interface RunResult {
  readonly code: number | null;
  readonly stdout: string;
  readonly stderr: string;
}

export interface RunOptions {
  readonly cwd: string;
  readonly env?: NodeJS.ProcessEnv;
  /** Reject unless the command exits 0 (default true). */
  readonly check?: boolean;
}

/** Runs a command to completion; by default a non-zero exit rejects with the command's output. */
export function run(command: string, args: readonly string[], options: RunOptions): Promise<RunResult> {
  return new Promise((resolve, reject) => {
    const child = spawn(command, args, { cwd: options.cwd, env: options.env ?? process.env, stdio: ['ignore', 'pipe', 'pipe'] });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (chunk: Buffer) => (stdout += chunk.toString()));
    child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
    child.on('error', reject);
    child.on('close', (code) => {
      const result = { code, stdout, stderr };
      if ((options.check ?? true) && code !== 0) {
        reject(new Error(`${command} ${args.join(' ')} exited ${code} in ${options.cwd}\n${stdout}\n${stderr}`));
      } else resolve(result);
    });
  });
}
