// Table cell text → a figure: numbers (full-width digits, thousands separators), blanks and dashes as null,
// a count with a note ("22（其中修订16件）") as its leading count plus the note.
import { memo } from '../memo';

export type ValueToken =
	| { kind: 'number'; value: number; note?: string; raw: string }
	| { kind: 'null'; raw: string }
	| { kind: 'text'; raw: string };

// Marks that mean "nothing to report" in a cell: blank, dashes, slash, 无, 不适用.
const NULL_RE = /^(?:|[-－—–―‐─ー~～/／\\]+|无|無|不适用|不適用|空|n\/?a)$/i;
const NUM_RE = /^[+\-－−]?(?:\d{1,3}(?:[,，]\d{3})+|\d+)(?:[.．]\d+)?$/;
// A leading count followed by a parenthesised or trailing note; units (件, 元, 万元, 个, 项, 条) allowed after it.
const NOTE_RE =
	/^([+\-－−]?(?:\d{1,3}(?:[,，]\d{3})+|\d+)(?:[.．]\d+)?)\s*(?:件|个|项|条|元|万元)?\s*([（(].*[)）]?|[，,；;].*)$/;
const UNIT_RE = /^([+\-－−]?(?:\d{1,3}(?:[,，]\d{3})+|\d+)(?:[.．]\d+)?)\s*(件|个|项|条|元|万元|次)$/;

export function toNumber(s: string): number {
	return Number(s.replace(/[,，]/g, '').replace(/[．]/g, '.').replace(/[－−]/g, '-'));
}

const PLAIN_INT = /^\s*\d{1,15}\s*$/;

/** 1 to 15 ASCII digits and nothing else: PLAIN_INT's common case, without the regex. */
function isDigits(s: string): boolean {
	if (s.length === 0 || s.length > 15) return false;
	for (let i = 0; i < s.length; i++) {
		const c = s.charCodeAt(i);
		if (c < 48 || c > 57) return false;
	}
	return true;
}

// Labels and notes recur across reports (the template's): their tokens are kept, bounded. Callers only read them.
const tokenCache = new Map<string, ValueToken>();

/** Classify one cell's text (already NFKC-normalised or not: full-width forms are folded here). */
export function readValue(cell: string): ValueToken {
	// Fast path: most cells are plain ASCII integers.
	if (isDigits(cell) || PLAIN_INT.test(cell)) return { kind: 'number', value: Number(cell), raw: cell };
	if (cell.length > 40) return { kind: 'text', raw: cell };
	return memo(tokenCache, cell, 20000, classify, cell);
}

function classify(cell: string): ValueToken {
	const raw = cell;
	const t = cell.normalize('NFKC').replace(/\s+/g, ' ').trim();
	if (NULL_RE.test(t)) return { kind: 'null', raw };
	const compact = t.replace(/ /g, '');
	if (NUM_RE.test(compact)) return { kind: 'number', value: toNumber(compact), raw };
	const u = UNIT_RE.exec(compact);
	if (u) return { kind: 'number', value: toNumber(u[1]), raw };
	const m = NOTE_RE.exec(t);
	if (m) return { kind: 'number', value: toNumber(m[1].replace(/ /g, '')), note: m[2].trim(), raw };
	return { kind: 'text', raw };
}
