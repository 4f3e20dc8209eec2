// Who the app is to Shopify: real credentials from the environment, or, in local mode, a local
// app whose secret is generated once and kept in the data folder (devstore signs with it too).
import { randomBytes } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { PROJECT_ROOT } from '../db/project-root.server.ts';
import { type Env, env, isLocalMode } from './env.server.ts';

export interface AppCredentials {
  apiKey: string;
  apiSecret: string;
  appUrl: string;
  scopes: string[];
  local: boolean;
}

export const DEMO_SHOP = 'demo-shop.myshopify.com';
const TOML_FILE = path.join(PROJECT_ROOT, 'shopify.app.toml');

/** The scopes declared in shopify.app.toml, the one list the app asks for. */
export function declaredScopes(file = TOML_FILE): string[] {
  const match = /^\s*scopes\s*=\s*"([^"]*)"/m.exec(fs.readFileSync(file, 'utf8'));
  if (!match?.[1]) throw new Error(`${file} declares no [access_scopes] scopes`);
  return match[1]
    .split(',')
    .map((scope) => scope.trim())
    .filter(Boolean);
}

export function appCredentials(config: Env = env()): AppCredentials {
  if (!isLocalMode(config)) {
    return {
      apiKey: config.SHOPIFY_API_KEY ?? '',
      apiSecret: config.SHOPIFY_API_SECRET ?? '',
      appUrl: config.SHOPIFY_APP_URL ?? '',
      scopes: config.SCOPES?.split(',') ?? declaredScopes(),
      local: false,
    };
  }
  return {
    apiKey: 'shipyard-local',
    apiSecret: localAppSecret(config.SHIPYARD_DATA_DIR),
    appUrl: `http://localhost:${config.PORT}`,
    scopes: declaredScopes(),
    local: true,
  };
}

function localAppSecret(dataDir: string): string {
  const file = path.join(dataDir, 'local-app-secret');
  try {
    return fs.readFileSync(file, 'utf8').trim();
  } catch {
    fs.mkdirSync(dataDir, { recursive: true });
    const secret = randomBytes(32).toString('hex');
    // 'wx' keeps the first writer's secret when two processes start together.
    try {
      fs.writeFileSync(file, secret, { mode: 0o600, flag: 'wx' });
      return secret;
    } catch {
      return fs.readFileSync(file, 'utf8').trim();
    }
  }
}
