import { existsSync, readFileSync } from 'node:fs';

/** One request as the service's process received it (written by `record-requests.mjs`). */
export interface RecordedRequest {
  readonly method: string;
  readonly url: string;
  readonly origin: string | null;
  readonly accessControlRequestMethod: string | null;
  readonly accessControlRequestHeaders: string | null;
  readonly cookie: string | null;
  readonly authorization: string | null;
}

/** The requests a service received, read back from the JSON-lines file its preload writes. */
export class RequestLog {
  constructor(readonly file: string) {}

  /** Every request whose URL carries `?e2e=<scenarioId>` (each scenario tags its URLs), in arrival order. */
  forScenario(scenarioId: string): RecordedRequest[] {
    if (!existsSync(this.file)) return [];
    return readFileSync(this.file, 'utf8')
      .split('\n')
      .filter((line) => line.length > 0)
      .map((line) => JSON.parse(line) as RecordedRequest)
      .filter((entry) => new URL(entry.url, 'http://service.invalid').searchParams.get('e2e') === scenarioId);
  }
}
