import { describe, expect, it } from 'vitest';
import { runCli as runCliInProcess } from '../src/cli.js';
import { ExitCode } from '../src/cli-io.js';
import { escapeControlCharacters } from '../src/terminal-text.js';
import { fixtures, hasStackTrace, runCli } from './run-cli.js';

describe('exit codes', () => {
  it('documents every exit code in --help', async () => {
    const help = await runCli(['--help']);
    for (const [code, meaning] of [
      [ExitCode.Ok, 'ok'],
      [ExitCode.Failure, 'policy errors'],
      [ExitCode.Usage, 'usage'],
      [ExitCode.LoadFailure, 'could not be loaded'],
      [ExitCode.DidNotFinish, 'did not finish'],
      [ExitCode.BadInput, 'bad input data'],
      [ExitCode.Internal, 'internal error'],
    ] as const) {
      expect(help.stdout).toMatch(new RegExp(`^  ${code}\\s+.*${meaning}`, 'm'));
    }
  });

  it('turns an unexpected internal error into one line and exit 70, never a stack', async () => {
    const stderr: string[] = [];
    const code = await runCliInProcess(['check', 'clean.policy.ts'], {
      cwd: fixtures,
      stdout: () => {
        throw new TypeError('stdout went away\n    at write (internal.js:1:1)');
      },
      stderr: (text) => stderr.push(text),
    });
    expect(code).toBe(70);
    expect(stderr).toEqual(['cors-policy: internal error: TypeError: stdout went away (please report this)\n']);
    expect(hasStackTrace(stderr.join(''))).toBe(false);
  });
});

describe('terminal text', () => {
  it('shows control, C1 and bidi characters as \\uXXXX and keeps newlines and tabs', () => {
    expect(escapeControlCharacters('a\u001b[31mb\u009bc\u202ed\re\n\tf')).toBe('a\\u001b[31mb\\u009bc\\u202ed\\u000de\n\tf');
  });
});
