// Account invitations in lines for the terminal: how many were sent, and each customer Shopify
// refused, with its reason.
import type { InvitationSummary } from '../app/pipeline/steps/invite.server.ts';

export function invitationLines(summary: InvitationSummary): string[] {
  if (summary.run?.error) return [`Sending stopped: ${summary.run.error}`];
  return [
    `${summary.sent} customer${summary.sent === 1 ? '' : 's'} invited${summary.failed ? ` · ${summary.failed} not invited` : ''}`,
    ...summary.problems.map((problem) => `  not invited: ${problem.email ?? problem.customerGid}: ${problem.reason}`),
  ];
}
