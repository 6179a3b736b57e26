/*
 * The smallest request/response pair the three contenders accept. All of them write through the same
 * `FakeResponse`, so the fakes' own cost (a Map write per header) is identical and the benchmark
 * compares decision logic. The header store lower-cases names, as Node's `ServerResponse` does.
 */

/** A Node-style request: method, url and lower-case header names. */
export interface FakeRequest {
  readonly method: string;
  readonly url: string;
  readonly headers: Readonly<Record<string, string | undefined>>;
}

export type HeaderValue = string | number | readonly string[];

/**
 * Records `setHeader` calls in two parallel arrays reused across operations: no Map (`Map#clear`
 * reallocates) and no `length = 0` (frees the backing store), either of which would cost more than
 * some of the decisions being measured. Names compare case-insensitively, as in Node.
 * Call `reset()` between operations so every operation starts empty.
 */
export class FakeResponse {
  statusCode = 200;
  ended = false;
  private count = 0;
  private readonly names: string[] = [];
  private readonly values: HeaderValue[] = [];

  setHeader(name: string, value: HeaderValue): this {
    const i = this.indexOf(name);
    if (i === -1) {
      this.names[this.count] = name;
      this.values[this.count] = value;
      this.count++;
    } else {
      this.values[i] = value;
    }
    return this;
  }

  getHeader(name: string): HeaderValue | undefined {
    const i = this.indexOf(name);
    return i === -1 ? undefined : this.values[i];
  }

  /** Node's signature, reduced to the status (the writers only wrap it to keep Vary). */
  writeHead(statusCode: number): this {
    this.statusCode = statusCode;
    return this;
  }

  end(): this {
    this.ended = true;
    return this;
  }

  reset(): void {
    this.count = 0;
    this.statusCode = 200;
    this.ended = false;
  }

  /** The recorded headers with lower-case names (for assertions, not for the timed path). */
  headers(): Map<string, HeaderValue> {
    const out = new Map<string, HeaderValue>();
    for (let i = 0; i < this.count; i++) out.set((this.names[i] as string).toLowerCase(), this.values[i] as HeaderValue);
    return out;
  }

  private indexOf(name: string): number {
    for (let i = 0; i < this.count; i++) {
      const have = this.names[i] as string;
      if (have === name || equalsIgnoreCase(have, name)) return i;
    }
    return -1;
  }
}

/** ASCII case-insensitive equality without allocating (header names are ASCII tokens). */
function equalsIgnoreCase(a: string, b: string): boolean {
  if (a.length !== b.length) return false;
  for (let i = 0; i < a.length; i++) {
    const x = a.charCodeAt(i);
    const y = b.charCodeAt(i);
    if (x !== y && (x | 32) !== (y | 32)) return false;
  }
  return true;
}

/** A middleware in Express/Connect shape, which is what `cors` exports. */
export type Middleware = (req: FakeRequest, res: FakeResponse, next: (err?: unknown) => void) => void;
