// Runs the real app (`node server.ts`, as npm start does after building) as a child process on a
// free port, against the test file's own database.
import { type ChildProcess, spawn } from 'node:child_process';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { freePort } from './postgres.ts';

const ROOT = fileURLToPath(new URL('../..', import.meta.url));

export interface RunningApp {
  url: string;
  /** Where the app's devstore (local mode's stand-in for Shopify) answers. */
  devstoreUrl: string;
  output: () => string;
  stop: () => Promise<number | null>;
}

export async function startApp(extraEnv: Record<string, string> = {}): Promise<RunningApp> {
  const port = await freePort();
  const devstorePort = await freePort();
  let output = '';
  // A clean environment: nothing from the developer's shell (such as Shopify credentials) leaks in.
  const child: ChildProcess = spawn(process.execPath, [path.join(ROOT, 'server.ts')], {
    cwd: ROOT,
    env: {
      PATH: process.env.PATH ?? '',
      HOME: process.env.HOME ?? '',
      NODE_ENV: 'production',
      PORT: String(port),
      DEVSTORE_PORT: String(devstorePort),
      DATABASE_URL: process.env.DATABASE_URL ?? '',
      SHIPYARD_DATA_DIR: process.env.SHIPYARD_DATA_DIR ?? '',
      ...extraEnv,
    },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  child.stdout?.on('data', (chunk: Buffer) => (output += chunk.toString()));
  child.stderr?.on('data', (chunk: Buffer) => (output += chunk.toString()));
  const exited = new Promise<number | null>((resolve) => child.on('exit', (code) => resolve(code)));

  const url = `http://127.0.0.1:${port}`;
  const deadline = Date.now() + 60_000;
  for (;;) {
    if (child.exitCode !== null) throw new Error(`the app exited with ${child.exitCode}:\n${output}`);
    const healthy = await fetch(`${url}/healthz`).then(
      (response) => response.ok,
      () => false,
    );
    if (healthy) break;
    if (Date.now() > deadline) {
      child.kill('SIGKILL');
      throw new Error(`the app did not become healthy within 60 s:\n${output}`);
    }
    await new Promise((resolve) => setTimeout(resolve, 200));
  }

  return {
    url,
    devstoreUrl: extraEnv.DEVSTORE_URL ?? `http://127.0.0.1:${devstorePort}`,
    output: () => output,
    stop: async () => {
      if (child.exitCode === null) child.kill('SIGTERM');
      return exited;
    },
  };
}
