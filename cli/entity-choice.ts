// What `shipyard migrate` moves without --only, said before it starts: everything the store has and
// the credentials can read (the setup page's starting choice), and a line for each thing left out.
import type { Entity } from '../connectors/model.ts';
import { CHOOSABLE, ENTITY_LABELS } from '../app/migrations/forms.ts';

const WORDPRESS_CONTENT: Entity[] = ['pages', 'blogPosts'];

/**
 * `available`: the connection test's counts (absent: these credentials cannot read it; 0: the store
 * has none). `wordpressLogin`: whether a WordPress application password was given.
 */
export function entityChoiceLines(available: Partial<Record<Entity, number>>, chosen: Entity[], wordpressLogin: boolean): string[] {
  const label = (entity: Entity) => ENTITY_LABELS[entity];
  const lines = [`Moving everything the store has: ${chosen.map((entity) => `${label(entity)} (${available[entity] ?? 0})`).join(', ') || 'nothing'}.`];
  for (const entity of CHOOSABLE.filter((candidate) => !chosen.includes(candidate))) {
    if (available[entity] === undefined) {
      const how = WORDPRESS_CONTENT.includes(entity)
        ? 'WordPress does not show them to these credentials (its REST API is closed to visitors); --wp-user and --wp-app-password with an Administrator’s or Editor’s application password open it'
        : 'the store does not show them to these keys';
      lines.push(`Left out: ${label(entity)}: ${how}.`);
    } else lines.push(`Left out: ${label(entity)}: the store has none.`);
  }
  if (!wordpressLogin && chosen.some((entity) => WORDPRESS_CONTENT.includes(entity))) {
    lines.push('Pages and blog posts: only published ones, as a visitor sees them; --wp-user and --wp-app-password move drafts, private and scheduled ones too.');
  }
  return lines;
}
