// Said on the migration page, from the plan on: Shopify has not approved Shipyard to use customers'
// personal data, so customers and orders are kept back; what that means and what to do (decision 0014).
import { Banner, BlockStack, Text } from '@shopify/polaris';
import { type CustomerDataNotice, customerDataWords } from '../../migrations/views.ts';

export function CustomerDataBanner({ notice }: { notice: CustomerDataNotice }) {
  const words = customerDataWords(notice);
  return (
    <Banner tone="warning" title={words.title}>
      <BlockStack gap="200">
        <Text as="p">{words.meaning}</Text>
        <Text as="p">{words.whatToDo}</Text>
      </BlockStack>
    </Banner>
  );
}
