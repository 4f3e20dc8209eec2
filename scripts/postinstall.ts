// Runs after `npm install`: generates the Prisma client into app/generated/prisma. Prisma's CLI
// insists on locating its native schema engine even for `generate`, which never runs it; it is
// pointed at a stand-in that explains the offline route (docs/decisions/0002-offline-migrations.md).
import { execFileSync } from 'node:child_process';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
execFileSync(path.join(root, 'node_modules/.bin/prisma'), ['generate'], {
  cwd: root,
  stdio: 'inherit',
  env: {
    ...process.env,
    PRISMA_SCHEMA_ENGINE_BINARY: path.join(root, 'scripts/no-schema-engine.sh'),
    PRISMA_HIDE_UPDATE_MESSAGE: '1',
  },
});
