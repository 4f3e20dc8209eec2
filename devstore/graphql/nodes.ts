// `node(id)` and `nodes(ids)`: any object by its global ID, through the loaders each module registers.
import type { NodeLoader, RequestContext, RootResolver } from './context.ts';
import { NotImplementedError } from './errors.ts';

function load(loaders: Record<string, NodeLoader>, context: RequestContext, id: unknown): Promise<unknown> {
  const match = typeof id === 'string' ? /^gid:\/\/shopify\/([A-Za-z]+)\/(\d+)$/.exec(id) : null;
  if (!match?.[1] || !match[2]) return Promise.resolve(null);
  const loader = loaders[match[1]];
  if (!loader) throw new NotImplementedError(`node of type ${match[1]}`);
  return loader(context, match[2]);
}

export function nodeQueries(loaders: Record<string, NodeLoader>): Record<string, RootResolver> {
  return {
    node: (args, context) => load(loaders, context, args.id),
    nodes: (args, context) => Promise.all((args.ids as unknown[]).map((id) => load(loaders, context, id))),
  };
}
