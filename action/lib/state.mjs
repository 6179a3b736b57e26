// The action's steps hand results to each other as JSON files in one work directory.
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

/** The work directory created by the first step (`CORS_REVIEW_DIR`). */
export function workDir(env = process.env) {
  const dir = env.CORS_REVIEW_DIR;
  if (!dir) throw new Error('CORS_REVIEW_DIR is not set: the "resolve" step of the action must run first.');
  return dir;
}

export function writeState(name, value, env = process.env) {
  writeFileSync(join(workDir(env), `${name}.json`), `${JSON.stringify(value, null, 2)}\n`);
}

/** A step's result, or undefined if that step did not run. */
export function readState(name, env = process.env) {
  try {
    return JSON.parse(readFileSync(join(workDir(env), `${name}.json`), 'utf8'));
  } catch (error) {
    if (error?.code === 'ENOENT') return undefined;
    throw error;
  }
}
