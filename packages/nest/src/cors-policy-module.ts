import { Inject, Module, type DynamicModule, type FactoryProvider, type ModuleMetadata } from '@nestjs/common';
import { HttpAdapterHost } from '@nestjs/core';
import { toPolicy, type CorsPolicy, type PolicyInput } from '@org/cors-core';
import { corsPolicyHandler } from './cors-policy-middleware.js';
import { CORS_POLICY } from './cors-policy-token.js';

/** Options of {@link CorsPolicyModule.forRoot}. */
export interface CorsPolicyModuleOptions {
  /** Environment overlay to apply when a `PolicyInput` is given (e.g. `process.env.APP_ENV`). */
  environment?: string | undefined;
}

/** Options of {@link CorsPolicyModule.forRootAsync}: a Nest factory provider for the policy. */
export interface CorsPolicyModuleAsyncOptions extends Pick<ModuleMetadata, 'imports'> {
  /** Returns the policy (or its input); may be async. Receives the `inject` providers. */
  useFactory: (...args: any[]) => CorsPolicy | PolicyInput | Promise<CorsPolicy | PolicyInput>;
  /** Providers passed to `useFactory`, as in any Nest factory provider. */
  inject?: FactoryProvider['inject'];
  /** Environment overlay to apply when the factory returns a `PolicyInput`. */
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
  constructor(@Inject(CORS_POLICY) policy: CorsPolicy, @Inject(HttpAdapterHost) adapterHost: HttpAdapterHost) {
    // Explicit @Inject tokens: the published build (esbuild) emits no decorator metadata.
    // Instantiated by NestFactory.create, before app.init() registers the body parser and middleware.
    adapterHost.httpAdapter.use(corsPolicyHandler(policy));
  }

  /**
   * Loads the policy now: a bad policy input throws a `CorsPolicyError` listing every issue
   * while the application module is being declared, before anything listens.
   */
  static forRoot(policy: CorsPolicy | PolicyInput, options: CorsPolicyModuleOptions = {}): DynamicModule {
    const loaded = toPolicy(policy, options);
    return { module: CorsPolicyModule, global: true, providers: [{ provide: CORS_POLICY, useValue: loaded }], exports: [CORS_POLICY] };
  }

  /**
   * Loads the policy from a factory while the application boots (e.g. from `ConfigService`).
   * A bad policy rejects `NestFactory.create` (pass `abortOnError: false` to catch it) with a
   * `CorsPolicyError` listing every issue.
   */
  static forRootAsync(options: CorsPolicyModuleAsyncOptions): DynamicModule {
    const useFactory = async (...args: unknown[]) => toPolicy(await options.useFactory(...args), { environment: options.environment });
    return {
      module: CorsPolicyModule,
      global: true,
      imports: options.imports ?? [],
      providers: [{ provide: CORS_POLICY, useFactory, inject: options.inject ?? [] }],
      exports: [CORS_POLICY],
    };
  }
}
