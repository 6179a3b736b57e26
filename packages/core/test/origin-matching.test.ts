import { describe, expect, it } from 'vitest';
import { DecisionReason, MAX_ORIGIN_LENGTH } from '../src/index.js';
import { actual, header, load } from './helpers.js';

const exact = load({ origins: ['https://app.example.com', 'http://localhost:3000', 'http://[::1]:8080'], credentials: true });
const pattern = load({ origins: ['https://*.example.com'], credentials: true });
const anyPort = load({ origins: ['https://*.example.com:*', 'http://localhost:*'] });

function acao(policy: typeof exact, origin: string): string | undefined {
  return header(actual(policy, origin), 'Access-Control-Allow-Origin');
}

describe('exact origins', () => {
  it.each(['https://app.example.com', 'http://localhost:3000', 'http://[::1]:8080'])('echo a byte-identical Origin %s', (origin) => {
    const decision = actual(exact, origin);
    expect(decision.kind).toBe('actual-allowed');
    expect(header(decision, 'Access-Control-Allow-Origin')).toBe(origin);
    expect(header(decision, 'Access-Control-Allow-Credentials')).toBe('true');
  });

  it.each([
    ['upper-case host', 'https://APP.example.com'],
    ['upper-case scheme', 'HTTPS://app.example.com'],
    ['one upper-case letter', 'https://app.examplE.com'],
    ['Kelvin sign (U+212A), which toLowerCase() folds to k', 'https://app.example.com'.replace('e', '\u212A')],
    ['Unicode look-alike (Cyrillic а)', 'https://\u0430pp.example.com'],
    ['Unicode host that Punycode-normalises elsewhere', 'https://app.exämple.com'],
    ['full-width letters', 'https://ａpp.example.com'],
  ])('never match an Origin with a %s', (_label, origin) => {
    expect(acao(exact, origin)).toBeUndefined();
  });

  it('never matches a Kelvin-sign origin even though JavaScript lower-cases it onto a listed one', () => {
    const kelvin = load({ origins: ['https://kiosk.example.com'] });
    const origin = 'https://\u212Aiosk.example.com';
    expect(origin.toLowerCase()).toBe('https://kiosk.example.com');
    expect(acao(kelvin, origin)).toBeUndefined();
  });

  it.each([
    ['a trailing slash', 'https://app.example.com/'],
    ['a path', 'https://app.example.com/x'],
    ['a trailing dot', 'https://app.example.com.'],
    ['the explicit default port', 'https://app.example.com:443'],
    ['another port', 'https://app.example.com:8443'],
    ['another scheme', 'http://app.example.com'],
    ['a different loopback spelling', 'http://127.0.0.1:3000'],
    ['userinfo', 'https://user@app.example.com'],
    ['leading whitespace', ' https://app.example.com'],
    ['trailing whitespace', 'https://app.example.com '],
    ['a NUL byte', 'https://app.example.com\u0000'],
  ])('never match an Origin with %s', (_label, origin) => {
    expect(acao(exact, origin)).toBeUndefined();
  });

  it.each([
    ['empty', ''],
    ['comma-joined (repeated Origin lines joined by Node)', 'https://app.example.com, https://app.example.com'],
    ['comma-joined without a space', 'https://app.example.com,https://evil.example'],
    ['space-joined', 'https://app.example.com https://evil.example'],
  ])('never match an %s Origin and call it malformed', (_label, origin) => {
    const decision = actual(exact, origin);
    expect(decision.kind).toBe('actual-refused');
    expect(decision.reason).toBe(DecisionReason.OriginMalformed);
    expect(decision.headers).toEqual([]);
  });

  it('never matches or echoes Origin: null', () => {
    const decision = actual(exact, 'null');
    expect(decision.kind).toBe('actual-refused');
    expect(decision.reason).toBe(DecisionReason.OriginNull);
    expect(decision.headers).toEqual([]);
  });

  it('never matches null even when the policy lists "null" (a warning without credentials)', () => {
    const withNull = load({ origins: ['https://app.example.com', 'null'] });
    expect(withNull.findings.map((f) => [f.code, f.severity])).toContainEqual(['origins/null', 'warning']);
    expect(acao(withNull, 'null')).toBeUndefined();
  });
});

