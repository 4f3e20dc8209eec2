// A migration's page: live progress, the review before writing (problems and plan), pause / resume /
// cancel, the report of what did not move, the redirects and the final check against Shopify.
import type { ActionFunctionArgs, LoaderFunctionArgs } from '@remix-run/node';
import { redirect } from '@remix-run/node';
import { useLoaderData } from '@remix-run/react';
import { Badge, Banner, BlockStack, InlineStack, Layout } from '@shopify/polaris';
import { AppPage } from '../components/layout/AppPage.tsx';
import { ConfirmButton } from '../components/layout/ConfirmButton.tsx';
import { DryRunCard } from '../components/migrations/DryRunCard.tsx';
import { InvitationsCard } from '../components/migrations/InvitationsCard.tsx';
import { useFormatter } from '../components/layout/format.ts';
import { MigrationProgress } from '../components/migrations/MigrationProgress.tsx';
import { NotMovedCard } from '../components/migrations/NotMovedCard.tsx';
import { NoticeProvider } from '../components/layout/notice.tsx';
import { RedirectsCard } from '../components/migrations/RedirectsCard.tsx';
import { PlanCard, ProblemsCard } from '../components/migrations/ReviewCard.tsx';
import { CustomerDataBanner } from '../components/migrations/CustomerDataBanner.tsx';
import { RouteError } from '../components/layout/RouteError.tsx';
import { STATUS_TONE } from '../components/migrations/status.ts';
import { ThroughputChart } from '../components/migrations/ThroughputChart.tsx';
import { useLiveProgress } from '../components/migrations/useLiveProgress.ts';
import { StartedNotice } from '../components/migrations/StartedNotice.tsx';
import { UndoButton } from '../components/migrations/UndoButton.tsx';
import { UndoCard } from '../components/migrations/UndoCard.tsx';
import { VerificationCard } from '../components/migrations/VerificationCard.tsx';
import { MigrationAction, parseForm } from '../migrations/forms.ts';
import { runMigrationAction } from '../migrations/actions.server.ts';
import { migrationPageView } from '../migrations/page.server.ts';
import { ownedMigration } from '../migrations/views.server.ts';
import { authenticateStaff } from '../shopify.server.ts';

export const loader = async ({ request, params }: LoaderFunctionArgs) => {
  const { session } = await authenticateStaff(request);
  return migrationPageView(session.shop, params.id ?? '', new URL(request.url).searchParams);
};

export const action = async ({ request, params }: ActionFunctionArgs) => {
  const { session } = await authenticateStaff(request);
  const migration = await ownedMigration(session.shop, params.id ?? '');
  const parsed = parseForm(MigrationAction, await request.formData());
  if (!parsed.ok) return { error: parsed.errors.intent ?? 'Unknown action' };
  const result = await runMigrationAction(session.shop, migration.id, parsed.value.intent);
  // A re-sync is a migration of its own: its page follows it.
  if (result.next) throw redirect(`/app/migrations/${result.next}?started=1`);
  return result;
};

