import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { chromium, type BrowserContext } from 'playwright-core';

/**
 * Flags for a quiet, hermetic headless Chromium (toolchain.md §19–21): no sandbox (containers), no GPU,
 * no background traffic, and no DNS at all except for loopback names.
 */
export const CHROMIUM_FLAGS: readonly string[] = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--host-resolver-rules=MAP * ~NOTFOUND, EXCLUDE 127.0.0.1, EXCLUDE localhost',
];

export interface Browser {
  readonly context: BrowserContext;
  /** Closes Chromium and deletes its profile directory. */
  close(): Promise<void>;
}

/**
 * Launches the system Chromium (`CHROMIUM_PATH`, default Debian's /usr/bin/chromium) with a fresh,
 * throw-away profile. Never downloads a browser. `CHROMIUM_EXTRA_FLAGS` adds flags separated by `||`
 * (flags themselves may contain spaces and commas).
 */
export async function launchChromium(): Promise<Browser> {
  const executablePath = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
  const extra = (process.env.CHROMIUM_EXTRA_FLAGS ?? '').split('||').map((flag) => flag.trim()).filter((flag) => flag.length > 0);
  const profile = mkdtempSync(join(tmpdir(), 'cors-e2e-chromium-'));
  try {
    const context = await chromium.launchPersistentContext(profile, { executablePath, args: [...CHROMIUM_FLAGS, ...extra], headless: true });
    return {
      context,
      close: async () => {
        await context.close();
        rmSync(profile, { recursive: true, force: true });
      },
    };
  } catch (error) {
    rmSync(profile, { recursive: true, force: true });
    throw new Error(`Could not launch Chromium at ${executablePath} (install Debian's chromium: scripts/setup.sh, or set CHROMIUM_PATH): ${String(error)}`);
  }
}
