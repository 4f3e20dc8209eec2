// Account invitations after launch: how many customers Shipyard created still have none, the
// button that sends them (confirmed with that count), and then what happened: sent, and who
// Shopify refused with its reason. While sending the page asks for the counts every few seconds.
import { useRevalidator } from '@remix-run/react';
import { BlockStack, Card, Text } from '@shopify/polaris';
import { useEffect, useRef } from 'react';
import type { InvitationSummary } from '../../migrations/views.ts';
import { ConfirmButton } from '../layout/ConfirmButton.tsx';
import { useFormatter } from '../layout/format.ts';

const CHECK_EVERY_MS = 2000;

export function InvitationsCard({ summary }: { summary: InvitationSummary }) {
  const format = useFormatter();
  const revalidator = useRevalidator();
  const revalidate = useRef(revalidator.revalidate);
  revalidate.current = revalidator.revalidate;
  const sending = summary.run?.status === 'sending';
  useEffect(() => {
    if (!sending) return;
    const timer = setInterval(() => revalidate.current(), CHECK_EVERY_MS);
    return () => clearInterval(timer);
  }, [sending]);

  const customers = (count: number) => `${format.number(count)} customer${count === 1 ? '' : 's'}`;
  return (
    <Card>
      <BlockStack gap="300">
        <Text as="h2" variant="headingMd">
          Account invitations
        </Text>
        <Text as="p" tone="subdued">
          {sending
            ? `Shopify is emailing the invitations: ${customers(summary.sent)} invited so far.`
            : summary.run
              ? `${customers(summary.sent)} invited${summary.run.finishedAt ? ` (last sent ${format.dateTime(summary.run.finishedAt)})` : ''}.${summary.run.error ? ` Sending stopped: ${summary.run.error}` : ''}`
              : `Passwords cannot move to Shopify. An invitation lets each of the ${customers(summary.toSend)} Shipyard created set a new password for their account in this store.`}
        </Text>
        {!sending && summary.toSend > 0 ? (
          <ConfirmButton
            intent="invite"
            label="Send account invitations"
            title="Send account invitations?"
            message={`Shopify emails an account invitation to ${customers(summary.toSend)} Shipyard created in this store${summary.failed > 0 ? `, including the ${customers(summary.failed)} Shopify refused last time` : ''}. Customers who already had an account in this store, and those already invited, get nothing. Emails cannot be called back once sent.`}
            confirm="Send invitations"
            primary
          />
        ) : null}
        {!sending && summary.run && summary.toSend === 0 ? (
          <Text as="p">Every customer Shipyard created has been invited.</Text>
        ) : null}
        {summary.failed > 0 ? (
          <BlockStack gap="100">
            <Text as="h3" variant="headingSm">
              {`Shopify did not send ${summary.failed === 1 ? 'this invitation' : `these ${format.number(summary.failed)} invitations`}`}
            </Text>
            <ul style={{ margin: 0, paddingInlineStart: '1.25rem' }}>
              {summary.problems.map((problem) => (
                <li key={problem.customerGid}>
                  <Text as="span" variant="bodySm">
                    {problem.email ?? problem.customerGid}: {problem.reason}
                  </Text>
                </li>
              ))}
            </ul>
          </BlockStack>
        ) : null}
      </BlockStack>
    </Card>
  );
}
