// A parsed report's figures against the truth it was rendered from: each right, an honest unknown (null with a
// warning naming it) or wrong (a different number, or a null no warning names), for the damage specs at scale.
import type { Report } from '../../src/lib/report/model';
import { applicationPath, isWithin, proactivePath, reviewPath } from '../../src/lib/report/cell-path';

export interface Tally {
	right: number;
	unknown: number;
	wrong: string[];
}

export function tally(p: Report, t: Report, into: Tally, name: string) {
	const warned = (path: string) => p.warnings.some((w) => w.where && isWithin(path, w.where));
	const cell = (path: string, got: number | null | undefined, want: number | null | undefined) => {
		if (got === want) into.right++;
		else if (got === null || got === undefined) {
			if (warned(path)) into.unknown++;
			else into.wrong.push(`${name} ${path}: silent null, truth ${want}`);
		} else into.wrong.push(`${name} ${path}: ${got}, truth ${want}`);
	};
	const pr = p.applications.rows as Record<string, (number | null)[]>;
	for (const [k, row] of Object.entries(t.applications.rows as Record<string, (number | null)[]>))
		row.forEach((v, c) => cell(applicationPath(k, c), pr[k]?.[c], v));
	const pv = p.review as Record<string, (number | null)[]>;
	for (const [g, row] of Object.entries(t.review as Record<string, (number | null)[]>))
		row.forEach((v, c) => cell(reviewPath(g, c), pv[g]?.[c], v));
	for (const [item, fields] of Object.entries(t.proactive))
		for (const [f, v] of Object.entries(fields)) cell(proactivePath(item, f), p.proactive[item]?.[f], v);
}
