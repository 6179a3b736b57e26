import { Inject, Module, type DynamicModule, type FactoryProvider, type ModuleMetadata } from '@nestjs/common';
import { HttpAdapterHost } from '@nestjs/core';
import {
  assertDeveloperModeAllowed, loadPolicyInNode, type CorsEventOptions, type CorsObservationOptions, type CorsPolicySource, type RuntimeCorsPolicy,
} from '@org/cors-core/node';
import { corsPolicyHandler } from './cors-policy-middleware.js';
import { CORS_OBSERVATION, CORS_POLICY } from './cors-policy-token.js';

/**
 * Options of {@link CorsPolicyModule.forRoot}: the environment, and the decision events, report-only
 * candidate (a loaded policy, compiled data or raw input) and developer mode every adapter takes.
 */
export interface CorsPolicyModuleOptions extends CorsEventOptions<CorsPolicySource> {
  /** Environment overlay to enforce (e.g. `process.env.APP_ENV`); unknown names fail at declaration. */
  environment?: string | undefined;
}

/** Options of {@link CorsPolicyModule.forRootAsync}: a Nest factory provider for the policy. */
export interface CorsPolicyModuleAsyncOptions extends Pick<ModuleMetadata, 'imports'>, CorsEventOptions<CorsPolicySource> {
  /** Returns the policy, compiled data or raw input; may be async. Receives the `inject` providers. */
  useFactory: (...args: any[]) => CorsPolicySource | Promise<CorsPolicySource>;
  /** Providers passed to `useFactory`, as in any Nest factory provider. */
  inject?: FactoryProvider['inject'];
  /** Environment overlay to enforce; an unknown name fails the boot. */
  environment?: string | undefined;
}

/**
 * Enforces one CORS policy on every request of the application. The handler is installed on the HTTP
 * adapter when the module is instantiated — ahead of Nest's body parser, module middleware and routing,
 * where Nest's own `enableCors` sits — so preflights are answered even for paths that have no `OPTIONS`
 * handler (or no handler at all), and responses Nest gives before routing (a malformed JSON body's 400)
 * carry the CORS headers too.
 * Per-path differences belong in the policy's own `routes` rules, where core resolves them and
 * `explain()`, the CLI and the docs site can see them.
 *
 * @example @Module({ imports: [CorsPolicyModule.forRoot(apiPolicy)], controllers: [ItemsController] })
 * @see https://github.com/org/cors-policy-as-code/blob/main/docs/adapters/nest.md
 */
@Module({})
export class CorsPolicyModule {
  constructor(
    @Inject(CORS_POLICY) policy: RuntimeCorsPolicy,
    @Inject(HttpAdapterHost) adapterHost: HttpAdapterHost,
    @Inject(CORS_OBSERVATION) observation: CorsObservationOptions,
  ) {
    // Explicit @Inject tokens: the published build (esbuild) emits no decorator metadata.
    // Instantiated by NestFactory.create, before app.init() registers the body parser and middleware.
    adapterHost.httpAdapter.use(corsPolicyHandler(policy, observation));
  }

  /**
   * Loads the policy now: a policy from `definePolicy`, compiled data (`compilePolicy()`,
   * `cors-policy compile`, `loadCompiledPolicy()`) — which never loads the validator — or raw input,
   * which throws a `CorsPolicyError` listing every issue while the application module is being
   * declared, before anything listens.
   */
  static forRoot(policy: CorsPolicySource, options: CorsPolicyModuleOptions = {}): DynamicModule {
    const loaded = loadPolicyInNode(policy, options.environment);
    return {
      module: CorsPolicyModule,
      global: true,
      providers: [{ provide: CORS_POLICY, useValue: loaded }, { provide: CORS_OBSERVATION, useValue: observationOf(options) }],
      exports: [CORS_POLICY, CORS_OBSERVATION],
    };
  }

  /**
   * Loads the policy from a factory while the application boots (e.g. from `ConfigService`).
   * A bad policy rejects `NestFactory.create` (pass `abortOnError: false` to catch it) with a
   * `CorsPolicyError` listing every issue.
   */
  static forRootAsync(options: CorsPolicyModuleAsyncOptions): DynamicModule {
    const useFactory = async (...args: unknown[]) => loadPolicyInNode(await options.useFactory(...args), options.environment);
    return {
      module: CorsPolicyModule,
      global: true,
      imports: options.imports ?? [],
      providers: [{ provide: CORS_POLICY, useFactory, inject: options.inject ?? [] }, { provide: CORS_OBSERVATION, useValue: observationOf(options) }],
      exports: [CORS_POLICY, CORS_OBSERVATION],
    };
  }
}

/**
 * The options as core takes them, checked while the module is declared: the candidate loaded (a bad
 * one throws now), developer mode refused under `NODE_ENV=production` before anything listens.
 */
function observationOf(options: CorsEventOptions<CorsPolicySource> & { environment?: string | undefined }): CorsObservationOptions {
  const { onDecision, onError, reportOnly, developerMode, environment } = options;
  if (developerMode === true) assertDeveloperModeAllowed(process.env);
  return { onDecision, onError, developerMode, env: process.env, reportOnly: reportOnly === undefined ? undefined : loadPolicyInNode(reportOnly, environment) };
}
