// `node(id)` and `nodes(ids)`: any object by its global ID, through the loaders each module registers.
import type { NodeLoader, RequestContext, RootResolver } from './context.ts';
import { parseAnyGid } from '../catalog/ids.ts';
import { NotImplementedError } from './errors.ts';

function load(loaders: Record<string, NodeLoader>, context: RequestContext, id: unknown): Promise<unknown> {
  const parsed = parseAnyGid(id);
  if (!parsed) return Promise.resolve(null);
  const loader = loaders[parsed.type];
  if (!loader) throw new NotImplementedError(`node of type ${parsed.type}`);
  return loader(context, parsed.id);
}

export function nodeQueries(loaders: Record<string, NodeLoader>): Record<string, RootResolver> {
  return {
    node: (args, context) => load(loaders, context, args.id),
    nodes: (args, context) => Promise.all((args.ids as unknown[]).map((id) => load(loaders, context, id))),
  };
}
