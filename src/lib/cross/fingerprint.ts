// A finding's identity for the review workflow: rule + subject + cells + the values involved. The same figures
// re-imported give the same fingerprint (the decision holds); a changed figure gives a new one (the finding is new).
import { sha256 } from '@oslojs/crypto/sha2';
import { encodeHexLowerCase } from '@oslojs/encoding';
import type { Cell, Finding, Report } from '../report/model';
import { getCell } from '../report/corrections';
import { parseSectionPath } from '../report/cell-path';

export type Values = Record<string, number | string | null | undefined>;

export function fingerprint(
	rule: string,
	organ: string,
	year: number,
	cells: readonly string[],
	values: Values
): string {
	const v = Object.keys(values)
		.sort()
		.map((k) => [k, values[k] ?? null]);
	const text = JSON.stringify([rule, organ, year, [...cells].sort(), v]);
	return encodeHexLowerCase(sha256(new TextEncoder().encode(text))).slice(0, 32);
}

/** The value a report finding's cell refers to: a figure, a section's text, the publication date. */
function valueOf(model: Report | null, path: string): Cell | string | undefined {
	if (!model) return undefined;
	const section = parseSectionPath(path);
	if (section) return model.sections?.[section as '1'] ?? undefined;
	if (path === 'published_on') return model.published_on;
	if (path === 'title') return model.title;
	return getCell(model, path);
}

/** The values of a single-report or cross-year finding (`previous.` cells read last year's model). */
export function findingValues(f: Pick<Finding, 'cells'>, model: Report, previous: Report | null): Values {
	const out: Values = {};
	for (const c of f.cells ?? []) out[c] = c.startsWith('previous.') ? valueOf(previous, c.slice(9)) : valueOf(model, c);
	return out;
}

/** Cells a finding may name that the report model does not hold: D2's filing date (the filing table). */
const KEPT_BESIDE = new Set(['filed_on']);

/**
 * Fingerprint of a finding stored with a report. Findings without cells (a whole-report remark), or naming a cell the
 * model does not hold (KEPT_BESIDE), carry their message in the identity instead,
 * which holds the numbers and dates they quote.
 */
export function reportFindingFingerprint(
	f: Finding,
	organ: string,
	year: number,
	model: Report,
	previous: Report | null
): string {
	const values = findingValues(f, model, previous);
	if (!f.cells?.length || f.cells.some((c) => KEPT_BESIDE.has(c))) values.message = f.message;
	return fingerprint(f.rule, organ, year, f.cells ?? [], values);
}
