// What the assessment pages show, shaped on the server: the quarter table (sorted, filtered, one page of it),
// the charts' data, and one organ's details with its rectification threads.
import { getSheet, getSheets, listStates } from './quarters';
import { getDb } from '../db';

const getDbClient = () => getDb().$client;
import * as rectifications from './rectifications';
import { gradeCounts, indicatorLosses, scoredIndicators } from '../../assessment/summary';
import { previousQuarter, quarterKey, quarterLabel, type Quarter } from '../../assessment/quarter';
import type { OrganScore } from '../../assessment/score';
import type { Indicator } from '../../assessment/rubric';
import type { AssessmentChartData } from '../../charts/assessment';

export const PAGE_SIZE = 50;

export interface QuarterRow {
	organId: number;
	name: string;
	kind: string;
	scores: (number | null)[];
	bonus: number;
	total: number;
	grade: string;
	veto: boolean;
	rank: number | null;
	unranked: string | null;
	/** Total minus last quarter's; null when last quarter has no score for the organ. */
	change: number | null;
}

export interface QuarterQuery {
	sort: string;
	dir: 'asc' | 'desc';
	kind: string;
	grade: string;
	page: number;
	/** Restrict to these organs (a clerk: its own). */
	organIds?: number[];
}

function rowOf(inds: Indicator[], s: OrganScore, prev: Map<number, number>): QuarterRow {
	return {
		organId: s.organId,
		name: s.organName,
		kind: s.kind,
		scores: inds.map((ind) => {
			const sc = s.indicators.find((i) => i.id === ind.id);
			return sc ? (ind.points ? sc.score : sc.lost ? -sc.lost : 0) : null;
		}),
		bonus: s.bonus,
		total: s.total,
		grade: s.grade,
		veto: s.vetoes.length > 0,
		rank: s.rank,
		unranked: s.unranked,
		change: prev.has(s.organId) ? Math.round((s.total - prev.get(s.organId)!) * 100) / 100 : null
	};
}

export function quarterPage(quarter: Quarter, q: QuarterQuery) {
	const [sheet, prevSheet] = getSheets([quarter, previousQuarter(quarter)]);
	// Last quarter counts only where it assessed something (a report or postings): an empty quarter is no baseline.
	const prevHasData = prevSheet.evidence.some((e) => e.report || e.channels.length);
	const prev = new Map(prevHasData ? prevSheet.scores.map((s) => [s.organId, s.total]) : []);
	const inds = scoredIndicators(sheet.rubric);
	let rows = sheet.scores.map((s) => rowOf(inds, s, prev));
	if (q.organIds) rows = rows.filter((r) => q.organIds!.includes(r.organId));
	const visible = rows;
	if (q.kind)
		rows = rows.filter((r) => (q.kind === 'township' ? r.kind === 'street' || r.kind === 'town' : r.kind === q.kind));
	if (q.grade) rows = rows.filter((r) => r.grade === q.grade);
	const col = inds.findIndex((ind) => ind.id === q.sort);
	const key = (r: QuarterRow): number | string => {
		if (q.sort === 'name') return r.name;
		if (q.sort === 'rank') return r.rank ?? Number.MAX_SAFE_INTEGER;
		if (q.sort === 'change') return r.change ?? Number.NEGATIVE_INFINITY;
		if (col >= 0) return r.scores[col] ?? 0;
		return r.total;
	};
	const sign = q.dir === 'asc' ? 1 : -1;
	rows = [...rows].sort((a, b) => {
		const ka = key(a);
		const kb = key(b);
		const c = ka < kb ? -1 : ka > kb ? 1 : 0;
		return c * sign || (a.name < b.name ? -1 : a.name > b.name ? 1 : 0);
	});
	const pages = Math.max(1, Math.ceil(rows.length / PAGE_SIZE));
	const page = Math.min(Math.max(1, q.page), pages);
	const chart: AssessmentChartData = {
		quarterLabel: sheet.label,
		grades: gradeCounts(sheet.rubric, sheet.scores),
		losses: indicatorLosses(sheet.rubric, sheet.scores).map(({ indicator, points, organs }) => ({
			indicator,
			points,
			organs
		}))
	};
	const earlier = rectifications.openBefore(sheet.quarter).filter((r) => !q.organIds || q.organIds.includes(r.organId));
	return {
		quarter: sheet.quarter,
		label: sheet.label,
		district: sheet.district,
		/** Rectification requests of earlier quarters not yet accepted, by status. */
		earlier: { total: earlier.length, answered: earlier.filter((r) => r.status === 'answered').length },
		status: sheet.status,
		rubricVersion: sheet.rubricVersion,
		asOf: sheet.asOf,
		closedAt: sheet.closedAt,
		previous: {
			quarter: quarterKey(previousQuarter(quarter)),
			label: quarterLabel(previousQuarter(quarter)),
			hasData: prevHasData
		},
		indicators: inds.map((i) => ({ id: i.id, level1: i.level1, level2: i.level2, points: i.points })),
		grades: chart.grades.map((g) => g.grade),
		total: visible.length,
		filtered: rows.length,
		page,
		pages,
		rows: rows.slice((page - 1) * PAGE_SIZE, page * PAGE_SIZE),
		chart
	};
}

export function organPage(quarter: Quarter, organId: number) {
	const sheet = getSheet(quarter);
	const score = sheet.scores.find((s) => s.organId === organId);
	if (!score) return null;
	const evidence = sheet.evidence.find((e) => e.organId === organId)!;
	const key = quarterKey(quarter);
	const threads = rectifications.listForQuarter(key, organId);
	return {
		quarter: sheet.quarter,
		label: sheet.label,
		status: sheet.status,
		rubricVersion: sheet.rubricVersion,
		asOf: sheet.asOf,
		organs: sheet.scores.length,
		rubric: sheet.rubric,
		score,
		channels: evidence.channels,
		reportYear: evidence.report?.year ?? quarter.year - 1,
		hasReport: !!evidence.report,
		manual: evidence.manual,
		rectifications: threads,
		earlier: rectifications.openBefore(key, organId)
	};
}

/** Quarters worth listing: those of the years after each report year (up to the current quarter) and any stored. */
export function quarterList(
	today = new Date().toISOString().slice(0, 10)
): { quarter: string; label: string; status: string }[] {
	const c = getDbClient();
	const years = (c.prepare('SELECT DISTINCT year FROM report ORDER BY year').all() as { year: number }[]).map(
		(r) => r.year + 1
	);
	const stored = new Map(listStates().map((s) => [s.quarter, s.status]));
	const now = quarterKey({
		year: Number(today.slice(0, 4)),
		q: (Math.floor((Number(today.slice(5, 7)) - 1) / 3) + 1) as Quarter['q']
	});
	const keys = new Set<string>(stored.keys());
	for (const y of years)
		for (const q of [1, 2, 3, 4] as const) if (quarterKey({ year: y, q }) <= now) keys.add(quarterKey({ year: y, q }));
	return [...keys]
		.sort()
		.reverse()
		.map((k) => {
			const [y, q] = k.split('Q').map(Number);
			return { quarter: k, label: quarterLabel({ year: y, q: q as Quarter['q'] }), status: stored.get(k) ?? 'open' };
		});
}
