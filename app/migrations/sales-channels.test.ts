// Where the catalog is published, as the setup page and the CLI both decide it: the Online Store by
// default, channels by name for the CLI, and the warnings a merchant reads before anything is written.
import { describe, expect, it } from 'vitest';
import { channelNames, channelWarnings, channelsNamed, defaultChannels } from './sales-channels.ts';

const ONLINE_STORE = { id: 'gid://shopify/Publication/1', name: 'Online Store' };
const POINT_OF_SALE = { id: 'gid://shopify/Publication/2', name: 'Point of Sale' };
const SHOP = { id: 'gid://shopify/Publication/3', name: 'Shop' };
const channels = [ONLINE_STORE, POINT_OF_SALE, SHOP];

describe('sales channels', () => {
  it('chooses the Online Store when the merchant has not chosen, and nothing when the shop has none', () => {
    expect(defaultChannels(channels)).toEqual([ONLINE_STORE.id]);
    expect(defaultChannels([POINT_OF_SALE])).toEqual([]);
  });

  it('reads channels by name in any case, "none", or the default; names an unknown one', () => {
    expect(channelsNamed(undefined, channels)).toEqual({ ids: [ONLINE_STORE.id] });
    expect(channelsNamed('point of sale, Online Store', channels)).toEqual({
      ids: [ONLINE_STORE.id, POINT_OF_SALE.id],
    });
    expect(channelsNamed('none', channels)).toEqual({ ids: [] });
    expect(channelsNamed('Online Store,Facebook', channels)).toEqual({ unknown: ['Facebook'] });
    expect(channelsNamed(' , ', channels)).toEqual({ unknown: [' , '] });
  });

  it('names the chosen channels in the shop’s order', () => {
    expect(channelNames([SHOP.id, ONLINE_STORE.id, 'gid://shopify/Publication/9'], channels)).toEqual([
      'Online Store',
      'Shop',
    ]);
  });

  it('warns when nothing is chosen, when the Online Store is left out or missing, and when a chosen channel is gone', () => {
    expect(channelWarnings([ONLINE_STORE.id, POINT_OF_SALE.id], channels)).toEqual([]);
    expect(channelWarnings([], channels)).toEqual([
      expect.stringMatching(/^No sales channel is chosen: the products and collections stay unpublished/),
    ]);
    expect(channelWarnings([POINT_OF_SALE.id], channels)).toEqual([
      expect.stringMatching(/^The Online Store is not chosen: your storefront will not show/),
    ]);
    expect(channelWarnings([POINT_OF_SALE.id], [POINT_OF_SALE])).toEqual([
      expect.stringMatching(/^Your store has no Online Store channel/),
    ]);
    expect(channelWarnings(['gid://shopify/Publication/9', ONLINE_STORE.id], channels)).toEqual([
      'A sales channel chosen earlier is no longer in your store; nothing is published there.',
    ]);
  });
});
