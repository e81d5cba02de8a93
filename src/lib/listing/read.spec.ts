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
			const res = readListing(decodeText(new Uint8Array(readFileSync(join(DIR, page))), true).text, {
				url: expected.url
			});
			if (expected.refused) {
				expect(res.ok).toBe(false);
				const want = LISTING_REASONS[expected.refused as keyof typeof LISTING_REASONS];
				if (!res.ok) expect(res.reason).toBe(typeof want === 'function' ? want(expected.count) : want);
				return;
			}
			expect(res.ok ? '' : res.reason).toBe('');
			if (!res.ok) return;
			const { organ, channel, items, next } = res.listing;
			expect({ organ, channel, items, next }).toEqual({
				organ: expected.organ,
				channel: expected.channel,
				items: expected.items,
				next: expected.next
			});
		});
	}
});

describe('empty columns', () => {
	it('an empty column is an empty listing, but a script placeholder saying 暂无数据 is not proof', () => {
		const empty = readListing('<html><body><div class="list"><ul><li>暂无相关信息</li></ul></div></body></html>');
		expect(empty).toMatchObject({
			ok: true,
			listing: { items: [], next: null, warnings: [LISTING_REASONS.emptyColumn] }
		});
		const ajax = readListing(
			'<html><body><ul id="l"><li>暂无数据</li></ul><script>$.ajax({ url: "/api/list" })</script></body></html>'
		);
		expect(ajax).toEqual({ ok: false, reason: LISTING_REASONS.scriptLoaded });
		const hanweb = readListing(
			'<html><body><script type="text/xml"><datastore><recordset></recordset><totalrecord>0</totalrecord></datastore></script></body></html>'
		);
		expect(hanweb).toMatchObject({ ok: true, listing: { items: [], shape: 'hanweb' } });
	});
});
