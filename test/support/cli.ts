// The command line as a test runs it: `shipyard …` in a process of its own, in local mode (it starts
// devstore for the demo shop on a free port), with only the environment the README asks for.
import { spawn } from 'node:child_process';
import path from 'node:path';
import { freePort } from './postgres.ts';

const ROOT = path.resolve(import.meta.dirname, '..', '..');

export interface CliRun {
  code: number | null;
  stdout: string;
  stderr: string;
  /** stdout and stderr as a terminal shows them, in the order they came. */
  output: string;
}

/**
 * Runs the CLI with `args`. `npx: true` runs it the README's way, `npx shipyard …`, with the project's
 * Node first on PATH; otherwise this Node runs cli/shipyard.ts directly.
 */
export async function runShipyard(args: string[], { npx = false }: { npx?: boolean } = {}): Promise<CliRun> {
  const env: NodeJS.ProcessEnv = {
    PATH: npx ? `${path.join(ROOT, 'node_modules', '.bin')}:${process.env.PATH ?? ''}` : (process.env.PATH ?? ''),
    ...(npx ? { HOME: process.env.HOME ?? '' } : {}),
    DATABASE_URL: process.env.DATABASE_URL ?? '',
    SHIPYARD_DATA_DIR: process.env.SHIPYARD_DATA_DIR ?? '',
    DEVSTORE_PORT: String(await freePort()),
    NODE_ENV: 'test',
  };
  const [command, argv]: [string, string[]] = npx
    ? ['npx', ['shipyard', ...args]]
    : [process.execPath, [path.join(ROOT, 'cli/shipyard.ts'), ...args]];
  const child = spawn(command, argv, { cwd: ROOT, env });
  const run = { stdout: '', stderr: '', output: '' };
  child.stdout.on('data', (chunk: Buffer) => {
    run.stdout += chunk.toString();
    run.output += chunk.toString();
  });
  child.stderr.on('data', (chunk: Buffer) => {
    run.stderr += chunk.toString();
    run.output += chunk.toString();
  });
  const code = await new Promise<number | null>((resolve) => child.on('exit', resolve));
  return { code, ...run };
}
