// A button that asks before doing something that changes a running migration (pause, cancel…),
// then posts the intent to the page's action.
import { useFetcher } from '@remix-run/react';
import { BlockStack, Button, Modal, Text } from '@shopify/polaris';
import { type ReactNode, useEffect, useRef, useState } from 'react';
import type { MigrationIntent } from '../../migrations/forms.ts';
import { useStatusChangeNotice } from './notice.tsx';

interface Props {
  intent: MigrationIntent;
  label: string;
  title: string;
  message: ReactNode;
  confirm: string;
  destructive?: boolean;
  primary?: boolean;
  /** Said once the migration's status has changed (a toast in the admin, a banner in local mode). */
  done?: string;
}

export function ConfirmButton({ intent, label, title, message, confirm, destructive, primary, done }: Props) {
  const [open, setOpen] = useState(false);
  const fetcher = useFetcher<{ error: string | null }>();
  const busy = fetcher.state !== 'idle';
  const onStatusChange = useStatusChangeNotice();
  const waiting = useRef<{ cancel: () => void } | null>(null);
  // A refused change leaves the status as it was: nothing to confirm then.
  useEffect(() => {
    if (fetcher.state === 'idle' && fetcher.data?.error) waiting.current?.cancel();
  }, [fetcher.state, fetcher.data]);
  const act = () => {
    if (done) waiting.current = onStatusChange(done);
    fetcher.submit({ intent }, { method: 'post' });
    setOpen(false);
  };
  return (
    <BlockStack gap="100" inlineAlign="start">
      <Button
        onClick={() => setOpen(true)}
        loading={busy}
        tone={destructive ? 'critical' : undefined}
        variant={primary ? 'primary' : undefined}
      >
        {label}
      </Button>
      <Modal
        open={open}
        onClose={() => setOpen(false)}
        title={title}
        primaryAction={{ content: confirm, onAction: act, destructive }}
        secondaryActions={[{ content: 'Not now', onAction: () => setOpen(false) }]}
      >
        <Modal.Section>{typeof message === 'string' ? <Text as="p">{message}</Text> : message}</Modal.Section>
      </Modal>
      {fetcher.data?.error && !busy ? (
        <Text as="p" tone="critical">
          {fetcher.data.error}
        </Text>
      ) : null}
    </BlockStack>
  );
}
