import { z } from 'zod';

/*
 * The shape of a policy. Only structure lives here (types, required keys, no unknown keys); what the
 * values *mean* (is this origin canonical? is this header forbidden?) is checked by the lint rules,
 * so that every problem is reported with a stable rule code and a fix hint.
 *
 * Every field carries `title` and `description` metadata: the docs site and the JSON Schema are
 * generated from it, so audit text cannot drift from validation.
 */

const originList = z
  .array(z.string())
  .meta({
    title: 'Allowed origins',
    description:
      'Who may read responses: exact origins (`https://app.example.com`), subdomain patterns ' +
      '(`https://*.example.com`, one or more labels; `:*` for any port), or `["*"]` for any site ' +
      '(never with credentials). Origins are compared byte for byte with the browser\'s `Origin` header.',
  });

/** A named source of origins (customer domains in a database), bound to a provider by the application. */
const sourceEntry = z
  .strictObject({
    source: z.string().meta({
      title: 'Source name',
      description:
        'The name the application binds a provider to (`bindOriginSources(policy, { \'tenant-domains\': provider })`): ' +
        'a lower-case slug, like environment names.',
    }),
    credentials: z.boolean().optional().meta({
      title: 'Source credentials',
      description:
        'Whether origins from this source may send cookies and read credentialed responses. Default false: a ' +
        'source\'s origins are tenant-controlled sites, so credentials are an explicit opt-in.',
    }),
    methods: z.array(z.string()).optional().meta({
      title: 'Source methods',
      description: 'Methods origins from this source may use; default: the methods of the rules the source is listed in.',
    }),
    refreshSeconds: z.number().optional().meta({
      title: 'Refresh period (seconds)',
      description:
        'Whole seconds from 1 to 86400, default 60: how long a listed set of origins, or a looked-up answer, stays in ' +
        'force. Past it without a fresh answer, the source\'s origins are refused (fail closed).',
    }),
    timeoutMs: z.number().optional().meta({
      title: 'Provider timeout (ms)',
      description: 'Whole milliseconds from 10 to 5000, default 200: the longest wait on one provider call; a slower call counts as failed.',
    }),
    description: z.string().optional().meta({ title: 'What the source holds', description: 'Shown to auditors, e.g. `Customer custom domains (table tenant_domains)`.' }),
  })
  .meta({
    title: 'Origin source',
    description:
      'Origins looked up at run time from a provider the application binds (a database table of customer domains). ' +
      'Each origin it yields is validated like a static one; a slow or failing provider refuses, never allows.',
  });

/** `origins` where sources may be listed: the top level and route rules (overlays add strings only). */
const originListWithSources = z
  .array(z.union([z.string(), sourceEntry]))
  .meta({
    title: 'Allowed origins',
    description:
      'Who may read responses: exact origins (`https://app.example.com`), subdomain patterns ' +
      '(`https://*.example.com`, one or more labels; `:*` for any port), `["*"]` for any site ' +
      '(never with credentials), or origin sources (`{ source: "tenant-domains" }`) looked up at run time. ' +
      'Origins are compared byte for byte with the browser\'s `Origin` header.',
  });

const credentials = z.boolean().meta({
  title: 'Credentials',
  description:
    'Whether browsers may send cookies, HTTP authentication and client certificates, and let the page ' +
    'read the response (`Access-Control-Allow-Credentials: true`). Never combined with `*` origins.',
});

const methods = z.array(z.string()).meta({
  title: 'Allowed methods',
  description:
    'Methods cross-origin pages may use. Defaults to GET, HEAD, POST. Binds actual requests too: a ' +
    'policy without GET withholds CORS headers from cross-origin GETs. `*` allows any method ' +
    '(echoed per request when credentials are on).',
});

const allowHeaders = z.array(z.string()).meta({
  title: 'Allowed request headers',
  description:
    'Non-safelisted request headers pages may send (e.g. `Content-Type` for JSON, `Authorization`). ' +
    '`*` allows any header except `Authorization`, which must always be listed by name.',
});

const exposeHeaders = z.array(z.string()).meta({
  title: 'Exposed response headers',
  description:
    'Response headers the page may read beyond the safelisted ones (Cache-Control, Content-Language, ' +
    'Content-Length, Content-Type, Expires, Last-Modified, Pragma). `*` is refused with credentials.',
});

const maxAge = z.number().meta({
  title: 'Preflight cache (seconds)',
  description:
    'How long browsers may cache a preflight answer (`Access-Control-Max-Age`), an integer from 0 to ' +
    '86400. 0 asks browsers not to cache; absent leaves the browser default (5 s). Chromium caps it at 7200.',
});

const privateNetwork = z.boolean().meta({
  title: 'Private Network Access',
  description:
    'Opt in to answering Private Network Access preflights (`Access-Control-Allow-Private-Network`). ' +
    'Deprecated: Chrome has put PNA on hold. Never with `*` origins.',
});

