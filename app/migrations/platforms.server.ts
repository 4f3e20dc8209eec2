// The admin UI's view of the source platforms: what the loaders send the browser (plain data, no
// schemas or functions) and the descriptor of the platform a new migration connects to.
import { offeredPlatform, readablePlatform, sourcePlatforms } from '../../connectors/registry.ts';
import type { ReadablePlatform } from '../../connectors/platform.ts';

export { platformLabel } from '../../connectors/registry.ts';

/** The platforms the new-migration page lists: readable ones offer Connect, the others are coming. */
export function platformChoices() {
  return sourcePlatforms().map(({ id, label, description, availability }) => ({
    id,
    label,
    description,
    available: availability !== 'coming',
  }));
}

/**
 * The platforms as the landing and dashboard copy name them, in a sentence: those a migration can
 * start from now ("WooCommerce"), and those to come. Read from the registry, so a new platform
 * appears without a word changed here.
 */
export function platformsInWords(): { available: string; coming: string } {
  const choices = platformChoices();
  const list = new Intl.ListFormat('en', { style: 'long', type: 'conjunction' });
  return {
    available: list.format(choices.filter((choice) => choice.available).map((choice) => choice.label)),
    coming: list.format(choices.filter((choice) => !choice.available).map((choice) => choice.label)),
  };
}

/** The platform a new migration may connect to, or 404. */
export function connectablePlatform(id: string | undefined): ReadablePlatform {
  const platform = offeredPlatform(id ?? '');
  if (!platform) throw new Response('Shipyard cannot move a store from this platform yet.', { status: 404 });
  return platform;
}

/** The connection form as its page renders it. */
export function connectionFormView(platform: ReadablePlatform) {
  const { id, label, connection, fields, groups, help } = platform;
  return { id, label, connection, fields, groups: groups ?? [], help: help ?? null };
}

/** The platform's order statuses as the setup page lists them, in the order its admin does. */
export function orderStatusLabels(platform: string): { status: string; label: string }[] {
  return (readablePlatform(platform)?.orderStatuses ?? []).map(({ status, label }) => ({ status, label }));
}