export default function MigrationPage() {
  const data = useLoaderData<typeof loader>();
  const format = useFormatter();
  const { snapshot, rates, mode } = useLiveProgress(data.id, data.snapshot);
  const status = data.status;
  const writingStarted = ['loading', 'verifying', 'done'].includes(data.phase);

  return (
    <AppPage
      title={`Move from ${data.sourceLabel}`}
      titleMetadata={<Badge tone={STATUS_TONE[status]}>{data.statusLabel}</Badge>}
      subtitle={`${data.sourceUrl ?? ''} · started ${data.startedAt ? format.dateTime(data.startedAt) : format.dateTime(data.createdAt)}`}
      backAction={{ content: 'Migrations', url: '/app' }}
    >
      <Layout>
        <Layout.Section>
          <NoticeProvider status={status}>
            <StartedNotice />
            <BlockStack gap="400">
              {data.error ? (
                <Banner tone="critical" title="The migration stopped">
                  <p>{data.error}</p>
                </Banner>
              ) : null}
              {data.plan?.customerData ? <CustomerDataBanner notice={data.plan.customerData} /> : null}
              {status === 'ready' ? (
                <Banner tone="info" title="Your store has been read and checked">
                  <p>
                    Nothing has been written to Shopify yet. Read what the analysis found and the plan below, then start
                    writing.
                  </p>
                </Banner>
              ) : null}
              {status === 'paused' ? (
                <Banner tone="warning" title="Paused">
                  <p>Nothing more is read or written until you resume. Work already done is kept.</p>
                </Banner>
              ) : null}
              <InlineStack gap="200">
                {status === 'ready' ? (
                  <ConfirmButton
                    intent="approve"
                    label="Start writing to Shopify"
                    title="Write to Shopify?"
                    message="Shipyard creates your products, collections and redirects in this store as planned. A record that cannot move is kept in the report."
                    confirm="Start writing"
                    primary
                    done="Writing to Shopify started"
                  />
                ) : null}
                {status === 'running' ? (
                  <ConfirmButton
                    intent="pause"
                    label="Pause"
                    title="Pause the migration?"
                    message="The records being written now finish; nothing more happens until you resume."
                    confirm="Pause"
                    done="Migration paused"
                  />
                ) : null}
                {status === 'paused' ? (
                  <ConfirmButton
                    intent="resume"
                    label="Resume"
                    title="Resume the migration?"
                    message="Shipyard carries on where it stopped."
                    confirm="Resume"
                    primary
                    done="Migration resumed"
                  />
                ) : null}
                {['running', 'ready', 'paused', 'failed'].includes(status) ? (
                  <ConfirmButton
                    intent="cancel"
                    label="Cancel migration"
                    title="Cancel this migration?"
                    message="Nothing more is read or written. What was already written to Shopify stays there. A cancelled migration cannot be resumed."
                    confirm="Cancel migration"
                    destructive
                    done="Migration cancelled"
                  />
                ) : null}
                {status === 'completed' ? (
                  <ConfirmButton
                    intent="resync"
                    label="Re-sync recent changes"
                    title="Re-sync recent changes?"
                    message={`Shipyard reads what was added or changed on your old store since this migration began reading${data.startedAt ? ` (${format.dateTime(data.startedAt)})` : ''} and writes it here: new records are created, changed ones updated, nothing is duplicated. It runs as a new migration linked to this one.`}
                    confirm="Re-sync"
                  />
                ) : null}
                {data.undo.preview ? <UndoButton preview={data.undo.preview} /> : null}
              </InlineStack>
              <MigrationProgress snapshot={snapshot} rates={rates} mode={mode} />
              {writingStarted ? <ThroughputChart samples={data.samples} snapshot={snapshot} /> : null}
              {['ready', 'loading', 'verifying', 'done'].includes(data.phase) ? (
                <ProblemsCard problems={data.problems} />
              ) : null}
              {status === 'ready' || data.dryRun ? (
                <DryRunCard dryRun={data.dryRun} canRun={status === 'ready'} />
              ) : null}
              {data.plan && status === 'ready' ? (
                <PlanCard plan={data.plan} customers={data.customers ?? undefined} />
              ) : null}
              {data.invitations ? <InvitationsCard summary={data.invitations} /> : null}
              {data.undo.report ? <UndoCard report={data.undo.report} undoing={status === 'undoing'} /> : null}
              {data.verification ? <VerificationCard verification={data.verification} /> : null}
              <NotMovedCard
                migrationId={data.id}
                rows={data.notMoved.rows}
                total={data.notMoved.total}
                pageSize={data.pageSize}
                byEntity={data.notMovedByEntity}
              />
              {writingStarted && data.redirectList.total > 0 ? (
                <RedirectsCard rows={data.redirectList.rows} total={data.redirectList.total} pageSize={data.pageSize} />
              ) : null}
            </BlockStack>
          </NoticeProvider>
        </Layout.Section>
      </Layout>
    </AppPage>
  );
}

export function ErrorBoundary() {
  return <RouteError title="Migration" />;
}
