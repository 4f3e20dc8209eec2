// Every task the worker runs. The key is the task's file name, so a reader finds the code from a
// job's name; a test checks that each file in jobs/ is listed here under its own name.
import type { TaskList } from 'graphile-worker';
import type { z } from 'zod';
import customerDataRequest, { type CustomerDataRequestPayload } from './customer-data-request.ts';
import customerRedact, { type CustomerRedactPayload } from './customer-redact.ts';
import jobQueuesCleanup, { type JobQueuesCleanupPayload } from './job-queues-cleanup.ts';
import migrationAnalyze, { type MigrationAnalyzePayload } from './migration-analyze.ts';
import migrationBulkPoll, { type MigrationBulkPollPayload } from './migration-bulk-poll.ts';
import migrationDryRun, { type MigrationDryRunPayload } from './migration-dry-run.ts';
import migrationExtract, { type MigrationExtractPayload } from './migration-extract.ts';
import migrationInvite, { type MigrationInvitePayload } from './migration-invite.ts';
import migrationLoad, { type MigrationLoadPayload } from './migration-load.ts';
import migrationResyncScheduled, { type MigrationResyncScheduledPayload } from './migration-resync-scheduled.ts';
import migrationUndo, { type MigrationUndoPayload } from './migration-undo.ts';
import migrationVerify, { type MigrationVerifyPayload } from './migration-verify.ts';
import shopPurge, { type ShopPurgePayload } from './shop-purge.ts';
import shopRedact, { type ShopRedactPayload } from './shop-redact.ts';

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

declare global {
  namespace GraphileWorker {
    interface Tasks {
      'customer-data-request': z.input<typeof CustomerDataRequestPayload>;
      'customer-redact': z.input<typeof CustomerRedactPayload>;
      'shop-purge': z.input<typeof ShopPurgePayload>;
      'shop-redact': z.input<typeof ShopRedactPayload>;
      'job-queues-cleanup': z.input<typeof JobQueuesCleanupPayload>;
      'migration-analyze': z.input<typeof MigrationAnalyzePayload>;
      'migration-bulk-poll': z.input<typeof MigrationBulkPollPayload>;
      'migration-dry-run': z.input<typeof MigrationDryRunPayload>;
      'migration-extract': z.input<typeof MigrationExtractPayload>;
      'migration-invite': z.input<typeof MigrationInvitePayload>;
      'migration-load': z.input<typeof MigrationLoadPayload>;
      'migration-resync-scheduled': z.input<typeof MigrationResyncScheduledPayload>;
      'migration-undo': z.input<typeof MigrationUndoPayload>;
      'migration-verify': z.input<typeof MigrationVerifyPayload>;
    }
  }
}
