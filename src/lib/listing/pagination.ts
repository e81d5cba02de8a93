// The next page of a listing: a 下一页 link, TRS's createPageHTML(total, current, "index", "html") script (pages
// index.html, index_1.html, …), or Hanweb's <nextgroup> link. The last page has none: null.
import type { AnyNode } from 'domhandler';
import { attr, elements, scriptText, text } from './dom';
import { resolveLink } from './links';

const NEXT_TEXT = /^(?:下一?页|下一頁|后一?页|next(?:page)?|›|»|>|＞)[>»›＞]*$/i;
const PAGER_TEXT =
	/^(?:下一?页|下一頁|后一?页|上一?页|上一頁|前一?页|首页|尾页|末页|最后一?页|next|prev(?:ious)?|first|last|[›»<>‹«＜＞]+|\d{1,4}|go|跳转|确定)[>»›<«‹＞]*$/i;

export function isPagerText(t: string): boolean {
	return PAGER_TEXT.test(t.replace(/\s+/g, ''));
}

export function nextPage(root: AnyNode | AnyNode[], page: string | null, base: string | null): string | null {
	for (const a of elements(
		root,
		(e) => (e.name === 'a' || e.name === 'link') && /(?:^|\s)next(?:\s|$)/i.test(attr(e, 'rel'))
	)) {
		const u = resolveLink(attr(a, 'href'), base);
		if (u && u !== page) return u;
	}
	for (const a of elements(root, 'a')) {
		if (!NEXT_TEXT.test(text(a).replace(/\s+/g, '')) && !NEXT_TEXT.test(attr(a, 'title').replace(/\s+/g, ''))) continue;
		const u = resolveLink(attr(a, 'href'), base);
		if (u && u !== page) return u;
	}
	for (const s of elements(root, 'script')) {
		const u = createPageHtmlNext(scriptText(s), base);
		if (u && u !== page) return u;
	}
	return null;
}

/**
 * TRS WCM's pager: `createPageHTML(countPage, currentPage, "index", "html")`, the counts as numbers or as variables
 * set just before (`var countPage = 8; var currentPage = 0;`), sometimes with a container id first or extra
 * arguments after. Pages are 0-based: page 0 is index.html, page n is index_n.html.
 */
export function createPageHtmlNext(script: string, base: string | null): string | null {
	const call = script.match(/createPageHTML\s*\(([^)]*)\)/);
	if (!call) return null;
	const vars = new Map<string, number>();
	for (const m of script.matchAll(/(?:var|let|const)?\s*([A-Za-z_$][\w$]*)\s*=\s*(\d+)/g)) vars.set(m[1], Number(m[2]));
	const args = call[1].split(',').map((a) => a.trim());
	const numbers: number[] = [];
	const strings: string[] = [];
	for (const a of args) {
		const s = a.match(/^["'](.*)["']$/);
		if (s) strings.push(s[1]);
		else if (/^\d+$/.test(a)) numbers.push(Number(a));
		else if (vars.has(a)) numbers.push(vars.get(a)!);
	}
	const extAt = strings.findIndex((s) => /^(?:s?html?|jsp|php|aspx?)$/i.test(s));
	if (numbers.length < 2 || extAt < 1) return null;
	const [total, current] = numbers;
	if (current + 1 >= total) return null;
	return resolveLink(`${strings[extAt - 1]}_${current + 1}.${strings[extAt]}`, base);
}
