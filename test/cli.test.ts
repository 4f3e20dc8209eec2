// `npx shipyard migrate` as an agency runs it: a real process, a WooCommerce test store, local mode
// (the CLI starts devstore for the demo shop), progress on stdout, and exit 1 with the report path
// when some records did not move.
import { spawn } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { freePort } from './support/postgres.ts';
import { type WooCommerceTestServer, startWooCommerceServer } from './woocommerce/server.ts';

const ROOT = path.resolve(import.meta.dirname, '..');
let woo: WooCommerceTestServer;

beforeAll(async () => {
  woo = await startWooCommerceServer({ catalog: { products: 20, variationsPerProduct: 2, imagesPerProduct: 1 } });
});
afterAll(() => woo.close());

async function shipyard(args: string[]): Promise<{ code: number | null; output: string }> {
  const child = spawn(process.execPath, [path.join(ROOT, 'scripts/shipyard.ts'), ...args], {
    cwd: ROOT,
    env: {
      PATH: process.env.PATH ?? '',
      DATABASE_URL: process.env.DATABASE_URL ?? '',
      SHIPYARD_DATA_DIR: process.env.SHIPYARD_DATA_DIR ?? '',
      DEVSTORE_PORT: String(await freePort()),
      NODE_ENV: 'test',
    },
  });
  let output = '';
  child.stdout.on('data', (chunk: Buffer) => (output += chunk.toString()));
  child.stderr.on('data', (chunk: Buffer) => (output += chunk.toString()));
  const code = await new Promise<number | null>((resolve) => child.on('exit', resolve));
  return { code, output };
}

describe('npx shipyard migrate', () => {
  it('migrates, shows progress, and exits 1 naming the report when records did not move', async () => {
    const reports = fs.mkdtempSync(path.join(os.tmpdir(), 'shipyard-reports-'));
    const { code, output } = await shipyard(['migrate', '--from', 'woocommerce', '--url', woo.url, '--key', woo.consumerKey, '--secret', woo.consumerSecret, '--report-dir', reports]);
    expect(output).toMatch(/products\s+[█░]+ \d+\/\d+ written/);
    expect(code, output).toBe(1);
    const report = /the reasons are in (\S+\.csv)/.exec(output)?.[1];
    expect(report).toBeDefined();
    const lines = fs.readFileSync(report as string, 'utf8').trim().split('\r\n');
    expect(lines[0]).toContain('What,Source id,Name,Status,Reason');
    expect(lines.length).toBeGreaterThan(1);
  }, 120_000);

  it('says what is wrong with the keys and exits 2', async () => {
    const { code, output } = await shipyard(['migrate', '--from', 'woocommerce', '--url', woo.url, '--key', woo.consumerKey, '--secret', `cs_${'0'.repeat(40)}`]);
    expect(code, output).toBe(2);
    expect(output).toMatch(/Cannot read the store at .*: .*(key|secret)/i);
  }, 60_000);

  it('explains its usage when the arguments are wrong', async () => {
    const { code, output } = await shipyard(['migrate', '--from', 'woocommerce', '--url', 'not a url']);
    expect(code).toBe(2);
    expect(output).toContain('--url must be the store address');
  }, 60_000);

  it('names a malformed key before calling the store', async () => {
    const { code, output } = await shipyard(['migrate', '--from', 'woocommerce', '--url', woo.url, '--key', woo.consumerKey, '--secret', 'cs_short']);
    expect(code).toBe(2);
    expect(output).toContain('consumerSecret');
  }, 60_000);
});
