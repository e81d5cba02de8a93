import { describe, expect, it } from 'vitest';
import { readdirSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { join } from 'node:path';
import { readListing, LISTING_REASONS } from './index';
import { decodeText } from '../report/decode';

const DIR = fileURLToPath(new URL('../../../tests/fixtures/listing/', import.meta.url));
const pages = readdirSync(DIR).filter((f) => f.endsWith('.html'));

describe('listing fixtures', () => {
	it('has fixtures of every shape', () => {
		expect(pages.length).toBeGreaterThanOrEqual(8);
	});
	for (const page of pages) {
		const expected = JSON.parse(readFileSync(join(DIR, page.replace(/\.html$/, '.expected.json')), 'utf8'));
		it(page, () => {
			// Decoded as the CLI and the import do: portals still serve GBK.
			const res = readListing(decodeText(new Uint8Array(readFileSync(join(DIR, page))), true).text, { url: expected.url });
			if (expected.refused) {
				expect(res.ok).toBe(false);
				const want = LISTING_REASONS[expected.refused as keyof typeof LISTING_REASONS];
				if (!res.ok) expect(res.reason).toBe(typeof want === 'function' ? want(expected.count) : want);
				return;
			}
			expect(res.ok ? '' : res.reason).toBe('');
			if (!res.ok) return;
			const { organ, channel, items, next } = res.listing;
			expect({ organ, channel, items, next }).toEqual({ organ: expected.organ, channel: expected.channel, items: expected.items, next: expected.next });
		});
	}
});
