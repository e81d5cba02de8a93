// The district median of every figure cell for a year among organs of one kind (a street against streets, a
// bureau against bureaus: across all kinds the median would compare unlike bodies), beside each cell on the
// report page.
import { getDb } from '../db';
import { statement } from '../db/statement';
import { median } from '../../report/compare';
import { proactiveFields } from '../../report/figure-rows';
import { APPLICANT_COLUMNS, REVIEW_COLUMNS } from '../../report/template';
import { FEE_PATH, applicationPath, proactivePath, reviewPath } from '../../report/cell-path';
import { onRoster } from '../metrics/sql';
import { MIN_SAMPLE } from '../../report/rates';
import type { OrganKind } from '../../report/organ';

/** Fewer reports of the kind than this with a number in the cell: no median (the sample size is still given). */
export const MEDIAN_MIN_REPORTS = MIN_SAMPLE;

export interface MedianCell {
	/** Null when the cell has fewer than MEDIAN_MIN_REPORTS numbers among the kind's reports. */
	median: number | null;
	/** Reports of that year and kind with a number in the cell. */
	n: number;
}

// Only roster organs of that year make the district's median (an outside city's figures are no benchmark).
const SQL = {
	stamp:
		'SELECT COUNT(*) AS n, MAX(updated_at) AS t, MAX(id) AS m, (SELECT MAX(changed_at) FROM organ) AS o FROM report WHERE year = ?',
	figures: `SELECT r.template AS template, g.section AS section, g.row_key AS rowKey, g.c0, g.c1, g.c2, g.c3, g.c4, g.c5, g.c6
		FROM figure g JOIN report r ON r.id = g.report_id JOIN organ k ON k.id = r.organ_id
		WHERE r.year = ? AND k.kind = ? AND ${onRoster('r.organ_id', 'r.year')}`,
	fees: `SELECT fee_yuan AS v FROM report r JOIN organ k ON k.id = r.organ_id
		WHERE r.year = ? AND k.kind = ? AND ${onRoster('r.organ_id', 'r.year')}`
} as const;

// Medians are recomputed only when a report of that year changed (an import, a correction, a restore all touch
// report.updated_at): a page view at 10,000 reports would otherwise sort ~50,000 figure rows.
const cache = new Map<string, Record<string, MedianCell>>();
const CACHE_SIZE = 16;

/**
 * The district median of every figure cell for a year, across the reports of the roster organs of one kind
 * (blank cells skipped; below MEDIAN_MIN_REPORTS numbers the median is null).
 */
export function districtMedians(year: number, kind: OrganKind): Record<string, MedianCell> {
	const client = getDb().$client;
	const s = statement(SQL.stamp, client).get(year) as {
		n: number;
		t: number | null;
		m: number | null;
		o: number | null;
	};
	const key = `${client.name}:${year}:${kind}:${s.n}:${s.t}:${s.m}:${s.o}`;
	const hit = cache.get(key);
	if (hit) return hit;
	const result = computeMedians(year, kind);
	if (cache.size >= CACHE_SIZE) cache.delete(cache.keys().next().value!);
	cache.set(key, result);
	return result;
}

function computeMedians(year: number, kind: OrganKind): Record<string, MedianCell> {
	const rows = statement(SQL.figures).all(year, kind) as {
		template: string | null;
		section: string;
		rowKey: string;
		[k: string]: unknown;
	}[];
	const values = new Map<string, number[]>();
	const add = (path: string, v: unknown) => {
		if (typeof v !== 'number') return;
		let xs = values.get(path);
		if (!xs) values.set(path, (xs = []));
		xs.push(v);
	};
	for (const r of rows) {
		if (r.section === 'applications')
			APPLICANT_COLUMNS.forEach((c, i) => add(applicationPath(r.rowKey, c), r[`c${i}`]));
		else if (r.section === 'review') REVIEW_COLUMNS.forEach((c, i) => add(reviewPath(r.rowKey, c), r[`c${i}`]));
		else if (r.section === 'proactive')
			proactiveFields(r.template ?? '2021', r.rowKey).forEach((f, i) => add(proactivePath(r.rowKey, f), r[`c${i}`]));
	}
	const fees = statement(SQL.fees).all(year, kind) as { v: number | null }[];
	for (const f of fees) add(FEE_PATH, f.v);
	return Object.fromEntries(
		[...values].map(([path, xs]) => [
			path,
			{ median: xs.length >= MEDIAN_MIN_REPORTS ? median(xs) : null, n: xs.length }
		])
	);
}