const preflight = z
  .strictObject({
    refusedStatus: z.number().optional().meta({
      title: 'Refused preflight status',
      description: 'HTTP status of a refused preflight (a 4xx; default 403). The response carries no CORS headers.',
    }),
    successStatus: z.number().optional().meta({
      title: 'Allowed preflight status',
      description: 'HTTP status of an allowed preflight (200 or 204; default 204).',
    }),
    continueToApp: z.boolean().optional().meta({
      title: 'Continue allowed preflights to the app',
      description:
        'When true, an allowed preflight gets its CORS headers and is then handed to the application ' +
        'instead of being answered by the CORS layer. Default false.',
    }),
    vary: z.boolean().optional().meta({
      title: 'Vary on preflights',
      description:
        'Whether preflight responses carry `Vary: Origin, Access-Control-Request-Method, ' +
        'Access-Control-Request-Headers` (default true). Turn off only if no cache stores OPTIONS responses.',
    }),
  })
  .meta({ title: 'Preflight behaviour', description: 'How preflight (OPTIONS) requests are answered.' });

/** Fields a route rule or an environment overlay may set. */
const ruleFields = {
  origins: originList.optional(),
  credentials: credentials.optional(),
  methods: methods.optional(),
  allowHeaders: allowHeaders.optional(),
  exposeHeaders: exposeHeaders.optional(),
  maxAge: maxAge.optional(),
  privateNetwork: privateNetwork.optional(),
};

const routeRule = z
  .strictObject({
    path: z.string().meta({
      title: 'Path pattern',
      description:
        'Which paths the rule covers: literal segments, `*` for exactly one segment, and a final `**` ' +
        'for any number of segments (`/public/**`). Matched ASCII-case-insensitively and ignoring trailing slashes ' +
        '(as Express, Koa and Nest route by default); the query string is ignored.',
    }),
    description: z.string().optional().meta({ title: 'Why this rule exists', description: 'Shown to auditors.' }),
    disabled: z.boolean().optional().meta({
      title: 'CORS off',
      description:
        'When true, no origin may read this path: preflights are refused and responses carry no CORS headers.',
    }),
    ...ruleFields,
    origins: originListWithSources.optional(),
  })
  .meta({
    title: 'Route rule',
    description:
      'Overrides for matching paths. The first matching rule wins; each field it sets replaces the ' +
      'top-level value, fields it omits are inherited.',
  });

const environmentOverlay = z
  .strictObject({
    description: z.string().optional().meta({ title: 'Why this overlay exists', description: 'Shown to auditors.' }),
    developmentOnly: z.boolean().optional().meta({
      title: 'Development only',
      description:
        'When true, `selectPolicyEnvironment` refuses to load this overlay while `NODE_ENV` is `production` ' +
        '(unless explicitly allowed), so a stray `APP_ENV=development` cannot widen a production service. Default false.',
    }),
    ...ruleFields,
    origins: originList.optional().meta({
      title: 'Additional origins',
      description:
        'Origins added (not substituted) in this environment, to the top-level list and to every route ' +
        'rule that lists its own origins (except `*` lists).',
    }),
  })
  .meta({
    title: 'Environment overlay',
    description:
      'Changes applied when the policy is loaded for this environment (chosen explicitly by the loader). ' +
      '`origins` are added; every other field replaces the top-level value.',
  });

const acknowledgement = z
  .strictObject({
    rule: z.string().meta({ title: 'Rule code', description: 'The warning being acknowledged, e.g. `max-age/above-browser-cap`.' }),
    reason: z.string().meta({ title: 'Justification', description: 'Why the warning is acceptable here. Shown to auditors.' }),
    path: z.string().optional().meta({
      title: 'Where the warning is',
      description:
        'The path printed with the warning, e.g. `environments.staging.origins[0]` or `maxAge`: the acknowledgement ' +
        'covers the finding at exactly that place. Give `path`, `value` or both.',
    }),
    value: z.string().optional().meta({
      title: 'Which value the warning is about',
      description:
        'The offending value as written, e.g. the origin `http://staging.example.com` or the header name: the ' +
        'acknowledgement covers findings of this rule about that value wherever it is listed. Give `path`, `value` or both.',
    }),
  })
  .meta({
    title: 'Acknowledged warning',
    description:
      'A warning the owners accept, with a written justification, scoped to one finding by `path` and/or `value` so ' +
      'that it never covers a new finding of the same rule elsewhere. Errors can never be acknowledged.',
  });

