import { policyJsonSchema } from '@org/cors-core';
import { ExitCode, type CliIo } from '../cli-io.js';

/** `schema`: the policy JSON Schema (for editors: `"$schema"` in policy.json, or yaml-language-server). */
export function schemaCommand(io: CliIo): number {
  io.stdout(`${JSON.stringify(policyJsonSchema(), null, 2)}\n`);
  return ExitCode.Ok;
}
