/** How serious a finding is. Errors stop a policy from loading; warnings load but are reported. */
export type Severity = 'error' | 'warning' | 'info';

/** What every lint rule documents: shown in `cors-policy check`, the docs site's rule reference and hints. */
export interface RuleDoc {
  /** One line: what the rule catches. */
  readonly title: string;
  /** Why it matters: the attack or breakage it prevents. */
  readonly why: string;
  /** The severity (or severities, when it depends on credentials) the rule reports with. */
  readonly severity: Severity | 'error with credentials, warning without';
}

/**
 * Every rule code, with its documentation. Codes are stable: tooling and acknowledgements refer to
 * them. The `Record` is exhaustive, so adding a code without documenting it fails to compile.
 */
export const RULES = {
  'policy/invalid-shape': {
    title: 'A field has the wrong type or a required field is missing',
    why: 'A policy that does not parse cannot be enforced; guessing ("true" as true) would hide mistakes.',
    severity: 'error',
  },
  'policy/unknown-key': {
    title: 'A key the schema does not know (a typo, or another library\'s option name)',
    why: 'An ignored key silently drops the restriction its author meant to add.',
    severity: 'error',
  },
  'policy/invalid-name': {
    title: 'The policy name is not a lower-case slug',
    why: 'The name identifies the policy in reports, URLs and diffs.',
    severity: 'error',
  },
  'policy/duplicate-entry': {
    title: 'The same value is listed twice',
    why: 'Duplicates usually hide a copy-paste mistake and make reviews harder.',
    severity: 'warning',
  },
  'origins/empty': {
    title: 'No origins are listed',
    why: 'A CORS policy that allows nobody is almost certainly a mistake; remove CORS instead.',
    severity: 'error',
  },
  'origins/wildcard-with-credentials': {
    title: '`*` origins together with credentials',
    why: 'Browsers reject `*` with credentials; libraries that "fix" it reflect every origin, letting any site read users\' data.',
    severity: 'error',
  },
  'origins/wildcard-mixed': {
    title: '`*` listed together with other origins',
    why: '`*` already allows everyone: the other entries suggest the author meant something narrower.',
    severity: 'error',
  },
  'origins/null': {
    title: 'The `null` origin',
    why: 'Any page can send `Origin: null` from a sandboxed iframe, so trusting it trusts everyone.',
    severity: 'error with credentials, warning without',
  },
  'origins/file-scheme': {
    title: 'A `file:` origin',
    why: 'Browsers send `Origin: null` for file pages; the entry can never match and suggests trusting `null`.',
    severity: 'error',
  },
  'origins/missing-scheme': {
    title: 'An origin without `scheme://`',
    why: 'Browsers always send the scheme; `example.com` never matches `https://example.com`.',
    severity: 'error',
  },
  'origins/unsupported-scheme': {
    title: 'An origin whose scheme is not http or https',
    why: 'Only web origins (and browser extensions, which are rarely intended) send a comparable `Origin`.',
    severity: 'warning',
  },
  'origins/not-an-origin': {
    title: 'A path, query, fragment, trailing slash or userinfo after the host',
    why: 'An `Origin` header is only scheme, host and port; such an entry never matches.',
    severity: 'error',
  },
  'origins/invalid-port': {
    title: 'A port that is not 1–65535',
    why: 'No browser sends such a port; the entry never matches.',
    severity: 'error',
  },
  'origins/default-port': {
    title: 'An explicit default port (`:443` on https, `:80` on http)',
    why: 'Browsers omit default ports from `Origin`, so the entry never matches as written.',
    severity: 'error',
  },
  'origins/not-lowercase': {
    title: 'Upper-case letters in an origin',
    why: 'Browsers send lower-case origins and matching is byte for byte, so the entry never matches.',
    severity: 'error',
  },
  'origins/whitespace': {
    title: 'Whitespace in an origin',
    why: 'Browsers never send whitespace in `Origin`; the entry never matches.',
    severity: 'error',
  },
  'origins/comma-joined': {
    title: 'Several origins joined in one string',
    why: 'One entry is one origin; a joined string never matches (and hints at copying a header value).',
    severity: 'error',
  },
  'origins/unicode-host': {
    title: 'A non-ASCII (Unicode) host',
    why: 'Browsers send the Punycode (`xn--`) form; the Unicode form never matches.',
    severity: 'error',
  },
  'origins/non-canonical-ip': {
    title: 'An IP address not in its canonical form',
    why: 'Browsers serialise IPs canonically (`127.0.0.1`, `[::1]`); other spellings never match.',
    severity: 'error',
  },
  'origins/invalid-host': {
    title: 'A host that is not a valid domain name or IP address',
    why: 'No browser can send it; the entry never matches.',
    severity: 'error',
  },
  'origins/numeric-last-label': {
    title: 'A host whose last label is a number but which is not an IPv4 address (`https://app.123`)',
    why: 'Browsers parse a host ending in a number as IPv4 and reject the URL, so no page has that origin; the entry never matches.',
    severity: 'error',
  },
  'origins/invalid-punycode': {
    title: 'An `xn--` label that is not valid Punycode (`https://xn--f.example`)',
    why: 'Browsers only send `xn--` labels that decode to a valid Unicode label and encode back to themselves; the entry never matches.',
    severity: 'error',
  },
  'origins/trailing-dot': {
    title: 'A host with a trailing dot (`https://example.com.`)',
    why: 'Browsers do send it, but only from pages loaded at the dotted host: a distinct origin from `https://example.com` that is rarely intended.',
    severity: 'error',
  },
  'origins/insecure-with-credentials': {
    title: 'An `http://` origin (other than loopback) with credentials',
    why: 'A network attacker can inject script into plain-http pages and read credentialed responses.',
    severity: 'warning',
  },
  'origins/source-invalid-name': {
    title: 'An origin source whose name is not a lower-case slug',
    why: 'The name is how the application binds a provider and how logs, events and reports name the source; a stray character there can forge output.',
    severity: 'error',
  },
  'origins/source-invalid-refresh': {
    title: 'An origin source whose `refreshSeconds` is not a whole number from 1 to 86400',
    why: 'The refresh period is how long a listed set or a cached answer stays in force; a value outside the range would never refresh, or hammer the provider.',
    severity: 'error',
  },
  'origins/source-invalid-timeout': {
    title: 'An origin source whose `timeoutMs` is not a whole number from 10 to 5000',
    why: 'The timeout bounds how long a request may wait on the provider; an unbounded wait turns a slow database into a slow API.',
    severity: 'error',
  },
  'origins/source-with-wildcard': {
    title: 'An origin source in a list that also has `*`',
    why: '`*` already allows every site: the source would change nothing, which suggests the author meant a narrower list.',
    severity: 'error',
  },
  'origins/source-duplicate': {
    title: 'The same origin source listed twice in one list',
    why: 'A source has one set of settings per list; two entries with possibly different credentials or methods make the policy ambiguous.',
    severity: 'error',
  },
  'origins/source-in-disabled-route': {
    title: 'An origin source in a route rule that turns CORS off',
    why: 'A disabled route allows no origin, so the source would never be consulted; the entry suggests the author meant the route to be enabled.',
    severity: 'error',
  },
  'origins/source-with-credentials': {
    title: 'An origin source with credentials (cookies) allowed',
    why: 'A source\'s origins are sites the tenants control: with credentials, any of them can read your users\' data with their cookies.',
    severity: 'warning',
  },
  'origins/source-unbound': {
    title: 'A source the policy declares has no provider (at `bindOriginSources`, or when an adapter mounts an unbound policy)',
    why: 'Its origins would all be refused: the service would start and silently lock out every tenant.',
    severity: 'error',
  },
  'origins/source-unknown-provider': {
    title: 'A provider is bound to a name the policy does not declare (at `bindOriginSources`)',
    why: 'Usually a typo: the provider meant for a declared source is never consulted.',
    severity: 'error',
  },
  'origins/source-invalid-provider': {
    title: 'A provider with neither `list` nor `has` (at `bindOriginSources`)',
    why: 'The runtime could never learn an origin from it, so the source would refuse everything.',
    severity: 'error',
  },
  'patterns/bare-wildcard': {
    title: 'A pattern whose wildcard is the whole host (`https://*`)',
    why: 'It allows every site on the scheme: write `*` (without credentials) if that is really meant.',
    severity: 'error',
  },
  'patterns/base-too-long': {
    title: 'A pattern whose base leaves no room for a subdomain within 253 characters',
    why: 'Every host it could match is longer than a DNS name may be, so no browser sends one; the pattern never matches.',
    severity: 'error',
  },
  'patterns/public-suffix': {
    title: 'A wildcard over a public suffix (`*.com`, `*.co.uk`, `*.github.io`, `*.vercel.app`)',
    why: 'Anyone can register a name under a public suffix, so the pattern trusts strangers.',
    severity: 'error with credentials, warning without',
  },
  'patterns/wildcard-position': {
    title: 'A wildcard that is not a whole leading label (`https://api-*.example.com`, `https://*example.com`)',
    why: 'Partial-label wildcards match look-alike hosts such as `evil-example.com`.',
    severity: 'error',
  },
  'patterns/multiple-wildcards': {
    title: 'More than one host wildcard',
    why: '`*.` already stands for one or more labels; several wildcards are ambiguous.',
    severity: 'error',
  },
  'patterns/scheme-wildcard': {
    title: 'A wildcard in the scheme',
    why: 'Allowing `http` alongside `https` exposes credentialed data to network attackers.',
    severity: 'error',
  },
  'patterns/ip-wildcard': {
    title: 'A wildcard applied to an IP address',
    why: 'IP addresses have no subdomains; the pattern can only match by accident.',
    severity: 'error',
  },
  'patterns/regex': {
    title: 'A regular expression written as an origin',
    why: 'Origins are compared exactly; regexes (often unanchored) are how most CORS bypasses happen.',
    severity: 'error',
  },
  'methods/invalid-token': {
    title: 'A method that is not an HTTP token (`GET POST`, `GET,POST`, empty)',
    why: 'Browsers send one method token; such an entry never matches.',
    severity: 'error',
  },
  'methods/forbidden': {
    title: 'CONNECT, TRACE or TRACK',
    why: 'Browsers refuse to send forbidden methods; TRACE/TRACK enable cross-site tracing.',
    severity: 'error',
  },
  'methods/not-uppercase': {
    title: 'A lower-case method the browser will not normalise (`patch`)',
    why: 'Only DELETE, GET, HEAD, OPTIONS, POST and PUT are upper-cased by browsers; `patch` differs from `PATCH`.',
    severity: 'warning',
  },
  'headers/invalid-token': {
    title: 'A header name that is not an HTTP token',
    why: 'Browsers send token header names only; such an entry never matches.',
    severity: 'error',
  },
  'headers/forbidden-request-header': {
    title: 'A forbidden request header (Cookie, Host, Origin, `Sec-*`, `Proxy-*`, …)',
    why: 'Scripts cannot set these; allowing them shows a misunderstanding (cookies travel with credentials).',
    severity: 'error',
  },
  'headers/response-only': {
    title: 'A response-only header listed as an allowed request header',
    why: 'Pages never send it; the entry suggests the author confused allow and expose.',
    severity: 'error',
  },
  'headers/wildcard-excludes-authorization': {
    title: '`*` in allowed headers without `Authorization`',
    why: 'The Fetch standard excludes Authorization from `*`; list it if pages send it.',
    severity: 'info',
  },
  'expose/invalid-token': {
    title: 'An exposed header name that is not an HTTP token',
    why: 'The value is emitted in a header; an invalid name breaks it.',
    severity: 'error',
  },
  'expose/set-cookie': {
    title: '`Set-Cookie` or `Set-Cookie2` in exposed headers',
    why: 'Fetch calls them forbidden response-header names and strips them from every response scripts see, whatever Access-Control-Expose-Headers says; the entry can never work.',
    severity: 'error',
  },
  'expose/request-only': {
    title: 'A request-only header in exposed headers (Cookie, Authorization, Origin, …)',
    why: 'Responses do not carry it; the entry suggests the author confused expose and allow.',
    severity: 'error',
  },
  'expose/preflight-only': {
    title: 'A preflight-only response header in exposed headers (Access-Control-Allow-Methods, -Allow-Headers, -Max-Age, -Allow-Private-Network)',
    why: 'Browsers read these on the preflight, whose response scripts never see; exposing them on actual responses is almost always a confusion.',
    severity: 'warning',
  },
  'expose/wildcard-with-credentials': {
    title: '`*` in exposed headers with credentials',
    why: 'Browsers treat `*` literally in credentialed mode, so nothing would be exposed.',
    severity: 'error',
  },
  'max-age/invalid': {
    title: 'A max-age that is negative, fractional or above 86400',
    why: 'Browsers ignore invalid values; the policy would not do what it says.',
    severity: 'error',
  },
  'max-age/above-browser-cap': {
    title: 'A max-age above Chromium\'s 7200-second cap',
    why: 'Chromium caches preflights for at most 2 hours, Firefox for 24: the value over-promises.',
    severity: 'warning',
  },
  'private-network/deprecated': {
    title: 'Private Network Access is enabled',
    why: 'Chrome has put Private Network Access on hold; the opt-in may change or disappear.',
    severity: 'warning',
  },
  'private-network/with-wildcard': {
    title: 'Private Network Access with `*` origins',
    why: 'It would let any public site reach a service on the user\'s private network.',
    severity: 'error',
  },
  'preflight/invalid-status': {
    title: 'A preflight status out of range',
    why: 'An allowed preflight needs an ok status (200 or 204); a refused one a 4xx, or browsers may proceed.',
    severity: 'error',
  },
  'routes/invalid-path': {
    title: 'A route path pattern that is not well formed',
    why: 'A pattern that cannot match leaves the route under the top-level rules without anyone noticing.',
    severity: 'error',
  },
  'routes/shadowed': {
    title: 'A route rule that an earlier rule always wins over',
    why: 'The first matching rule applies; a shadowed rule never takes effect.',
    severity: 'warning',
  },
  'environments/unknown': {
    title: 'The environment asked for at load time is not defined',
    why: 'Falling back to the base policy would silently load something other than what was asked for.',
    severity: 'error',
  },
  'environments/invalid-name': {
    title: 'An environment name that is not a lower-case slug',
    why: 'Names reach logs, terminals, reports and environment variables; a backtick, newline or escape sequence there can forge output.',
    severity: 'error',
  },
  'environments/development-not-marked': {
    title: 'A `development`/`dev`/`local`/`test` overlay adds credentialed origins without `developmentOnly: true`',
    why: 'Nothing then stops a production service started with that environment selected from trusting local origins with users\' cookies.',
    severity: 'warning',
  },
  'environments/development-only-in-production': {
    title: 'A `developmentOnly` overlay selected while `NODE_ENV` is `production`',
    why: 'A stray environment variable must not silently widen a production service to development origins.',
    severity: 'error',
  },
  'expectations/failed': {
    title: 'An expectation the policy does not meet',
    why: 'The owners wrote down who may call the API; a policy that behaves otherwise is not what was reviewed.',
    severity: 'error',
  },
  'acknowledgements/not-a-warning': {
    title: 'An acknowledgement of an error or of an unknown rule code',
    why: 'Errors cannot be acknowledged away; only warnings can be accepted with a justification.',
    severity: 'error',
  },
  'acknowledgements/missing-reason': {
    title: 'An acknowledgement without a written justification',
    why: 'Auditors need to know why a warning was accepted.',
    severity: 'error',
  },
  'acknowledgements/unscoped': {
    title: 'An acknowledgement that names neither a `path` nor a `value`',
    why: 'It would cover every finding of the rule, so one written for a staging origin would silently accept a new production one.',
    severity: 'error',
  },
  'acknowledgements/unused': {
    title: 'An acknowledgement that matches no warning the policy triggers',
    why: 'Stale acknowledgements would silently cover a future warning.',
    severity: 'warning',
  },
  'deployments/unknown-environment': {
    title: 'A deployment that loads an environment the policy does not define',
    why: 'The auditor site would claim the service enforces an overlay that does not exist; the loader would refuse it at start-up.',
    severity: 'error',
  },
} as const satisfies Record<string, RuleDoc>;

/** A stable lint rule code, e.g. `origins/wildcard-with-credentials`. */
export type RuleCode = keyof typeof RULES;

/** Whether a string is a known rule code. */
export function isRuleCode(code: string): code is RuleCode {
  return Object.prototype.hasOwnProperty.call(RULES, code);
}
