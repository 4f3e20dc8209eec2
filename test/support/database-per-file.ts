// Runs before each test file: a database of its own (cloned from the migrated template) and a data
// folder of its own, so files never see each other's rows and can run in parallel.
import { randomBytes } from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, inject } from 'vitest';
import { disconnectDb } from '../../app/db/db.server.ts';
import { releaseJobQueue } from '../../app/db/jobs.server.ts';
import { createDatabaseFromTemplate, dropDatabase } from './postgres.ts';

const serverUrl = inject('postgresServerUrl');
const name = `test_${randomBytes(6).toString('hex')}`;
const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'shipyard-test-data-'));

process.env.DATABASE_URL = await createDatabaseFromTemplate(serverUrl, name);
process.env.SHIPYARD_DATA_DIR = dataDir;
process.env.NODE_ENV = 'test';

afterAll(async () => {
  await releaseJobQueue();
  await disconnectDb();
  await dropDatabase(serverUrl, name);
  fs.rmSync(dataDir, { recursive: true, force: true });
});
