// Every job's payload schema, and graphile-worker's table of task names to payload types, so
// queueing a job (app/db/jobs.server.ts) is typed without importing the tasks that run them. Each
// task parses its payload with its schema here on its first line.
import { z } from 'zod';
import { ENTITIES } from '../connectors/model.ts';

export const CustomerDataRequestPayload = z.object({
  shop: z.string().min(1),
  customer: z.object({ id: z.number().int(), email: z.string().nullish(), phone: z.string().nullish() }),
  orderIds: z.array(z.number().int()).default([]),
  dataRequestId: z.string().nullable(),
});

export const CustomerRedactPayload = z.object({
  shop: z.string().min(1),
  customer: z.object({ id: z.number().int(), email: z.string().nullish(), phone: z.string().nullish() }),
  orderIds: z.array(z.number().int()).default([]),
});

// The crontab's tasks (jobs/runner.ts): graphile-worker's cron adds `_cron` details; nothing else is expected.
export const CronPayload = z.object({ _cron: z.object({ ts: z.string() }).loose().optional() }).loose();

export const MigrationAnalyzePayload = z.object({
  migrationId: z.uuid(),
  afterId: z.string().regex(/^\d+$/).nullish(),
});

export const MigrationBulkPollPayload = z.object({ migrationId: z.uuid(), batchId: z.uuid() });

export const MigrationDryRunPayload = z.object({ migrationId: z.uuid(), afterId: z.string().regex(/^\d+$/).nullish() });

export const MigrationExtractPayload = z.object({ migrationId: z.uuid(), entity: z.enum(ENTITIES) });

export const MigrationInvitePayload = z.object({ migrationId: z.uuid(), afterId: z.string().regex(/^\d+$/).nullish() });

export const MigrationLoadPayload = z.object({
  migrationId: z.uuid(),
  entity: z.enum(ENTITIES),
  afterId: z.string().regex(/^\d+$/).nullish(),
});

export const MigrationUndoPayload = z.object({
  migrationId: z.uuid(),
  entity: z.string().min(1).max(64),
  afterId: z.string().regex(/^\d+$/).nullish(),
});

export const MigrationVerifyPayload = z.object({ migrationId: z.uuid() });

export const ShopPurgePayload = z.object({ shop: z.string().min(1) });

export const ShopRedactPayload = z.object({ shop: z.string().min(1) });

declare global {
  namespace GraphileWorker {
    interface Tasks {
      'customer-data-request': z.input<typeof CustomerDataRequestPayload>;
      'customer-redact': z.input<typeof CustomerRedactPayload>;
      'job-queues-cleanup': z.input<typeof CronPayload>;
      'migration-analyze': z.input<typeof MigrationAnalyzePayload>;
      'migration-bulk-poll': z.input<typeof MigrationBulkPollPayload>;
      'migration-dry-run': z.input<typeof MigrationDryRunPayload>;
      'migration-extract': z.input<typeof MigrationExtractPayload>;
      'migration-invite': z.input<typeof MigrationInvitePayload>;
      'migration-load': z.input<typeof MigrationLoadPayload>;
      'migration-resync-scheduled': z.input<typeof CronPayload>;
      'migration-undo': z.input<typeof MigrationUndoPayload>;
      'migration-verify': z.input<typeof MigrationVerifyPayload>;
      'shop-purge': z.input<typeof ShopPurgePayload>;
      'shop-redact': z.input<typeof ShopRedactPayload>;
    }
  }
}
