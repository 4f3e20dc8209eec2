// Sends one batch of account invitations to customers a migration created (app/pipeline/steps/invite.server.ts).
import type { Task } from 'graphile-worker';
import { inviteStep } from '../app/pipeline/steps/invite.server.ts';
import { MigrationInvitePayload } from './payloads.ts';

const migrationInvite: Task = async (payload, helpers) => {
  const { migrationId, afterId } = MigrationInvitePayload.parse(payload);
  const outcome = await inviteStep(migrationId, afterId ? BigInt(afterId) : null);
  helpers.logger.debug(`invitations of ${migrationId}: ${outcome}`);
};

export default migrationInvite;
