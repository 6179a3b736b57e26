import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { findPostgresBin } from '../test-utils/postgres-server.js';

const empty = mkdtempSync(join(tmpdir(), 'cors-no-pg-'));
afterEach(() => rmSync(empty, { recursive: true, force: true }));

describe('the PostgreSQL test harness', () => {
  it('finds the server binaries of this machine (installed by scripts/setup.sh)', () => {
    const bin = findPostgresBin();
    expect(bin).toMatch(/\/bin$/);
  });

  it('fails, never skips, with the command that installs PostgreSQL when its binaries are missing', () => {
    expect(() => findPostgresBin({ POSTGRES_BIN: empty, PATH: '' })).toThrow(/holds no initdb, pg_ctl and postgres\. .*Run `bash scripts\/setup\.sh` \(it installs Debian's `postgresql` package\)/);
  });
});
