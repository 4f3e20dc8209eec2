// The environment, validated once at start-up. Every variable is documented in .env.example.
import { z } from 'zod';

const postgresUrl = z
  .string()
  .refine(
    (value) => /^postgres(ql)?:\/\/[^/]+\/[^/?]+/.test(value),
    'must be a postgresql:// URL with a database name',
  );

const EnvSchema = z
  .object({
    NODE_ENV: z.enum(['development', 'production', 'test']).default('production'),
    PORT: z.coerce.number().int().min(1).max(65535).default(3000),
    DATABASE_URL: postgresUrl.optional(),
    SHIPYARD_DATA_DIR: z.string().min(1).default('.data'),
    SHIPYARD_PG_PORT: z.coerce.number().int().min(1).max(65535).default(54329),
    SHOPIFY_API_KEY: z.string().min(1).optional(),
    SHOPIFY_API_SECRET: z.string().min(1).optional(),
    SHOPIFY_APP_URL: z.url({ protocol: /^https?$/ }).optional(),
    SCOPES: z
      .string()
      .regex(/^[a-z_]+(,[a-z_]+)*$/, 'must be a comma-separated list of scopes')
      .optional(),
    SHOP_CUSTOM_DOMAIN: z.string().optional(),
    SHIPYARD_ENCRYPTION_KEY: z
      .string()
      .refine(
        (value) => Buffer.from(value, 'base64').length === 32,
        'must be 32 random bytes, base64-encoded (openssl rand -base64 32)',
      )
      .optional(),
    DEVSTORE_PORT: z.coerce.number().int().min(0).max(65535).default(4000),
    DEVSTORE_URL: z.url({ protocol: /^https?$/ }).optional(),
    RUN_WORKER: z
      .enum(['true', 'false'])
      .default('true')
      .transform((value) => value === 'true'),
    WORKER_CONCURRENCY: z.coerce.number().int().min(1).max(100).default(4),
  })
  .superRefine((env, ctx) => {
    // Either all of the Shopify credentials (a real app) or none of them (local mode).
    const shopify = ['SHOPIFY_API_KEY', 'SHOPIFY_API_SECRET', 'SHOPIFY_APP_URL'] as const;
    const given = shopify.filter((name) => env[name] !== undefined);
    if (given.length === shopify.length && env.SHIPYARD_ENCRYPTION_KEY === undefined) {
      ctx.addIssue({
        code: 'custom',
        path: ['SHIPYARD_ENCRYPTION_KEY'],
        message: 'is required outside local mode: it encrypts the source stores’ credentials',
      });
    }
    if (given.length > 0 && given.length < shopify.length) {
      for (const name of shopify.filter((n) => env[n] === undefined)) {
        ctx.addIssue({
          code: 'custom',
          path: [name],
          message: `is required when ${given.join(' and ')} ${given.length > 1 ? 'are' : 'is'} set (leave all three unset for local mode)`,
        });
      }
    }
  });

export type Env = z.infer<typeof EnvSchema>;

export class EnvError extends Error {
  readonly variables: string[];
  constructor(variables: string[], lines: string[]) {
    super(
      `The environment is not valid:\n${lines.map((line) => `  - ${line}`).join('\n')}\nSee .env.example for what each variable means.`,
    );
    this.name = 'EnvError';
    this.variables = variables;
  }
}

/** Parses an environment; throws EnvError naming each bad variable (never echoing its value). */
export function parseEnv(source: Record<string, string | undefined>): Env {
  // An empty variable means unset, as in most .env tooling.
  const cleaned = Object.fromEntries(Object.entries(source).filter(([, value]) => value !== undefined && value !== ''));
  const result = EnvSchema.safeParse(cleaned);
  if (result.success) return result.data;
  const variables = [...new Set(result.error.issues.map((issue) => String(issue.path[0] ?? 'environment')))];
  const lines = result.error.issues.map((issue) => `${String(issue.path[0] ?? 'environment')} ${issue.message}`);
  throw new EnvError(variables, lines);
}

let cached: Env | undefined;

export function env(): Env {
  cached ??= parseEnv(process.env);
  return cached;
}

/** Local mode: no Shopify credentials, so the app serves a demo shop outside the admin. */
export function isLocalMode(config: Env = env()): boolean {
  return config.SHOPIFY_API_KEY === undefined;
}
