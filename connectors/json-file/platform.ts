// A JSON file of canonical-model records, as a source platform: the smallest connector there is, for
// tests and development only (hidden from merchants), and the example docs/adding-a-source-platform.md
// points to. It shows the pipeline needs nothing of a platform but this descriptor and its connector.
import { JsonFileCredentials } from './credentials.ts';
import type { ReadablePlatform } from '../platform.ts';

export const jsonFile: ReadablePlatform = {
  id: 'json-file',
  label: 'JSON file',
  description: 'Records already in Shipyard’s own model, from a JSON file (tests and development).',
  availability: 'development',
  connection: 'file',
  credentials: JsonFileCredentials,
  fields: [
    {
      name: 'file',
      label: 'File',
      type: 'text',
      placeholder: '/path/to/store.json',
      flag: 'file',
      flagValue: '<JSON file>',
      missing: '--file is required (a JSON file of Shipyard records)',
    },
  ],
  problemField: { unreachable: 'file', 'not-the-platform': 'file' },
  sourceAddress: (credentials) => String(credentials.file),
  // The file says the order's own status word; these are the ones it may use, as Shopify reads them.
  orderStatuses: [
    { status: 'open', label: 'Open', target: { financialStatus: 'PENDING', fulfillmentStatus: null } },
    { status: 'paid', label: 'Paid', target: { financialStatus: 'PAID', fulfillmentStatus: null } },
    { status: 'fulfilled', label: 'Fulfilled', target: { financialStatus: 'PAID', fulfillmentStatus: 'FULFILLED' } },
    { status: 'refunded', label: 'Refunded', target: { financialStatus: 'REFUNDED', fulfillmentStatus: null } },
    { status: 'cancelled', label: 'Cancelled', target: { financialStatus: 'VOIDED', fulfillmentStatus: null } },
  ],
  rawNames: { paths: [['title'], ['name'], ['email'], ['code'], ['handle'], ['sourceId']] },
};
