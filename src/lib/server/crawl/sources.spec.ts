import { describe, expect, it } from 'vitest';
import iconv from 'iconv-lite';
import { tempDatabaseForSuite } from '../../../../tests/helpers/temp-db';
import * as sources from './sources';

tempDatabaseForSuite('dw-sources-');

describe('crawl sources', () => {
	it('checks each field and names it in Chinese', () => {
		expect(() => sources.validate({ organ: '', channel: '通知公告', startUrl: 'http://a.gov.cn/' })).toThrow(
			'单位不能为空'
		);
		expect(() => sources.validate({ organ: '区教育局', channel: '通知公告', startUrl: 'ftp://a.gov.cn/' })).toThrow(
			/网址“ftp:\/\/a\.gov\.cn\/”无效/
		);
		expect(() =>
			sources.validate({ organ: '区教育局', channel: '通知公告', startUrl: 'http://a.gov.cn/', maxPages: 0 })
		).toThrow(/页数“0”无效/);
		expect(() =>
			sources.validate({ organ: '区教育局', channel: '通知公告', startUrl: 'http://a.gov.cn/', since: '去年' })
		).toThrow(/起始日期“去年”无法识别/);
		expect(
			sources.validate({
				organ: ' 区教育局 ',
				channel: '通知公告',
				startUrl: 'http://a.gov.cn/tzgg/',
				since: '2024年1月1日'
			})
		).toEqual({
			organ: '区教育局',
			channel: '通知公告',
			startUrl: 'http://a.gov.cn/tzgg/',
			maxPages: sources.DEFAULT_MAX_PAGES,
			since: '2024-01-01'
		});
	});

	it('imports a GBK CSV with Chinese headers: new and updated rows, bad lines named', () => {
		const csv = [
			'单位,栏目,网址,页数,起始日期',
			'区教育局,通知公告,http://a.gov.cn/jyj/tzgg/index.html,3,2024-01-01',
			'区教育局,政策文件,http://a.gov.cn/jyj/zcwj/,,',
			'区财政局,,http://a.gov.cn/czj/,2,',
			''
		].join('\r\n');
		const first = sources.importCsv('来源.csv', new Uint8Array(iconv.encode(csv, 'gbk')));
		expect(first).toEqual({ added: 2, updated: 0, problems: [{ line: 4, reason: '栏目不能为空' }] });
		const again = sources.importCsv('来源.csv', new Uint8Array(Buffer.from(csv.replace(',3,2024-01-01', ',4,'))));
		expect(again).toMatchObject({ added: 0, updated: 2 });
		const edu = sources.list().find((s) => s.channel === '通知公告');
		expect(edu).toMatchObject({ organName: '区教育局', maxPages: 4, since: null, enabled: true, lastStatus: null });
		expect(() =>
			sources.importCsv('x.csv', new Uint8Array(Buffer.from('单位,网址\n区教育局,http://a.gov.cn/\n')))
		).toThrow('x.csv：缺少“栏目”列');
		expect(() => sources.importCsv('y.csv', new Uint8Array(Buffer.from('a,b\n1,2\n')))).toThrow(/y\.csv：没有表头行/);
	});
});
