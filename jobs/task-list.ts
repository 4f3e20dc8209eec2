// Every task the worker runs. The key is the task's file name, so a reader finds the code from a
// job's name; a test checks that each file in jobs/ is listed here under its own name.
import type { TaskList } from 'graphile-worker';
import customerDataRequest from './customer-data-request.ts';
import customerRedact from './customer-redact.ts';
import jobQueuesCleanup from './job-queues-cleanup.ts';
import migrationAnalyze from './migration-analyze.ts';
import migrationBulkPoll from './migration-bulk-poll.ts';
import migrationDryRun from './migration-dry-run.ts';
import migrationExtract from './migration-extract.ts';
import migrationInvite from './migration-invite.ts';
import migrationLoad from './migration-load.ts';
import migrationResyncScheduled from './migration-resync-scheduled.ts';
import migrationUndo from './migration-undo.ts';
import migrationVerify from './migration-verify.ts';
import shopPurge from './shop-purge.ts';
import shopRedact from './shop-redact.ts';

export const taskList = {
  'customer-data-request': customerDataRequest,
  'customer-redact': customerRedact,
  'job-queues-cleanup': jobQueuesCleanup,
  'migration-analyze': migrationAnalyze,
  'migration-bulk-poll': migrationBulkPoll,
  'migration-dry-run': migrationDryRun,
  'migration-extract': migrationExtract,
  'migration-invite': migrationInvite,
  'migration-load': migrationLoad,
  'migration-resync-scheduled': migrationResyncScheduled,
  'migration-undo': migrationUndo,
  'migration-verify': migrationVerify,
  'shop-purge': shopPurge,
  'shop-redact': shopRedact,
} satisfies TaskList;
