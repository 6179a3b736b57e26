// An import of zod, tldts or a node: module as it appears in built code, minified or not:
// `from "zod"`, `require("tldts/x")`, `import("node:fs")`, `__require("zod")`.
const FORBIDDEN = /(?:\bfrom\s*|require\(\s*|\bimport\(\s*)["'`]((?:zod|tldts)(?:\/[^"'`]*)?|node:[^"'`]*)["'`]/g;

/** The forbidden specifiers (zod, tldts, node:) that `code` imports, found by text alone (no parser to trust). */
export function forbiddenRuntimeReferences(code: string): string[] {
  return [...code.matchAll(FORBIDDEN)].map((m) => m[1] ?? '');
}
