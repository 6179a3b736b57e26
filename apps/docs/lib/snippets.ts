import { jsLineComment, jsStringLiteral } from '@org/cors-report';

/*
 * Copy-paste code that enforces a policy in each supported framework. The export names are the
 * adapters' real ones (@org/cors-express `cors`, @org/cors-koa `cors`, @org/cors-nest
 * `CorsPolicyModule`, @org/cors-next `withCors` / `corsRoute`); a test checks them against the
 * adapters' exports, so a rename fails the docs tests instead of misleading a reader. Everything taken
 * from a policy (its name, description, module, export and environment names) goes through the report's
 * string-literal and line-comment helpers: a policy cannot inject code into a snippet someone pastes.
 */

export interface Snippet {
  readonly id: string;
  readonly title: string;
  /** The file the code belongs in. */
  readonly file: string;
  readonly packageName: string;
  readonly code: string;
}

export interface SnippetSource {
  /** The policy's name and description, shown as a comment above the code. */
  readonly name: string;
  readonly description?: string | undefined;
  /** Where the policy is imported from: a package name, or a path shown as `./cors.policy`. */
  readonly module: string;
  readonly exportName: string;
  /** Overlay names the policy defines: snippets show how to pick one at boot. */
  readonly environments: readonly string[];
}

/** Every adapter's snippet for one policy. */
export function snippetsFor(source: SnippetSource): Snippet[] {
  const from = jsStringLiteral(importPath(source.module));
  const { binding, importLine } = importOf(source.exportName, from);
  const about = jsLineComment(source.description === undefined ? `Policy ${source.name}` : `Policy ${source.name}: ${source.description}`);
  const policyLines = `${importLine}\n${about}`;
  const hasEnv = source.environments.length > 0;
  const envOption = hasEnv ? ', { environment: process.env.APP_ENV }' : '';
  const firstEnv = source.environments[0] ?? '';
  const envComment = hasEnv ? `\n${jsLineComment(`APP_ENV=${firstEnv} also loads the "${firstEnv}" overlay; unset means production.`)}` : '';

  return [
    {
      id: 'express',
      title: 'Express',
      file: 'app.ts',
      packageName: '@org/cors-express',
      code: `import express from "express";
import { cors } from "@org/cors-express";
${policyLines}

const app = express();
// Before your routes: preflights are answered here.
app.use(cors(${binding}${envOption}));${envComment}`,
    },
    {
      id: 'koa',
      title: 'Koa',
      file: 'app.ts',
      packageName: '@org/cors-koa',
      code: `import Koa from "koa";
import { cors } from "@org/cors-koa";
${policyLines}

const app = new Koa();
// First middleware, so error responses keep their CORS headers.
app.use(cors(${binding}${envOption}));${envComment}`,
    },
    {
      id: 'nest',
      title: 'NestJS',
      file: 'app.module.ts',
      packageName: '@org/cors-nest',
      code: `import { Module } from "@nestjs/common";
import { CorsPolicyModule } from "@org/cors-nest";
${policyLines}

@Module({
  imports: [CorsPolicyModule.forRoot(${binding}${envOption})],
})
export class AppModule {}
// Do not also call app.enableCors(): the module answers preflights before routing.${envComment}`,
    },
    {
      id: 'next-proxy',
      title: 'Next.js proxy.ts',
      file: 'proxy.ts',
      packageName: '@org/cors-next',
      code: `import { withCors } from "@org/cors-next";
${policyLines}

export const proxy = withCors(${binding}${hasEnv ? ', undefined, { environment: process.env.APP_ENV }' : ''});
export const config = { matcher: "/api/:path*" };${envComment}`,
    },
    {
      id: 'next-route',
      title: 'Next.js route handler',
      file: 'app/api/items/route.ts',
      packageName: '@org/cors-next',
      code: `import { corsRoute } from "@org/cors-next";
${policyLines}

async function listItems(request: Request) {
  return Response.json([{ id: 1 }]);
}

async function saveItem(request: Request) {
  return Response.json(await request.json());
}

// corsRoute adds the OPTIONS export that preflights need.
export const { GET, PUT, OPTIONS } = corsRoute(${binding}, { GET: listItems, PUT: saveItem }${envOption});`,
    },
  ];
}

/** The import statement and the name the policy is bound to (`policy` when the export name is not an identifier). */
function importOf(exportName: string, from: string): { binding: string; importLine: string } {
  if (exportName === 'default') return { binding: 'policy', importLine: `import policy from ${from};` };
  if (IDENTIFIER.test(exportName) && !RESERVED.has(exportName)) return { binding: exportName, importLine: `import { ${exportName} } from ${from};` };
  return { binding: 'policy', importLine: `import { ${jsStringLiteral(exportName)} as policy } from ${from};` };
}

const IDENTIFIER = /^[A-Za-z_$][A-Za-z0-9_$]*$/;
const RESERVED = new Set(['await', 'break', 'case', 'catch', 'class', 'const', 'continue', 'debugger', 'default', 'delete', 'do', 'else', 'enum', 'export', 'extends', 'false', 'finally', 'for', 'function', 'if', 'import', 'in', 'instanceof', 'let', 'new', 'null', 'return', 'static', 'super', 'switch', 'this', 'throw', 'true', 'try', 'typeof', 'var', 'void', 'while', 'with', 'yield']);

/** A package name stays as is; a file path is shown the way a service would import its policy file. */
function importPath(module: string): string {
  if (!module.startsWith('.') && !module.startsWith('/')) return module;
  const file = module.split('/').pop() ?? module;
  return `./${file.replace(/\.(ts|tsx|mts|js|mjs)$/, '')}${module.endsWith('.mjs') || module.endsWith('.js') ? '.js' : ''}`;
}
