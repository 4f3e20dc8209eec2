import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { taskList } from './task-list.ts';

// The worker's own files and the payload schemas; every other file in jobs/ is a task named after its file.
const INFRASTRUCTURE = new Set(['liveness.ts', 'payloads.ts', 'runner.ts', 'task-list.ts', 'worker.ts']);

describe('task list', () => {
  it('registers every task file in jobs/ under its own file name', () => {
    const files = fs
      .readdirSync(import.meta.dirname)
      .filter((name) => name.endsWith('.ts') && !name.endsWith('.test.ts') && !INFRASTRUCTURE.has(name))
      .map((name) => path.basename(name, '.ts'))
      .sort();
    expect(Object.keys(taskList).sort()).toEqual(files);
  });
});
