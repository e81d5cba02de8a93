import { describe, expect, it } from 'vitest';
import { fullDate, shortDate, yearFromUrl, headingYear } from './dates';
import { createPageHtmlNext } from './pagination';
import { titleOf } from './title';
import { parseHtml, elements } from './dom';

describe('dates', () => {
	it.each([
		['2024-03-05', '2024-03-05'],
		['2024/3/5', '2024-03-05'],
		['2024年3月5日', '2024-03-05'],
		['发布时间：2024.03.05 10:20', '2024-03-05'],
		['２０２４－０３－０５', '2024-03-05'],
		['[2024-3-5]', '2024-03-05'],
		['2024-02-30', null],
		['南财〔2024〕12号', null],
		['12345678', null]
	])('%s → %s', (s, want) => expect(fullDate(s)).toBe(want));

	it('reads short dates and nothing else as short', () => {
		expect(shortDate('[03-05]')).toEqual({ month: 3, day: 5 });
		expect(shortDate('3月5日')).toEqual({ month: 3, day: 5 });
		expect(shortDate('03-05')).toEqual({ month: 3, day: 5 });
		expect(shortDate('13-05')).toBeNull();
		expect(shortDate('发布时间：03-05')).toEqual({ month: 3, day: 5 });
		expect(shortDate('编号 2024-03-05-01')).toBeNull();
		expect(shortDate('第3号')).toBeNull();
	});

	it('takes the year of a short date from the URL only when the month agrees', () => {
		expect(yearFromUrl('http://a.gov.cn/x/202312/t20231228_1.html', 12)).toBe(2023);
		expect(yearFromUrl('/art/2024/3/15/art_1_2.html', 3)).toBe(2024);
		expect(yearFromUrl('/x/202312/t20231228_1.html', 3)).toBeNull();
		expect(yearFromUrl('show.aspx?id=1201', 3)).toBeNull();
		expect(headingYear('2024年')).toBe(2024);
		expect(headingYear('2024年工作要点')).toBeNull();
	});
});

describe('createPageHTML', () => {
	const base = 'http://a.gov.cn/col/index.html';
	it('numbers pages from 0: page n+1 is index_{n+1}', () => {
		expect(createPageHtmlNext('createPageHTML(5, 0, "index", "html");', base)).toBe('http://a.gov.cn/col/index_1.html');
		expect(
			createPageHtmlNext(
				'var countPage = 5; var currentPage = 3; createPageHTML(countPage, currentPage, "index", "shtml");',
				base
			)
		).toBe('http://a.gov.cn/col/index_4.shtml');
		expect(createPageHtmlNext("createPageHTML('page_div', 3, 1, 'index', 'html', 36);", base)).toBe(
			'http://a.gov.cn/col/index_2.html'
		);
	});
	it('has no next on the last page', () => {
		expect(createPageHtmlNext('createPageHTML(5, 4, "index", "html");', base)).toBeNull();
		expect(createPageHtmlNext('createPageHTML(1, 0, "index", "html");', base)).toBeNull();
	});
});

describe('titles', () => {
	const a = (html: string) => elements(parseHtml(html), 'a')[0];
	it('takes the title attribute when the text is cut', () => {
		expect(titleOf(a('<a title="关于做好安全工作的通知">关于做好安全…</a>'))).toBe('关于做好安全工作的通知');
		expect(titleOf(a('<a title="关于做好安全工作的通知">关于做好安全...</a>'))).toBe('关于做好安全工作的通知');
	});
	it('keeps the text when the attribute says something else', () => {
		expect(titleOf(a('<a title="点击查看">区政府常务会议</a>'))).toBe('区政府常务会议');
	});
});
