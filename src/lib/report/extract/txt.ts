// Plain text: pipe tables (the sample, Markdown), tab-separated rows, one-value-per-line tables and prose.
import type { Doc, DocLine } from './doc';

const MD_RULE = /^\s*\|?\s*:?-{2,}:?\s*(\|\s*:?-{2,}:?\s*)*\|?\s*$/;

export function splitCells(raw: string): string[] | null {
	if (raw.includes('\t')) {
		const cells = raw.split('\t').map((c) => c.trim());
		if (cells.length >= 2) return cells;
	}
	const pipes = raw.split('|').length - 1;
	if (pipes >= 2 || (pipes === 1 && /\S\s*\|\s*\S/.test(raw))) {
		let cells = raw.split('|').map((c) => c.trim());
		// `| a | b |` has an empty cell before the first and after the last pipe.
		if (/^\s*\|/.test(raw)) cells = cells.slice(1);
		if (/\|\s*$/.test(raw)) cells = cells.slice(0, -1);
		return cells;
	}
	return null;
}

export function extractTxt(text: string): Doc {
	const raw = text.replace(/\r\n?/g, '\n').split('\n');
	const lines: DocLine[] = [];
	for (const r of raw) {
		const t = r.replace(/\s+$/, '');
		if (MD_RULE.test(t) && t.includes('-')) {
			// Markdown header rule: kept for display, carries no cells.
			lines.push({ text: t, cells: null });
			continue;
		}
		const cells = splitCells(t);
		lines.push(cells && t.includes('\t') ? { text: t, cells, grid: true } : { text: t, cells });
	}
	return { lines };
}