describe('subdomain patterns', () => {
  it.each(['https://a.example.com', 'https://a.b.example.com', 'https://x-1.y_2.z.example.com', 'https://0.example.com'])(
    'match one or more labels: %s, echoing the concrete origin',
    (origin) => {
      const decision = actual(pattern, origin);
      expect(decision.kind).toBe('actual-allowed');
      expect(header(decision, 'Access-Control-Allow-Origin')).toBe(origin);
      expect(header(decision, 'Access-Control-Allow-Origin')).not.toContain('*');
    },
  );

  it.each([
    ['the apex', 'https://example.com'],
    ['an empty label', 'https://.example.com'],
    ['an empty inner label', 'https://a..example.com'],
    ['a look-alike without a dot', 'https://aexample.com'],
    ['a look-alike with a hyphen', 'https://evil-example.com'],
    ['the base as a prefix of another host', 'https://example.com.evil.com'],
    ['the base inside another host', 'https://a.example.com.evil.com'],
    ['the base after a path', 'https://evil.com/.example.com'],
    ['the base after a query', 'https://evil.com?.example.com'],
    ['the base after a fragment', 'https://evil.com#.example.com'],
    ['the base after userinfo', 'https://evil.com@a.example.com'],
    ['another scheme', 'http://a.example.com'],
    ['a port', 'https://a.example.com:8443'],
    ['the explicit default port', 'https://a.example.com:443'],
    ['an upper-case label', 'https://A.example.com'],
    ['an upper-case base', 'https://a.EXAMPLE.com'],
    ['a label starting with a hyphen', 'https://-a.example.com'],
    ['a label ending with a hyphen', 'https://a-.example.com'],
    ['a 64-byte label', `https://${'a'.repeat(64)}.example.com`],
    ['a trailing slash', 'https://a.example.com/'],
    ['a trailing dot', 'https://a.example.com.'],
    ['a Unicode label', 'https://ä.example.com'],
    ['a Kelvin-sign label', 'https://\u212A.example.com'],
    ['whitespace', 'https://a .example.com'],
  ])('never match %s', (_label, origin) => {
    expect(acao(pattern, origin)).toBeUndefined();
  });

  it('match hosts up to 253 bytes and refuse longer ones', () => {
    const label = 'a'.repeat(63);
    const host = (length: number): string => {
      const suffix = '.example.com';
      let prefix = '';
      while (prefix.length + suffix.length < length) {
        const room = length - suffix.length - prefix.length - (prefix === '' ? 0 : 1);
        prefix += (prefix === '' ? '' : '.') + label.slice(0, Math.min(63, room));
      }
      return prefix + suffix;
    };
    const ok = host(253);
    const tooLong = host(254);
    expect(ok.length).toBe(253);
    expect(tooLong.length).toBe(254);
    expect(acao(pattern, `https://${ok}`)).toBe(`https://${ok}`);
    expect(acao(pattern, `https://${tooLong}`)).toBeUndefined();
  });

  it('refuses origins longer than MAX_ORIGIN_LENGTH without matching', () => {
    const long = `https://${'a.'.repeat(MAX_ORIGIN_LENGTH)}example.com`;
    const decision = actual(pattern, long);
    expect(decision.kind).toBe('actual-refused');
    expect(decision.reason).toBe(DecisionReason.OriginMalformed);
  });

  it('answers a megabyte-long Origin quickly (linear time)', () => {
    const start = performance.now();
    for (const origin of [`https://${'a.'.repeat(500_000)}example.com`, `https://${'a'.repeat(1_000_000)}`, `${'https://'.repeat(100_000)}a.example.com`]) {
      expect(actual(pattern, origin).kind).toBe('actual-refused');
      expect(actual(exact, origin).kind).toBe('actual-refused');
    }
    expect(performance.now() - start).toBeLessThan(500);
  });
});

describe('port wildcards (:*)', () => {
  it.each(['https://a.example.com:8443', 'https://a.example.com', 'https://a.b.example.com:1', 'http://localhost:3000', 'http://localhost:65535', 'http://localhost'])(
    'match any explicit port, or none: %s',
    (origin) => {
      expect(acao(anyPort, origin)).toBe(origin);
    },
  );

  it.each([
    ['the https default port', 'https://a.example.com:443'],
    ['the http default port', 'http://localhost:80'],
    ['port 0', 'http://localhost:0'],
    ['a port above 65535', 'http://localhost:65536'],
    ['a leading zero', 'http://localhost:03000'],
    ['an empty port', 'http://localhost:'],
    ['a non-numeric port', 'http://localhost:http'],
    ['a port with a path', 'http://localhost:3000/'],
    ['a six-digit port', 'http://localhost:123456'],
    ['another host', 'http://localhost.evil.com:3000'],
    ['a look-alike host', 'http://evillocalhost:3000'],
    ['another scheme', 'https://localhost:3000'],
  ])('never match %s', (_label, origin) => {
    expect(acao(anyPort, origin)).toBeUndefined();
  });

  it('a fixed port in a pattern matches only that port', () => {
    const fixed = load({ origins: ['https://*.example.com:8443'] });
    expect(acao(fixed, 'https://a.example.com:8443')).toBe('https://a.example.com:8443');
    expect(acao(fixed, 'https://a.example.com')).toBeUndefined();
    expect(acao(fixed, 'https://a.example.com:8444')).toBeUndefined();
  });

  it('an IPv6 loopback with :* matches any port on that address only', () => {
    const v6 = load({ origins: ['http://[::1]:*'] });
    expect(acao(v6, 'http://[::1]:3000')).toBe('http://[::1]:3000');
    expect(acao(v6, 'http://[::1]')).toBe('http://[::1]');
    expect(acao(v6, 'http://[::2]:3000')).toBeUndefined();
    expect(acao(v6, 'http://[::1]:80')).toBeUndefined();
  });
});
