import { connect, type Socket } from 'node:net';

/*
 * A keep-alive HTTP/1.1 client over a raw TCP socket. `node:http` and `fetch` refuse to send what this
 * suite must send — control characters, bytes above 0x7F, repeated `Origin` lines, 64 KiB header
 * values — so requests go on the wire as the bytes given, and responses are parsed here.
 */

export interface RawResponse {
  readonly status: number;
  /** Header lines in order, names lower-cased, values as Latin-1 text (what Node wrote). */
  readonly headers: ReadonlyArray<readonly [string, string]>;
  readonly bodyLength: number;
}

/** The socket closed before a whole response arrived (Node may drop a request it cannot parse). */
export class ClosedWithoutResponse extends Error {}

/** No whole response within the time limit: the host hung on this request. */
export class NoResponse extends Error {}

/** Longer than any answer of a healthy host on loopback, even on a loaded machine. */
const RESPONSE_TIMEOUT_MS = 10_000;

const HEAD_END = Buffer.from('\r\n\r\n');

/** One connection; `send` may be called again after its promise settles (the socket is reopened when the server closed it). */
export class RawConnection {
  private socket: Socket | undefined;
  private buffer: Buffer = Buffer.alloc(0);
  private waiting: { readonly head: boolean; resolve(r: RawResponse): void; reject(e: Error): void } | undefined;
  private closed = false;

  constructor(private readonly port: number) {}

  async send(request: Buffer, isHead: boolean): Promise<RawResponse> {
    if (this.socket === undefined || this.closed) await this.open();
    return new Promise<RawResponse>((resolve, reject) => {
      const timer = setTimeout(() => {
        this.waiting = undefined;
        this.socket?.destroy();
        reject(new NoResponse(`no response within ${RESPONSE_TIMEOUT_MS} ms`));
      }, RESPONSE_TIMEOUT_MS);
      const settle = <T>(f: (value: T) => void) => (value: T) => {
        clearTimeout(timer);
        f(value);
      };
      this.waiting = { head: isHead, resolve: settle(resolve), reject: settle(reject) };
      (this.socket as Socket).write(request);
    });
  }

  close(): void {
    this.socket?.destroy();
  }

  private open(): Promise<void> {
    this.buffer = Buffer.alloc(0);
    this.closed = false;
    return new Promise((resolve, reject) => {
      const socket = connect(this.port, '127.0.0.1', () => resolve());
      socket.setNoDelay(true);
      // A replaced socket's late events (its close, bytes after a `Connection: close` answer) are ignored.
      socket.on('data', (chunk: Buffer) => {
        if (socket !== this.socket) return;
        this.buffer = this.buffer.length === 0 ? chunk : Buffer.concat([this.buffer, chunk]) as Buffer;
        this.tryParse(false);
      });
      socket.on('error', (error) => {
        if (this.waiting === undefined) reject(error);
      });
      socket.on('close', () => {
        if (socket !== this.socket) return;
        this.closed = true;
        this.tryParse(true);
        const waiting = this.waiting;
        this.waiting = undefined;
        waiting?.reject(new ClosedWithoutResponse('the server closed the connection without a complete response'));
      });
      this.socket = socket;
    });
  }

  private tryParse(ended: boolean): void {
    const waiting = this.waiting;
    if (waiting === undefined) return;
    let parsed: Parsed | undefined;
    try {
      parsed = parseResponse(this.buffer, waiting.head, ended);
    } catch (error) {
      this.waiting = undefined;
      this.socket?.destroy();
      waiting.reject(error as Error);
      return;
    }
    if (parsed === undefined) return;
    this.buffer = this.buffer.subarray(parsed.consumed);
    this.waiting = undefined;
    if (parsed.closeAfter) {
      this.closed = true;
      this.socket?.destroy();
    }
    waiting.resolve(parsed.response);
  }
}

interface Parsed {
  readonly response: RawResponse;
  readonly consumed: number;
  readonly closeAfter: boolean;
}

/** A whole response at the start of `buffer`, or `undefined` when more bytes are needed. */
export function parseResponse(buffer: Buffer, isHead: boolean, ended: boolean): Parsed | undefined {
  const headEnd = buffer.indexOf(HEAD_END);
  if (headEnd === -1) return undefined;
  const lines = buffer.subarray(0, headEnd).toString('latin1').split('\r\n');
  const status = Number(/^HTTP\/1\.[01] (\d{3})/.exec(lines[0] ?? '')?.[1] ?? NaN);
  if (!Number.isInteger(status)) throw new Error(`not an HTTP response: ${JSON.stringify((lines[0] ?? '').slice(0, 80))}`);
  const headers: Array<readonly [string, string]> = [];
  for (const line of lines.slice(1)) {
    const colon = line.indexOf(':');
    headers.push([line.slice(0, colon).toLowerCase(), line.slice(colon + 1).trim()]);
  }
  const header = (name: string) => headers.find(([n]) => n === name)?.[1];
  const closeAfter = /\bclose\b/i.test(header('connection') ?? '');
  const bodyStart = headEnd + HEAD_END.length;
  const noBody = isHead || status === 204 || status === 304 || (status >= 100 && status < 200);
  if (noBody) return { response: { status, headers, bodyLength: 0 }, consumed: bodyStart, closeAfter };
  const length = header('content-length');
  if (length !== undefined) {
    const end = bodyStart + Number(length);
    if (buffer.length < end) return undefined;
    return { response: { status, headers, bodyLength: Number(length) }, consumed: end, closeAfter };
  }
  if (/chunked/i.test(header('transfer-encoding') ?? '')) {
    let at = bodyStart;
    let total = 0;
    for (;;) {
      const lineEnd = buffer.indexOf('\r\n', at);
      if (lineEnd === -1) return undefined;
      const size = parseInt(buffer.subarray(at, lineEnd).toString('latin1'), 16);
      const next = lineEnd + 2 + size + 2;
      if (buffer.length < next) return undefined;
      at = next;
      total += size;
      if (size === 0) return { response: { status, headers, bodyLength: total }, consumed: at, closeAfter };
    }
  }
  // No framing: the body runs to the end of the connection.
  if (!ended) return undefined;
  return { response: { status, headers, bodyLength: buffer.length - bodyStart }, consumed: buffer.length, closeAfter: true };
}
