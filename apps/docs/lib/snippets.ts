/*
 * Copy-paste code that enforces a policy in each supported framework. The export names are the
 * adapters' real ones (@org/cors-express `cors`, @org/cors-koa `cors`, @org/cors-nest
 * `CorsPolicyModule`, @org/cors-next `withCors` / `corsRoute`); a test checks them against the
 * adapters' exports, so a rename fails the docs tests instead of misleading a reader.
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
  /** Where the policy is imported from: a package name, or a path shown as `./cors.policy`. */
  readonly module: string;
  readonly exportName: string;
  /** Overlay names the policy defines: snippets show how to pick one at boot. */
  readonly environments: readonly string[];
}

/** Every adapter's snippet for one policy. */
export function snippetsFor(source: SnippetSource): Snippet[] {
  const from = importPath(source.module);
  const binding = source.exportName === 'default' ? 'policy' : source.exportName;
  const importLine = source.exportName === 'default' ? `import policy from '${from}';` : `import { ${binding} } from '${from}';`;
  const hasEnv = source.environments.length > 0;
  const envOption = hasEnv ? ', { environment: process.env.APP_ENV }' : '';
  const envComment = hasEnv ? `\n// APP_ENV=${source.environments[0]} also loads the "${source.environments[0]}" overlay; unset means production.` : '';

  return [
    {
      id: 'express',
      title: 'Express',
      file: 'app.ts',
      packageName: '@org/cors-express',
      code: `import express from 'express';
import { cors } from '@org/cors-express';
${importLine}

const app = express();
// Before your routes: preflights are answered here.
app.use(cors(${binding}${envOption}));${envComment}`,
    },
    {
      id: 'koa',
      title: 'Koa',
      file: 'app.ts',
      packageName: '@org/cors-koa',
      code: `import Koa from 'koa';
import { cors } from '@org/cors-koa';
${importLine}

const app = new Koa();
// First middleware, so error responses keep their CORS headers.
app.use(cors(${binding}${envOption}));${envComment}`,
    },
    {
      id: 'nest',
      title: 'NestJS',
      file: 'app.module.ts',
      packageName: '@org/cors-nest',
      code: `import { Module } from '@nestjs/common';
import { CorsPolicyModule } from '@org/cors-nest';
${importLine}

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
      code: `import { withCors } from '@org/cors-next';
${importLine}

export const proxy = withCors(${binding}${hasEnv ? ', undefined, { environment: process.env.APP_ENV }' : ''});
export const config = { matcher: '/api/:path*' };${envComment}`,
    },
    {
      id: 'next-route',
      title: 'Next.js route handler',
      file: 'app/api/items/route.ts',
      packageName: '@org/cors-next',
      code: `import { corsRoute } from '@org/cors-next';
${importLine}

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

/** A package name stays as is; a file path is shown the way a service would import its policy file. */
function importPath(module: string): string {
  if (!module.startsWith('.') && !module.startsWith('/')) return module;
  const file = module.split('/').pop() ?? module;
  return `./${file.replace(/\.(ts|tsx|mts|js|mjs)$/, '')}${module.endsWith('.mjs') || module.endsWith('.js') ? '.js' : ''}`;
}
