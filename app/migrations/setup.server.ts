// The setup page's loader and action (step 3 of a new migration): the connected store's counts, the
// draft's choices over Shipyard's defaults, the shop's sales channels; saving the choices, and the start.
import { redirect } from '@remix-run/node';
import { draftCheck, saveChoices, shopSalesChannels } from './drafts.server.ts';
import { formatExchangeRates } from './exchange-rates.ts';
import { ChoicesForm, parseForm } from './forms.ts';
import { orderStatusLabels, platformLabel } from './platforms.server.ts';
import { defaultChannels } from './sales-channels.ts';
import { type ChoiceState, FORM_ARRAYS } from './setup-choices.ts';
import { ownedMigration } from './views.server.ts';
import { defaultOrderStatus, OrderOptions } from '../pipeline/entities/orders/input.server.ts';
import { startMigration } from '../pipeline/steps/extract.server.ts';
import { shopCurrency } from '../shopify-app/shop-details.server.ts';

/** What the setup page shows; a migration that has started has its own page instead. */
export async function setupPage(shop: string, id: string) {
  const migration = await ownedMigration(shop, id);
  if (migration.status !== 'draft') throw redirect(`/app/migrations/${migration.id}`);
  const check = await draftCheck(shop, migration.id);
  const options = migration.options as {
    redirects?: boolean;
    unattended?: boolean;
    existingRecords?: 'update' | 'skip';
    inviteCustomers?: boolean;
    longText?: 'keep-back' | 'cut';
    broaderCoupons?: boolean;
    policies?: 'pages' | 'policies';
    channels?: string[];
  };
  // The shop's sales channels, asked each time the page loads: the merchant may have just added one.
  const salesChannels = check.ok ? await shopSalesChannels(shop) : { channels: [], problem: null };
  const orders = OrderOptions.parse(migration.options ?? {});
  // The source platform's order statuses, and the map the orders will be written with: the merchant's choices over the platform's defaults.
  const orderStatuses = orderStatusLabels(migration.sourcePlatform);
  const statuses = Object.fromEntries(
    orderStatuses.map(({ status }) => {
      const mapped = orders.orderStatusMap[status] ??
        defaultOrderStatus(migration.sourcePlatform, status) ?? { financialStatus: 'PENDING', fulfillmentStatus: null };
      return [status, { financial: mapped.financialStatus, fulfillment: mapped.fulfillmentStatus ?? 'UNFULFILLED' }];
    }),
  );
  return {
    id: migration.id,
    sourceLabel: platformLabel(migration.sourcePlatform),
    sourceUrl: migration.sourceUrl,
    orderStatuses,
    store: check.ok ? check.description : null,
    problem: check.ok ? null : check.message,
    shopCurrency: await shopCurrency(shop),
    salesChannels: salesChannels.channels,
    salesChannelsProblem: salesChannels.problem,
    choices: {
      // Redirects are saved among the entities (they load in order) but chosen as an option.
      entities: migration.entities.filter((entity) => entity !== 'redirects'),
      redirects: options.redirects !== false,
      review: options.unattended !== true,
      keepOrderNumbers: orders.keepOrderNumbers,
      existingRecords: options.existingRecords ?? 'update',
      inviteCustomers: options.inviteCustomers === true,
      exchangeRates: formatExchangeRates(orders.exchangeRates),
      cutLongText: options.longText === 'cut',
      broaderCoupons: options.broaderCoupons === true,
      writePolicies: options.policies === 'policies',
      // Unread channels leave the form without the choice, and the draft's choice (or the default) stands.
      channels: salesChannels.problem ? null : (options.channels ?? defaultChannels(salesChannels.channels)),
      statuses,
    } satisfies ChoiceState,
  };
}

/** Saves the draft's choices; with `intent=start`, starts the migration and goes to its page. */
export async function saveSetup(shop: string, id: string, form: FormData) {
  const migration = await ownedMigration(shop, id);
  const parsed = parseForm(ChoicesForm, form, FORM_ARRAYS);
  if (!parsed.ok) return { errors: parsed.errors };
  await saveChoices(shop, migration.id, parsed.value);
  if (form.get('intent') !== 'start') return { errors: {} };
  await startMigration(shop, migration.id);
  // The migration page says it started (a toast in the admin) and drops the marker.
  return redirect(`/app/migrations/${migration.id}?started=1`);
}
