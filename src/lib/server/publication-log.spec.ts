import { describe, expect, it } from 'vitest';
import ExcelJS from 'exceljs';
import iconv from 'iconv-lite';
import { freshDatabaseEachTest } from '../../../tests/helpers/db-per-test';
import { getDb } from './db';
import { importFiles } from './import';
import type { Actor } from '../auth/actor';
import * as organs from './organs';
import { dedupKey, mapHeader, normalizeDate, readPublicationLog } from './publication-log';

const admin: Actor = { id: null, role: 'admin', organId: null };
const rows = () =>
	getDb()
		.$client.prepare(
			'SELECT o.name organ, p.published_on, p.title, p.channel, p.url FROM publication p JOIN organ o ON o.id = p.organ_id ORDER BY p.id'
		)
		.all() as {
		organ: string;
		published_on: string;
		title: string;
		channel: string | null;
		url: string | null;
	}[];

const CSV = [
	'单位,发布日期,标题,栏目,链接',
	'云溪区教育局,2024-03-05,关于开展春季招生工作的通知,通知公告,http://example.gov.cn/a/1.html',
	'云溪区教育局,2024/3/6,"标题里有逗号,也有""引号""",政策文件,',
	'云溪区财政局,2024年3月7日,预算公开,财政信息,http://example.gov.cn/c/3.html',
	'云溪区财政局,不是日期,无效的一行,,',
	''
].join('\r\n');

describe('publication log parsing', () => {
	it('recognises Chinese and English headers and says which required column is missing', () => {
		expect(mapHeader(['发布机关', '标题', '发布时间', '所属栏目', '网址']).missing).toEqual([]);
		expect(mapHeader(['organ', 'published_on', 'title']).columns).toEqual({ organ: 0, publishedOn: 1, title: 2 });
		expect(mapHeader(['单位', '标题']).missing).toEqual(['publishedOn']);
	});

	it('normalises dates as listings write them, and rejects impossible ones', () => {
		expect(normalizeDate('2024-3-5')).toBe('2024-03-05');
		expect(normalizeDate('2024.03.05 10:11:12')).toBe('2024-03-05');
		expect(normalizeDate('２０２４年３月５日')).toBe('2024-03-05');
		expect(normalizeDate(45356)).toBe('2024-03-05');
		expect(normalizeDate(new Date(Date.UTC(2024, 2, 5)))).toBe('2024-03-05');
		expect(normalizeDate('2024-02-30')).toBeNull();
		expect(normalizeDate('三月五日')).toBeNull();
	});

	it('reads a GBK CSV with quoted fields, and reports the bad row with its line', async () => {
		const { rows: r, problems } = await readPublicationLog('log.csv', new Uint8Array(iconv.encode(CSV, 'gbk')));
		expect(r.map((x) => x.title)).toEqual(['关于开展春季招生工作的通知', '标题里有逗号,也有"引号"', '预算公开']);
		expect(r[1]).toMatchObject({ publishedOn: '2024-03-06', url: null, channel: '政策文件', line: 3 });
		expect(problems).toEqual([{ line: 5, reason: '发布日期“不是日期”无法识别' }]);
	});

	it('keys duplicates by url, else by title and date', () => {
		expect(dedupKey({ url: ' http://x/1 ', title: 'a', publishedOn: '2024-01-01' })).toBe('url:http://x/1');
		expect(dedupKey({ url: null, title: '通 知', publishedOn: '2024-01-01' })).toBe(
			dedupKey({ url: null, title: '通知', publishedOn: '2024-01-01' })
		);
		expect(dedupKey({ url: null, title: '通知', publishedOn: '2024-01-01' })).not.toBe(
			dedupKey({ url: null, title: '通知', publishedOn: '2024-01-02' })
		);
	});
});

describe('publication log import', () => {
	freshDatabaseEachTest('dw-pub-');

	it('imports CSV and XLSX logs through importFiles, deduplicating per organ', async () => {
		const [csv] = await importFiles([{ name: '发布记录.csv', bytes: new TextEncoder().encode(CSV) }], admin);
		expect(csv).toMatchObject({ status: 'imported', kind: 'publication_log', added: 3, duplicates: 0 });
		expect(csv.reason).toContain('第5行');
		expect(
			organs
				.list()
				.map((o) => o.name)
				.sort()
		).toEqual(['云溪区教育局', '云溪区财政局'].sort());

		// The same items again in a workbook (title hyperlinks stand in for the url column), plus one new.
		const wb = new ExcelJS.Workbook();
		const ws = wb.addWorksheet('栏目更新');
		ws.addRow(['说明：2024年3月发布记录']);
		ws.addRow(['发布单位', '标题', '发布时间', '栏目']);
		ws.addRow([
			'云溪区教育局',
			{ text: '关于开展春季招生工作的通知', hyperlink: 'http://example.gov.cn/a/1.html' },
			new Date(Date.UTC(2024, 2, 5)),
			'通知公告'
		]);
		ws.addRow(['云溪区教育局', '标题里有逗号,也有"引号"', '2024-03-06', '政策文件']);
		ws.addRow(['云溪区教育局', '新的一条', 45360, '工作动态']);
		const bytes = new Uint8Array(await wb.xlsx.writeBuffer());
		const [xlsx] = await importFiles([{ name: 'log.xlsx', bytes }], admin);
		expect(xlsx).toMatchObject({ status: 'imported', added: 1, duplicates: 2, organ: '云溪区教育局' });
		expect(rows()).toHaveLength(4);
		expect(rows()[3]).toMatchObject({ title: '新的一条', published_on: '2024-03-09', channel: '工作动态', url: null });

		const [again] = await importFiles([{ name: 'log-again.xlsx', bytes }], admin);
		expect(again).toMatchObject({ status: 'duplicate', added: 0, duplicates: 3 });
	});

	it("skips a clerk's rows for other organs, and refuses a sheet without the columns", async () => {
		await importFiles([{ name: 'seed.csv', bytes: new TextEncoder().encode(CSV) }], admin);
		const own = organs.findByName('云溪区教育局')!;
		const clerk: Actor = { id: null, role: 'clerk', organId: own.id };
		const mixed = [
			'单位,发布日期,标题',
			'云溪区教育局,2024-04-01,本单位的一条',
			'云溪区财政局,2024-04-01,别人的一条',
			'新设的局,2024-04-01,未知单位'
		].join('\n');
		const [r] = await importFiles([{ name: 'clerk.csv', bytes: new TextEncoder().encode(mixed) }], clerk);
		expect(r).toMatchObject({ status: 'imported', added: 1 });
		expect(r.reason).toContain('不是本单位');
		expect(r.reason).toContain('尚未登记');
		expect(organs.findByName('新设的局')).toBeUndefined();

		const [bad] = await importFiles(
			[{ name: 'other.csv', bytes: new TextEncoder().encode('名称,金额\n甲,1\n') }],
			admin
		);
		expect(bad.status).toBe('refused');
		expect(bad.reason).toContain('缺少');
		const [notXlsx] = await importFiles([{ name: 'fake.xlsx', bytes: new TextEncoder().encode('plain text') }], admin);
		expect(notXlsx.status).toBe('refused');
	});
});
