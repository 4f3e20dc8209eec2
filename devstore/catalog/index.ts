// Every resolver module devstore serves; a root field missing from all of them is "not implemented".
import type { ResolverModule } from '../graphql/context.ts';
import { shopModule } from './shop.ts';

export const catalogModules: ResolverModule[] = [shopModule];
