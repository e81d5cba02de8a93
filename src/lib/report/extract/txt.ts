// Plain text: pipe tables (the sample, Markdown), tab-separated rows, one-value-per-line tables and prose.
import type { Doc, DocLine } from './doc';

const MD_RULE = /^\s*\|?\s*:?-{2,}:?\s*(\|\s*:?-{2,}:?\s*)*\|?\s*$/;

export function splitCells(raw: string): string[] | null {
	if (raw.includes('\t')) {
		const cells = raw.split('\t').map((c) => c.trim());
		if (cells.length >= 2) return cells;
	}
	if (!raw.includes('|')) return null;
	const parts = raw.split('|');
	const pipes = parts.length - 1;
	if (pipes >= 2 || (pipes === 1 && /\S\s*\|\s*\S/.test(raw))) {
		let cells = parts.map((c) => c.trim());
		// `| a | b |` has an empty cell before the first and after the last pipe.
		// (trimStart/trimEnd drop exactly what \s matches.)
		if (raw.trimStart().startsWith('|')) cells = cells.slice(1);
		if (raw.trimEnd().endsWith('|')) cells = cells.slice(0, -1);
		return cells;
	}
	return null;
}

// A section heading inside a long scraped line: ordinal, 、, then the section's words within a few characters.
const INLINE_HEAD =
	/\s*(?=[一二三四五六]\s*、\s*(?:[^、。，]{0,12}(?:总体情况|主动公开政府信息|收到和处理|依申请|行政复议|存在的主要问题|存在问题|其他需要报告)))/gu;

/** Scraped pages put a whole report on one line: break it before each section heading. */
function breakLongLine(line: string): string[] {
	if (line.length < 300) return [line];
	return line.split(INLINE_HEAD).filter((s) => s.length > 0);
}

// A table's last row run into the next section's heading (`结转下年度继续办理 0000000 四、…`): figures, then the
// heading. Only after a digit, so prose that names a section is not broken.
const HEAD_AFTER_FIGURES = /\d\s*[一二三四五六]\s*、/u;

function breakHeadAfterFigures(line: string): string[] {
	const out: string[] = [];
	let from = 0;
	for (const m of line.matchAll(INLINE_HEAD)) {
		const at = m.index + m[0].length;
		if (at <= from || !/\d\s*$/.test(line.slice(from, m.index + m[0].length))) continue;
		out.push(line.slice(from, m.index));
		from = at;
	}
	out.push(line.slice(from));
	return out.filter((s) => s.length > 0);
}

function pieces(whole: string): string[] {
	if (whole.length >= 300) return breakLongLine(whole);
	return HEAD_AFTER_FIGURES.test(whole) ? breakHeadAfterFigures(whole) : [whole];
}

export function extractTxt(text: string): Doc {
	const lines: DocLine[] = [];
	for (const whole of (text.includes('\r') ? text.replace(/\r\n?/g, '\n') : text).split('\n'))
		for (const r of pieces(whole)) {
			const t = r.trimEnd();
			// A rule has a run of dashes: test for it before the regex.
			if (t.includes('--') && MD_RULE.test(t)) {
				// Markdown header rule: kept for display, carries no cells.
				lines.push({ text: t, cells: null });
				continue;
			}
			// Tabs at the end of a grid row are blank cells (a blank 总计), not padding: split before trimming them.
			const cells = splitCells(t.length < r.length && r.includes('\t') ? r.replace(/[^\S\t]+$/, '') : t);
			lines.push(cells && t.includes('\t') ? { text: t, cells, grid: true } : { text: t, cells });
		}
	return { lines };
}
