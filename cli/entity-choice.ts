// What `shipyard migrate` moves without --only, said before it starts: everything the store has and
// the credentials can read (the setup page's starting choice), and a line for each thing left out.
import type { Entity } from '../connectors/model.ts';
import type { ReadablePlatform } from '../connectors/platform.ts';
import { CHOOSABLE, ENTITY_LABELS } from '../app/migrations/forms.ts';

/**
 * `available`: the connection test's counts (absent: these credentials cannot read it; 0: the store
 * has none). `limitsLifted`: whether the credentials hold the one that lifts the platform's limits
 * (its descriptor's limitsLiftedBy).
 */
export function entityChoiceLines(
  available: Partial<Record<Entity, number>>,
  chosen: Entity[],
  platform: ReadablePlatform,
  limitsLifted: boolean,
): string[] {
  const label = (entity: Entity) => ENTITY_LABELS[entity];
  const lines = [
    `Moving everything the store has: ${chosen.map((entity) => `${label(entity)} (${available[entity] ?? 0})`).join(', ') || 'nothing'}.`,
  ];
  for (const entity of CHOOSABLE.filter((candidate) => !chosen.includes(candidate))) {
    if (available[entity] === undefined) {
      const how = platform.unreadableHelp?.[entity] ?? 'the store does not show them to these keys';
      lines.push(`Left out: ${label(entity)}: ${how}.`);
    } else lines.push(`Left out: ${label(entity)}: the store has none.`);
  }
  if (!limitsLifted && platform.limitsHelp && chosen.some((entity) => platform.limits?.[entity]))
    lines.push(platform.limitsHelp);
  return lines;
}
