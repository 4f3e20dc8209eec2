// The migration page's undo button: its confirmation counts what the undo deletes from Shopify and
// says what it leaves.
import { BlockStack, List, Text } from '@shopify/polaris';
import type { UndoPreview } from '../../migrations/views.ts';
import { ConfirmButton } from '../layout/ConfirmButton.tsx';
import { useFormatter } from '../layout/format.ts';
import { UNDO_LABELS } from './UndoCard.tsx';

/** Undo, with the exact count of what it deletes from Shopify, and what it leaves. */
export function UndoButton({ preview }: { preview: UndoPreview }) {
  const format = useFormatter();
  const total = preview.created.reduce((sum, row) => sum + row.count, 0);
  const message = (
    <BlockStack gap="200">
      {preview.putBack > 0 ? (
        <Text as="p">
          {format.number(preview.putBack)} customer{preview.putBack === 1 ? '' : 's'} your store already had{' '}
          {preview.putBack === 1 ? 'is' : 'are'} put back as {preview.putBack === 1 ? 'it was' : 'they were'} before the
          migration wrote into {preview.putBack === 1 ? 'it' : 'them'}.
        </Text>
      ) : null}
      {total === 0 ? (
        <Text as="p">
          This migration created nothing in Shopify that is still linked to it: there is nothing to delete.
        </Text>
      ) : (
        <>
          <Text as="p">
            Shipyard deletes from this store everything this migration
            {preview.resyncs > 0
              ? ` and its ${format.number(preview.resyncs)} re-sync${preview.resyncs > 1 ? 's' : ''}`
              : ''}{' '}
            created:
          </Text>
          <List>
            {preview.created.map((row) => (
              <List.Item key={row.entity}>
                {format.number(row.count)} {UNDO_LABELS[row.entity] ?? row.entity}
              </List.Item>
            ))}
          </List>
        </>
      )}
      <Text as="p">
        What the store had before stays: a customer who already had an account is not deleted (and is put back as it
        was, when the migration updated it); a product or page you made yourself keeps what Shipyard wrote into it but
        is not deleted. A customer who has ordered in the new store since cannot be deleted and is listed. Deleted
        records cannot be brought back; your old store is not touched, so you can migrate again.
      </Text>
    </BlockStack>
  );
  return (
    <ConfirmButton
      intent="undo"
      label="Undo this migration"
      title="Undo this migration?"
      message={message}
      confirm="Delete from Shopify"
      destructive
      done="Undoing the migration"
    />
  );
}
