import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { zipSync, strToU8 } from 'fflate';
import { tempDatabaseForSuite } from '../../../tests/helpers/temp-db';
import { getDb } from './db';
import type { Actor } from '../auth/actor';
import { importListingPages, LISTING_IMPORT_REASONS } from './listing-import';
import * as organs from './organs';

const FIX = 'tests/fixtures/listing';
const admin: Actor = { id: null, role: 'admin', organId: null };
const page = (name: string, savedFrom?: string) => {
	const html = readFileSync(`${FIX}/${name}`, 'utf8');
	return strToU8(
		savedFrom ? `<!-- saved from url=(${String(savedFrom.length).padStart(4, '0')})${savedFrom} -->\n${html}` : html
	);
};
const rows = () =>
	getDb()
		.$client.prepare(
			'SELECT o.name organ, p.published_on date, p.title, p.channel, p.url FROM publication p JOIN organ o ON o.id = p.organ_id ORDER BY p.published_on DESC, p.id'
		)
		.all() as {
		organ: string;
		date: string;
		title: string;
		channel: string | null;
		url: string;
	}[];

tempDatabaseForSuite('dw-listing-import-');

describe('saved listing pages into the publication log', () => {
	it('takes organ and channel from the page, links from the address the browser noted, and dedups a re-import', async () => {
		const expected = JSON.parse(readFileSync(`${FIX}/trs-list.expected.json`, 'utf8'));
		const input = { name: '通知公告.html', bytes: page('trs-list.html', expected.url) };
		const [r] = await importListingPages([input], {}, admin);
		expect(r).toMatchObject({ status: 'imported', added: 6, duplicates: 0, organ: '区教育局' });
		expect(rows()).toEqual(
			expected.items.map((i: { title: string; date: string; url: string }) => ({
				organ: '区教育局',
				channel: '通知公告',
				...i
			}))
		);
		const [again] = await importListingPages([input], {}, admin);
		expect(again).toMatchObject({ status: 'duplicate', added: 0, duplicates: 6 });
		expect(rows()).toHaveLength(6);
	});

	it('reads a .zip of pages (other files of a saved page ignored), under the organ and channel given', async () => {
		const zip = zipSync({
			'人事信息.html': page('hanweb.html', 'http://www.xishan.gov.cn/col/col1229789/index.html'),
			'人事信息_files/jquery.js': strToU8('/* js */'),
			'文章.html': page('article.html')
		});
		const results = await importListingPages(
			[{ name: '西山区.zip', bytes: zip }],
			{ organ: '西山区人社局', channel: '人事信息（抓取）' },
			admin
		);
		expect(results.map((r) => [r.file, r.status])).toEqual([
			['西山区.zip/人事信息.html', 'imported'],
			['西山区.zip/文章.html', 'refused']
		]);
		expect(results[1].reason).toMatch(/^不是可识别的栏目列表页：/);
		const mine = rows().filter((r) => r.organ === '西山区人社局');
		expect(mine).toHaveLength(4);
		expect(mine.every((r) => r.channel === '人事信息（抓取）')).toBe(true);
		expect(mine[0].url).toBe('http://www.xishan.gov.cn/art/2024/3/15/art_1229789_59010011.html');
	});

	it('refuses a page whose organ nobody says, and keeps a clerk to its own organ', async () => {
		const bare = strToU8(
			'<html><body><ul><li><a href="/a/1.html">某通知</a><span>2024-05-01</span></li><li><a href="/a/2.html">某公告</a><span>2024-04-01</span></li></ul></body></html>'
		);
		const [refused] = await importListingPages([{ name: 'bare.html', bytes: bare }], {}, admin);
		expect(refused).toMatchObject({ status: 'refused', reason: LISTING_IMPORT_REASONS.noOrgan });
		const own = organs.ensure('本区档案馆');
		const clerk: Actor = { id: null, role: 'clerk', organId: own.id };
		const [other] = await importListingPages([{ name: 'bare.html', bytes: bare }], { organ: '区教育局' }, clerk);
		expect(other.status).toBe('refused');
		expect(other.reason).toMatch(/联络员只能导入本单位/);
		const [mine] = await importListingPages(
			[{ name: 'bare.html', bytes: bare }],
			{ organ: '本区档案馆', channel: '工作动态' },
			clerk
		);
		expect(mine).toMatchObject({ status: 'imported', added: 2, organId: own.id });
	});
});
