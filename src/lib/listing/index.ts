// The listing-page reader (see read.ts): one module per concern — page shapes (markup, script, hanweb), dates,
// pagination, the page's organ and column.
export { readListing, LISTING_REASONS, type ReadOptions } from './read';
export type { Listing, ListingItem, ListingResult } from './types';
export { savedPageUrl } from './page-url';
