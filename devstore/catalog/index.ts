// Every resolver module devstore serves; a root field missing from all of them is "not implemented".
import { bulkOperationsModule } from '../bulk/bulk-operations.ts';
import { stagedUploadsModule } from '../bulk/uploads.ts';
import { blogsModule } from '../content/blogs.ts';
import { pagesModule } from '../content/pages.ts';
import { policiesModule } from '../content/policies.ts';
import { customersModule } from '../customers/customers.ts';
import { invitationsModule } from '../customers/invitations.ts';
import { discountsModule } from '../discounts/discounts.ts';
import { filesModule } from '../files/files.ts';
import { ordersModule } from '../orders/orders.ts';
import type { ResolverModule } from '../graphql/context.ts';
import { collectionsModule } from './collections.ts';
import { customIdsModule } from './custom-ids.ts';
import { inventoryModule } from './inventory.ts';
import { jobsModule } from './jobs.ts';
import { metafieldsModule } from './metafields.ts';
import { productMutationsModule } from './product-mutations.ts';
import { productSetModule } from './product-set.ts';
import { productsModule } from './products.ts';
import { publicationsModule } from './publications.ts';
import { redirectImportsModule } from './redirect-imports.ts';
import { redirectsModule } from './redirects.ts';
import { shopModule } from './shop.ts';
import { variantMutationsModule } from './variant-mutations.ts';
import { variantCountModule } from './variant-throttle.ts';

export const catalogModules: ResolverModule[] = [
  shopModule,
  productsModule,
  productSetModule,
  productMutationsModule,
  variantMutationsModule,
  collectionsModule,
  inventoryModule,
  metafieldsModule,
  customIdsModule,
  redirectsModule,
  filesModule,
  policiesModule,
  stagedUploadsModule,
  bulkOperationsModule,
  customersModule,
  invitationsModule,
  ordersModule,
  pagesModule,
  blogsModule,
  discountsModule,
  publicationsModule,
  redirectImportsModule,
  jobsModule,
  variantCountModule,
];
