// The project's root folder (where package.json is), for files the app reads at run time (the SQL
// migrations, shopify.app.toml). Found by walking up rather than a fixed '../..', because the same
// module runs from its source folder (tests, the command line, the worker) and from Remix's one-file
// server build (build/index.js), which sit at different depths.
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

function findRoot(from: string): string {
  for (let dir = from; ; dir = path.dirname(dir)) {
    if (fs.existsSync(path.join(dir, 'package.json'))) return dir;
    if (path.dirname(dir) === dir) throw new Error(`No package.json above ${from}`);
  }
}

export const PROJECT_ROOT = findRoot(path.dirname(fileURLToPath(import.meta.url)));