const expectation = z
  .strictObject({
    description: z.string().optional().meta({ title: 'What this example shows', description: 'Shown to reviewers beside the actual decision.' }),
    environment: z.string().optional().meta({ title: 'Environment', description: 'Check the example under this environment overlay (default: the base policy).' }),
    request: z
      .strictObject({
        origin: z.string().meta({ title: 'Calling page origin', description: 'e.g. `https://admin.myapp.com`.' }),
        method: z.string().optional().meta({ title: 'Method', description: 'Default GET.' }),
        path: z.string().optional().meta({ title: 'Path', description: 'Default `/`.' }),
        headers: z.array(z.string()).optional().meta({ title: 'Headers the page sets', description: 'Names only, e.g. `["Authorization"]`.' }),
        credentials: z.boolean().optional().meta({ title: 'With cookies', description: "`credentials: 'include'`." }),
      })
      .meta({ title: 'Request', description: 'A request as a page would make it with fetch().' }),
    allowed: z.boolean().meta({ title: 'Expected verdict', description: 'Whether the browser should let the page read the response.' }),
  })
  .meta({
    title: 'Expectation',
    description: 'An example request and the verdict the owners intend. Checked at load time against the real resolver: a policy whose behaviour contradicts its examples does not load.',
  });

const deployment = z
  .strictObject({
    service: z.string().meta({ title: 'Service', description: 'The service or application that loads this policy, e.g. `storefront-api`.' }),
    environment: z.string().optional().meta({
      title: 'Environment loaded',
      description: 'The environment overlay the service loads (must be one under `environments`); absent: the base policy.',
    }),
    url: z.string().optional().meta({ title: 'URL', description: 'Where the service answers, e.g. `https://api.myapp.com`. Shown to auditors.' }),
    description: z.string().optional().meta({ title: 'Notes', description: 'Anything auditors should know about this deployment.' }),
  })
  .meta({ title: 'Deployment', description: 'One place where the policy is enforced: a service and the environment it loads.' });

/** The zod schema of a policy file's input. Structure only; semantics are checked by the linter. */
export const policySchema = z
  .strictObject({
    $schema: z.string().optional().meta({
      title: 'JSON Schema',
      description: 'For editors only: where the policy JSON Schema is (`cors-policy schema` prints it). Ignored when loading.',
    }),
    name: z.string().meta({
      title: 'Name',
      description: 'A stable identifier, lower-case letters, digits and dashes (e.g. `storefront-api`).',
    }),
    description: z.string().optional().meta({ title: 'Description', description: 'What the API is and who calls it.' }),
    owners: z.array(z.string()).optional().meta({ title: 'Owners', description: 'Teams or people who answer for this policy.' }),
    origins: originListWithSources,
    credentials: credentials.optional(),
    methods: methods.optional(),
    allowHeaders: allowHeaders.optional(),
    exposeHeaders: exposeHeaders.optional(),
    maxAge: maxAge.optional(),
    privateNetwork: privateNetwork.optional(),
    preflight: preflight.optional(),
    routes: z.array(routeRule).optional().meta({
      title: 'Route rules',
      description: 'Per-path overrides, tried in order; the first matching rule applies.',
    }),
    environments: z.record(z.string(), environmentOverlay).optional().meta({
      title: 'Environment overlays',
      description: 'Named overlays (e.g. `development`), applied only when the loader selects them.',
    }),
    expectations: z.array(expectation).optional().meta({
      title: 'Expectations',
      description: 'Examples of who may and may not call the API, verified against the resolver whenever the policy loads.',
    }),
    deployments: z.array(deployment).optional().meta({
      title: 'Deployments',
      description: 'Where the policy is enforced: each service that loads it, and with which environment. Shown on the auditor site.',
    }),
    acknowledgements: z.array(acknowledgement).optional().meta({
      title: 'Acknowledged warnings',
      description: 'Warnings accepted with a justification. Errors cannot be acknowledged.',
    }),
  })
  .meta({
    title: 'CORS policy',
    description: 'Which other sites may read this API from a browser, with which methods and headers, and with cookies or not.',
  });

/** What a policy file declares (the input of `definePolicy`). */
export type PolicyInput = z.input<typeof policySchema>;
export type RouteRuleInput = NonNullable<PolicyInput['routes']>[number];
export type EnvironmentOverlayInput = NonNullable<PolicyInput['environments']>[string];
export type PreflightInput = NonNullable<PolicyInput['preflight']>;
export type ExpectationInput = NonNullable<PolicyInput['expectations']>[number];
export type DeploymentInput = NonNullable<PolicyInput['deployments']>[number];
/** An origin entry as written: a string, or a source declaration. */
export type OriginEntryInput = PolicyInput['origins'][number];
/** An origin source as declared in an `origins` list. */
export type OriginSourceInput = Exclude<OriginEntryInput, string>;

/** Whether an origin entry declares a source. */
export function isSourceEntry(entry: OriginEntryInput): entry is OriginSourceInput {
  return typeof entry !== 'string';
}

/** The policy's JSON Schema (draft 2020-12), generated from the zod schema and its metadata. */
export function policyJsonSchema(): Record<string, unknown> {
  return z.toJSONSchema(policySchema, { target: 'draft-2020-12', io: 'input' }) as Record<string, unknown>;
}
