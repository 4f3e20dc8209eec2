import { execFileSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import type { TestProject } from 'vitest/node';
import { createTemplate, startTestServer } from './postgres.ts';

const ROOT = fileURLToPath(new URL('../..', import.meta.url));

declare module 'vitest' {
  export interface ProvidedContext {
    postgresServerUrl: string;
  }
}

export default async function setup(project: TestProject) {
  // Tests that run the real app need its Remix build, made once for the whole run.
  execFileSync(process.execPath, [`${ROOT}node_modules/@remix-run/dev/dist/cli.js`, 'build'], {
    cwd: ROOT,
    stdio: 'pipe',
    // The same production build `npm start` serves (vitest itself runs with NODE_ENV=test).
    env: { ...process.env, NODE_ENV: 'production' },
  });
  const server = await startTestServer();
  await createTemplate(server.serverUrl);
  project.provide('postgresServerUrl', server.serverUrl);
  return () => server.stop();
}
