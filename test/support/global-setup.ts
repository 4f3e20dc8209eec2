import type { TestProject } from 'vitest/node';
import { createTemplate, startTestServer } from './postgres.ts';

declare module 'vitest' {
  export interface ProvidedContext {
    postgresServerUrl: string;
  }
}

export default async function setup(project: TestProject) {
  const server = await startTestServer();
  await createTemplate(server.serverUrl);
  project.provide('postgresServerUrl', server.serverUrl);
  return () => server.stop();
}
