// The listing-page reader: HTML in, the column's items (title, date, link) and its next page out — or the reason
// the page is not a listing it understands. Pure: the caller fetches or reads the page.
import { elements, parseHtml, scriptText, text } from './dom';
import { hanwebItems } from './hanweb';
import { markupItems } from './markup';
import { pageMeta } from './meta';
import { nextPage } from './pagination';
import { scriptItems } from './script';
import { ymd, yearFromUrl } from './dates';
import { savedPageUrl } from './page-url';
import type { ListingItem, ListingResult, RawItem, Shape } from './types';

export interface ReadOptions {
	/** The page's own address (default: the one a saved page names): links and the next page resolve against it. */
	url?: string | null;
	/** Overrides the page's address (and its <base href>) for resolving links. */
	base?: string | null;
}

export const LISTING_REASONS = {
	empty: '页面为空',
	notHtml: '不是 HTML 网页',
	noItems: '页面中没有“标题链接 + 日期”的条目列表（列表、表格、脚本数据均未找到）',
	scriptLoaded:
		'条目由脚本从服务器加载，保存的页面中没有条目（请用浏览器“另存为完整网页”后再导入，或使用列表数据地址）',
	emptyColumn: '栏目暂无条目',
	noYear: (n: number) => `${n} 条条目只写了月日（如 [03-05]），页面中找不到年份`
};

const EMPTY_COLUMN = /暂无(?:相关)?(?:信息|数据|内容|记录|文章)|没有(?:相关|找到)?(?:信息|数据|记录|内容)/;

export function readListing(html: string, options: ReadOptions = {}): ListingResult {
	if (!html.trim()) return { ok: false, reason: LISTING_REASONS.empty };
	if (!/<[a-z!]/i.test(html.slice(0, 4096))) return { ok: false, reason: LISTING_REASONS.notHtml };
	const doc = parseHtml(html);
	// A file saved by a browser still says where it came from.
	const pageUrl = options.url ?? savedPageUrl(html, doc);
	const baseTag = elements(doc, 'base')[0]?.attribs.href;
	let base = options.base ?? pageUrl;
	if (!options.base && baseTag) {
		try {
			base = new URL(baseTag, pageUrl ?? undefined).href;
		} catch {
			/* a broken <base> is ignored */
		}
	}

	const candidates: { shape: Shape; items: RawItem[]; next?: string | null }[] = [];
	const hanweb = hanwebItems(html, doc, base);
	if (hanweb) candidates.push({ shape: 'hanweb', items: hanweb.items, next: hanweb.next });
	const markup = markupItems(doc, base);
	if (markup) candidates.push(markup);
	const scripts = elements(doc, (e) => e.name === 'script' && !e.attribs.src).map(scriptText);
	const fromScripts = scriptItems(scripts, base);
	if (fromScripts.length) candidates.push({ shape: 'script', items: fromScripts });
	const best = candidates.reduce<(typeof candidates)[number] | null>(
		(b, c) => (!b || c.items.length > b.items.length ? c : b),
		null
	);

	if (!best || best.items.length === 0) {
		const ajax = scripts.some((s) => /\$\.(?:ajax|get|post|getJSON)\s*\(|\bfetch\s*\(|XMLHttpRequest|axios\./.test(s));
		// A column with nothing in it says so (暂无信息, or Hanweb's <totalrecord>0): an empty listing, not an unknown
		// page. Not when the items come by script: its placeholder text proves nothing.
		if (hanweb?.total === 0 || (!ajax && !hanweb && EMPTY_COLUMN.test(text(doc)))) {
			const { organ, channel } = pageMeta(doc);
			return {
				ok: true,
				listing: {
					organ,
					channel,
					items: [],
					next: null,
					shape: hanweb ? 'hanweb' : 'list',
					warnings: [LISTING_REASONS.emptyColumn]
				}
			};
		}
		return { ok: false, reason: ajax || hanweb ? LISTING_REASONS.scriptLoaded : LISTING_REASONS.noItems };
	}

	const items: ListingItem[] = [];
	let undated = 0;
	for (const r of best.items) {
		const date = r.date ?? settleShort(r);
		if (!date) undated++;
		else items.push({ title: r.title, date, url: r.url });
	}
	if (!items.length) return { ok: false, reason: LISTING_REASONS.noYear(undated) };

	const { organ, channel } = pageMeta(doc);
	const next = best.next !== undefined && best.next !== null ? best.next : nextPage(doc, pageUrl, base);
	return {
		ok: true,
		listing: {
			organ,
			channel,
			items,
			next: next && next !== pageUrl ? next : null,
			shape: best.shape,
			warnings: undated ? [LISTING_REASONS.noYear(undated)] : []
		}
	};
}

/** A [03-05] date's year: from the item's URL, else a year heading above it; null when neither says. */
function settleShort(r: RawItem): string | null {
	if (!r.short) return null;
	const year = yearFromUrl(r.url, r.short.month) ?? r.headingYear;
	return year ? ymd(year, r.short.month, r.short.day) : null;
}
