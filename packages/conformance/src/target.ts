import type { CorsPolicy, RuntimeCorsPolicy } from '@org/cors-core';

/** Options for the HTTP server a target creates (pass them to `http.createServer`). */
export interface ConformanceServerOptions {
  /**
   * Node's default 16 KiB header limit answers the oversized-header vectors with 431 before the CORS
   * layer sees them (which those vectors accept); a larger limit lets them exercise the CORS layer.
   */
  readonly maxHeaderSize: number;
}

/** What the harness gives a target for one policy. */
export interface TargetSetup {
  /**
   * Loaded by the harness: `definePolicy(vector.policy, { environment: vector.environment })`, or the
   * same policy compiled and loaded with `loadCompiledPolicy` (see `RunConformanceOptions.forms`).
   * Hosts must accept both.
   */
  readonly policy: CorsPolicy | RuntimeCorsPolicy;
  readonly serverOptions: ConformanceServerOptions;
}

/** A started host. */
export interface RunningTarget {
  /** `http://127.0.0.1:<port>`: the harness sends every request here. */
  readonly url: string;
  close(): Promise<void>;
}

/**
 * A host under test: starts a real server with the CORS layer (configured with `setup.policy`) in
 * front of the {@link ConformanceApp}. The harness starts one per distinct policy and closes them all
 * when the suite ends.
 */
export interface ConformanceTarget {
  /** Shown in test titles, e.g. `express 5`. */
  readonly name: string;
  start(setup: TargetSetup): Promise<RunningTarget>;
}
