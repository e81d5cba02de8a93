// The headline row: the filter's last year against the year before (same organs), and the organs needing attention
// (rule in charts/headline.ts). A report whose own sums are broken (A2 for the outcomes, A4 for section 4, or a
// negative 已审结) is left out of the rate it breaks and counted as such: never a guessed or repaired figure.
import type Database from 'better-sqlite3';
import {
	attentionOrder,
	rateValue,
	SILENCE_THRESHOLD_DAYS,
	type AttentionOrgan,
	type HeadlineData,
	type RateParts
} from '../../charts/headline';
import type { DashboardFilter } from '../../charts/filters';
import { MIN_SAMPLE } from '../../report/rates';
import { statement } from '../db/statement';
import { quality } from './quality';
import { num, organWhere, reportWhere } from './sql';
import { updatesRange } from './updates';
import { brokenSourceOrgans } from './broken-sources';

/** SQL (on report_summary `s`) true when the report has a finding of the given rule. */
const hasFinding = (rule: string) =>
	`EXISTS (SELECT 1 FROM finding fx WHERE fx.report_id = s.report_id AND fx.rule = '${rule}')`;
/** Outcomes usable for the 公开率: 办理结果总计 adds up (A2) and is not negative. */
export const OUTCOMES_BROKEN = `(s.results_total < 0 OR ${hasFinding('A2')})`;
/** Section 4 usable for the 纠错率: its groups add up (A4), 已审结 not negative, 纠正 not above 已审结. */
export const REVIEW_BROKEN = `(s.review_concluded < 0 OR s.review_corrected > s.review_concluded OR ${hasFinding('A4')})`;

interface YearRow {
	id: number;
	name: string;
	apps: number | null;
	newRows: number;
	open: number | null;
	handled: number | null;
	outBroken: number;
	corrected: number | null;
	concluded: number | null;
	revBroken: number;
	errors: number;
}

function perOrgan(f: DashboardFilter, year: number, client?: Database.Database): YearRow[] {
	const w = reportWhere({ ...f, fromYear: year, toYear: year }, 's');
	return statement(
		`SELECT s.organ_id AS id, n.name AS name, s.new_c6 AS apps, s.new_rows AS newRows,
			COALESCE(s.out_granted, 0) + COALESCE(s.out_partial, 0) AS open, s.results_total AS handled,
			CASE WHEN ${OUTCOMES_BROKEN} THEN 1 ELSE 0 END AS outBroken,
			s.review_corrected AS corrected, s.review_concluded AS concluded,
			CASE WHEN ${REVIEW_BROKEN} THEN 1 ELSE 0 END AS revBroken,
			(SELECT COUNT(*) FROM finding fe WHERE fe.report_id = s.report_id AND fe.severity = 'error') AS errors
		FROM report_summary s ${w.join} JOIN organ n ON n.id = s.organ_id
		WHERE ${w.sql}`,
		client
	).all(...w.params) as YearRow[];
}

function sums(rows: YearRow[]) {
	const open: RateParts = { numerator: 0, denominator: 0, broken: 0 };
	const corr: RateParts = { numerator: 0, denominator: 0, broken: 0 };
	let apps = 0;
	let reports = 0;
	for (const r of rows) {
		apps += num(r.apps);
		reports += num(r.newRows);
		if (r.outBroken) open.broken++;
		else if (r.handled !== null) {
			open.numerator += num(r.open);
			open.denominator += num(r.handled);
		}
		if (r.revBroken) corr.broken++;
		else if (r.concluded !== null) {
			corr.numerator += num(r.corrected);
			corr.denominator += num(r.concluded);
		}
	}
	return { apps, reports, open, corr };
}

/** Organs with a log in the filter and the day of their newest posting up to `end` (null: none yet). */
function lastPostings(
	f: DashboardFilter,
	end: string,
	client?: Database.Database
): { id: number; name: string; last: string | null }[] {
	const ow = organWhere(f);
	return statement(
		`SELECT o.id AS id, o.name AS name,
			(SELECT MAX(s.last_on) FROM publication_year s WHERE s.organ_id = o.id AND s.last_on <= ?) AS last
		FROM organ o WHERE ${ow.sql} AND EXISTS (SELECT 1 FROM publication_year s WHERE s.organ_id = o.id)`,
		client
	).all(end, ...ow.params) as { id: number; name: string; last: string | null }[];
}

const daysBetween = (a: string, b: string) => Math.round((Date.parse(b) - Date.parse(a)) / 86_400_000);

export function headline(f: DashboardFilter, client?: Database.Database, limit = 3): HeadlineData {
	const year = f.toYear;
	const yf = { ...f, fromYear: year, toYear: year };
	const now = perOrgan(f, year, client);
	const prevRows = perOrgan(f, year - 1, client);
	const a = sums(now);
	const p = prevRows.length ? sums(prevRows) : null;
	const q = quality(yf, client).years[0];

	const { end } = updatesRange(yf, client);
	const logs = lastPostings(f, end, client);
	// An organ whose column the crawler could not read is unknown, not silent (issue 19's broken state).
	const broken = brokenSourceOrgans(f, client);
	const silentDays = new Map<number, number>();
	for (const l of logs) {
		if (broken.has(l.id)) continue;
		// No posting up to the end at all: silent since before the year began.
		const days = l.last === null ? daysBetween(`${year}-01-01`, end) + 1 : daysBetween(l.last, end);
		if (days > SILENCE_THRESHOLD_DAYS) silentDays.set(l.id, days);
	}

	const district = rateValue(a.corr) ?? 0;
	const byOrgan = new Map<number, AttentionOrgan>();
	for (const r of now) {
		const enough = !r.revBroken && r.concluded !== null && num(r.concluded) >= MIN_SAMPLE;
		const rate = enough ? num(r.corrected) / num(r.concluded) : null;
		byOrgan.set(r.id, {
			organ: { id: r.id, name: r.name },
			errors: num(r.errors),
			silentDays: silentDays.get(r.id) ?? null,
			correction:
				rate !== null && rate > 0 && rate >= district
					? { numerator: num(r.corrected), denominator: num(r.concluded) }
					: null
		});
	}
	for (const l of logs)
		if (!byOrgan.has(l.id) && silentDays.has(l.id))
			byOrgan.set(l.id, {
				organ: { id: l.id, name: l.name },
				errors: null,
				silentDays: silentDays.get(l.id)!,
				correction: null
			});
	const attention = [...byOrgan.values()]
		.filter((x) => (x.errors ?? 0) > 0 || x.silentDays !== null || x.correction !== null)
		.sort(attentionOrder)
		.slice(0, limit);

	return {
		year,
		applications: { value: a.apps, prev: p ? p.apps : null, reports: a.reports },
		openRate: { now: a.open, prev: p ? p.open : null },
		correctionRate: { now: a.corr, prev: p ? p.corr : null },
		late: q.late,
		missing: q.missing,
		silent: {
			count: silentDays.size,
			organs: logs.length,
			broken: broken.size,
			end,
			thresholdDays: SILENCE_THRESHOLD_DAYS
		},
		attention,
		minSample: MIN_SAMPLE
	};
}
