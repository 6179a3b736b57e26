// Expands the `policy-files` input (paths and globs) into files, relative to the working directory.
import { execFileSync } from 'node:child_process';
import { existsSync, statSync } from 'node:fs';
import { isAbsolute, relative, resolve, sep } from 'node:path';
import { ActionInputError } from './inputs.mjs';

/** Turns a glob into a RegExp over `/`-separated paths: `**`, `*`, `?` and `[…]` classes. */
export function globToRegExp(glob) {
  let out = '';
  for (let i = 0; i < glob.length; i++) {
    const char = glob[i];
    if (char === '*') {
      if (glob[i + 1] === '*') {
        const slash = glob[i + 2] === '/';
        out += slash ? '(?:.*/)?' : '.*';
        i += slash ? 2 : 1;
      } else out += '[^/]*';
    } else if (char === '?') out += '[^/]';
    else if (char === '[') {
      const end = glob.indexOf(']', i + 2);
      if (end === -1) out += '\\[';
      else {
        const body = glob.slice(i + 1, end).replace(/^!/, '^').replace(/\\/g, '\\\\');
        out += `[${body}]`;
        i = end;
      }
    } else out += char.replace(/[.+^${}()|\\]/g, '\\$&');
  }
  return new RegExp(`^${out}$`);
}

const isGlob = (entry) => /[*?[]/.test(entry);

/** Runs git in `cwd`; outside a repository that is a configuration error, not a crash. */
function git(args, cwd) {
  try {
    return execFileSync('git', args, { cwd, encoding: 'utf8', maxBuffer: 256 * 1024 * 1024, stdio: ['ignore', 'pipe', 'pipe'] });
  } catch (error) {
    const detail = String(error?.stderr ?? error?.message ?? error).split('\n')[0];
    throw new ActionInputError(`${cwd} is not in a git checkout (run actions/checkout first): git ${args[0]} failed: ${detail}`);
  }
}

/** Files git knows in `cwd` (tracked, or new and not ignored), relative to `cwd`. */
function candidateFiles(cwd) {
  const out = git(['ls-files', '-z', '--cached', '--others', '--exclude-standard'], cwd);
  return [...new Set(out.split('\0').filter(Boolean))];
}

/**
 * Resolves entries separated by whitespace: literal paths must exist; globs match files git knows;
 * `!glob` removes matches. Fails when nothing matches — a gate over no files would always pass.
 */
export function expandPolicyFiles(raw, cwd) {
  const entries = String(raw ?? '').split(/\s+/).filter(Boolean);
  if (entries.length === 0) throw new ActionInputError('Input "policy-files" is empty: list the policy files (paths or globs).');
  let candidates;
  const selected = [];
  for (const entry of entries) {
    const negate = entry.startsWith('!');
    const pattern = (negate ? entry.slice(1) : entry).replace(/^\.\//, '');
    if (negate) {
      const re = globToRegExp(pattern);
      for (let i = selected.length - 1; i >= 0; i--) if (re.test(selected[i])) selected.splice(i, 1);
      continue;
    }
    if (isGlob(pattern)) {
      candidates ??= candidateFiles(cwd);
      const re = globToRegExp(pattern);
      const matches = candidates.filter((file) => re.test(file)).sort();
      if (matches.length === 0) throw new ActionInputError(`Input "policy-files": "${entry}" matches no file in ${cwd}.`);
      selected.push(...matches);
    } else {
      const full = resolve(cwd, pattern);
      if (!existsSync(full) || !statSync(full).isFile()) throw new ActionInputError(`Input "policy-files": "${entry}" is not a file in ${cwd}.`);
      selected.push(relative(cwd, full).split(sep).join('/'));
    }
  }
  const files = [...new Set(selected)];
  if (files.length === 0) throw new ActionInputError('Input "policy-files" selects no file.');
  return files;
}

/**
 * Where each file is for the CLI (relative to `cwd`, never starting with `-`), for git (relative to
 * the repository root) and for annotations (relative to the workspace).
 */
export function describeFiles(files, { cwd, workspace }) {
  const root = git(['rev-parse', '--show-toplevel'], cwd).trim();
  return files.map((file) => {
    const full = resolve(cwd, file);
    const inRepo = relative(root, full).split(sep).join('/');
    if (inRepo.startsWith('..') || isAbsolute(inRepo)) throw new ActionInputError(`Input "policy-files": "${file}" is outside the git repository.`);
    return {
      arg: file.startsWith('-') ? `./${file}` : file,
      repoPath: inRepo,
      annotationPath: relative(workspace, full).split(sep).join('/'),
    };
  });
}
