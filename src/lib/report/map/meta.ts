// Title, organ and year from the head of the report; the publication date; the 信息处理费 of section 6.
import { normalizeText, stripMarkup } from '../normalize';
import { noneChargedAt } from './fee-statement';

export interface TitleInfo {
	title: string;
	organ: string;
	year: number | null;
	/** 0-based lines the title was read from. */
	lines: number[];
}

const TITLE_END = /(政府信息公开|政务公开|信息公开)[^，。]{0,12}(年度报告|工作报告|年报)/;
const SCRAPE_PREFIX = /^\s*(?:标题|题名|title)\s*[:：]\s*/i;

function cleanOrgan(s: string): string {
	return s
		.replace(/[\s\u3000"“”'‘’《》【】]/g, '')
		.replace(/^(?:关于)/, '')
		.replace(/[的]$/, '');
}

/**
 * The title is the first line (among the first few) that names the report, or two lines read together (titles
 * wrap); "{organ}{year}年…" or "{year}年{organ}…"; when it starts with the year and names no organ, the organ is
 * the short line above (PDF title pages print them apart).
 */
export function readTitle(norm: string[], fallbackTitle?: string): TitleInfo {
	const limit = Math.min(norm.length, 40);
	const clean = (k: number) =>
		stripMarkup(norm[k] ?? '')
			.replace(SCRAPE_PREFIX, '')
			.replace(/^[#*>\s]+/, '')
			.replace(/\s+/g, '');
	for (let i = 0; i < limit; i++) {
		const one = clean(i);
		if (!one || one.length > 80) continue;
		let title = one;
		const lines = [i];
		if (!TITLE_END.test(title)) {
			const two = one + clean(i + 1);
			if (!/(信息公开|政务公开|年度)/.test(one) || !TITLE_END.test(two) || two.length > 80) continue;
			title = two;
			lines.push(i + 1);
		}
		if (/[，。；]/.test(title.replace(/[（(][^）)]*[)）]/g, '')) && title.length > 40) continue;
		let m = TITLE_RE.exec(title);
		if (m && !cleanOrgan(m[1]) && !cleanOrgan(m[3])) {
			for (let k = i - 1; k >= 0 && k >= i - 3; k--) {
				const above = clean(k);
				if (!above) continue;
				if (above.length <= 30 && !/[，。；：:]/.test(above)) {
					title = above + title;
					lines.unshift(k);
				}
				break;
			}
			m = TITLE_RE.exec(title);
		}
		if (!m) {
			const y = /((?:19|20)\d{2})年/.exec(title);
			return {
				title,
				organ: cleanOrgan(title.split(/\d{4}年|政府信息公开/)[0] ?? ''),
				year: y ? Number(y[1]) : null,
				lines
			};
		}
		return { title, organ: cleanOrgan(m[1]) || cleanOrgan(m[3]), year: Number(m[2]), lines };
	}
	if (fallbackTitle) {
		const t = normalizeText(fallbackTitle).replace(/\s/g, '');
		const m = TITLE_RE.exec(t);
		if (m) return { title: t, organ: cleanOrgan(m[1]) || cleanOrgan(m[3]), year: Number(m[2]), lines: [] };
	}
	return { title: '', organ: '', year: null, lines: [] };
}

const TITLE_RE = /^(.*?)((?:19|20)\d{2})年(?:度)?(.*?)(?:政府信息公开|政务公开|信息公开)/;

/** "本报告由淮安市洪泽区人民政府办公室根据…": a fuller name of the title's organ. */
export function fullerOrgan(organ: string, norm: string[]): string {
	if (!organ) return organ;
	for (let i = 0; i < Math.min(norm.length, 60); i++) {
		if (!norm[i].includes('由')) continue; // the pattern needs it; most lines have none
		const m = /本(?:年度)?报告(?:是)?由(.{2,40}?)(?:办公室|办公厅|政务公开办公室)?(?:根据|依据|按照|编制)/.exec(
			norm[i].replace(/\s/g, '')
		);
		if (m && m[1].endsWith(organ) && m[1].length > organ.length && m[1].length <= organ.length + 8) return m[1];
	}
	return organ;
}

function pad(n: number): string {
	return n < 10 ? '0' + n : String(n);
}

/**
 * A publication date printed as a line of its own (after the signature or under the title), or a scraper's
 * 发布时间 field; the statistical period (…年1月1日至…) is prose and never matched.
 */
export function readPublishedOn(norm: string[], year: number | null): { date: string | null; line: number } {
	const field = /^(?:发布时间|发布日期|成文日期|日期|时间)\s*[:：]\s*((?:19|20)\d{2})[-/.年](\d{1,2})[-/.月](\d{1,2})/;
	const alone = /^(?:[\u4e00-\u9fff]{2,30}\s*)?((?:19|20)\d{2})\s*年\s*(\d{1,2})\s*月\s*(\d{1,2})\s*日$/;
	const accept = (y: number, mo: number, d: number) =>
		mo >= 1 && mo <= 12 && d >= 1 && d <= 31 && (year === null || (y >= year && y <= year + 2));
	for (let i = 0; i < Math.min(norm.length, 30); i++) {
		const m = field.exec(norm[i].trim());
		if (m && accept(+m[1], +m[2], +m[3])) return { date: `${m[1]}-${pad(+m[2])}-${pad(+m[3])}`, line: i };
	}
	for (let i = norm.length - 1; i >= 0; i--) {
		const t = norm[i].replace(/\s+/g, ' ').trim();
		if (t.length > 40) continue;
		const m = alone.exec(t);
		if (m && accept(+m[1], +m[2], +m[3])) return { date: `${m[1]}-${pad(+m[2])}-${pad(+m[3])}`, line: i };
	}
	return { date: null, line: -1 };
}

export interface FeeInfo {
	yuan: number | null;
	line: number;
}

const AMOUNT = /(\d+(?:[.,，]\d+)*)\s*(万元|元)/;

/**
 * 信息处理费: an amount in 元/万元, "未收取" in any phrasing = 0 (fee-statement.ts), silence = null. Reads the sentences of lines [from, to) that name
 * it (outside section 6, `needInfoFee`: only sentences about disclosure); PDF lines break mid-sentence, so the lines are joined first and the figure traced back to its line.
 */
export function readFee(norm: string[], from: number, to: number, needInfoFee = false): FeeInfo {
	let text = '';
	const starts: number[] = [];
	for (let i = from; i < to; i++) {
		starts.push(text.length);
		text += norm[i].replace(/\s+/g, '');
	}
	const lineAt = (pos: number) => {
		let k = 0;
		while (k + 1 < starts.length && starts[k + 1] <= pos) k++;
		return from + k;
	};
	let pos = 0;
	for (const sentence of text.split(/(?<=[。；;])/)) {
		const at = sentence.indexOf('处理费');
		const none = at >= 0 || /收费|费用/.test(sentence) ? noneChargedAt(sentence, needInfoFee) : -1;
		if (none >= 0) return { yuan: 0, line: lineAt(pos + none) };
		if (at >= 0) {
			const after = sentence.slice(at);
			// The amount follows the fee's name (收取信息处理费3940元) or comes just before it (收取3940元信息处理费).
			const a1 = AMOUNT.exec(after.slice(0, 40));
			const beforeText = sentence.slice(Math.max(0, at - 16), at);
			const a2 = a1 ? null : AMOUNT.exec(beforeText);
			const amt = a1 ?? a2;
			if (amt) {
				const v = Number(amt[1].replace(/[,，]/g, ''));
				const off = a1 ? at + a1.index : Math.max(0, at - 16) + amt.index;
				return { yuan: amt[2] === '万元' ? Math.round(v * 10000 * 100) / 100 : v, line: lineAt(pos + off) };
			}
		}
		pos += sentence.length;
	}
	return { yuan: null, line: -1 };
}
