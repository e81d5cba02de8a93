// Gathers the evidence of one quarter for the assessed organs in a few set-wise queries (no per-organ loops over
// SQL): the annual report the quarter assesses with its findings and section 4 figures, the publication log's
// channels, the inspectors' entries and the overdue rectification requests.
import { getDb } from '../db';
import { channelActivity } from '../../assessment/channels';
import type { EvidenceReport, ManualEntry, OrganEvidence, OverdueRectification } from '../../assessment/evidence';
import { quarterKey, quarterRange, type Quarter } from '../../assessment/quarter';
import type { AssessedOrgan } from './roster';

const REVIEW_GROUPS = ['reconsideration', 'litigation_direct', 'litigation_after_reconsideration'];

/** Per organ and channel: its postings inside a quarter and its last posting before it. */
export type ChannelPosts = Map<number, Map<string, { dates: string[]; lastBefore: string | null }>>;

/**
 * The publication log's channels for several quarters in one scan (the quarter page scores this quarter and the
 * last): one row per organ and channel over the covering index publication_organ_channel_date_idx, with its last
 * posting before the earliest quarter and its postings from then to the latest quarter's end, split per quarter.
 */
export function channelPosts(quarters: Quarter[]): ChannelPosts[] {
	const ranges = quarters.map(quarterRange);
	const from = ranges.reduce((m, r) => (r.from < m ? r.from : m), ranges[0].from);
	const to = ranges.reduce((m, r) => (r.to > m ? r.to : m), ranges[0].to);
	const out: ChannelPosts[] = quarters.map(() => new Map());
	for (const p of getDb()
		.$client.prepare(
			`SELECT organ_id, channel, max(CASE WHEN published_on < @from THEN published_on END),
			        group_concat(CASE WHEN published_on >= @from THEN published_on END)
			   FROM publication WHERE published_on <= @to GROUP BY organ_id, channel`
		)
		.raw()
		.all({ from, to }) as [number, string | null, string | null, string | null][]) {
		const name = p[1] ?? '（未注明栏目）';
		const all = p[3] ? p[3].split(',') : [];
		ranges.forEach((range, k) => {
			let lastBefore = p[2];
			const dates: string[] = [];
			for (const d of all)
				if (d < range.from) {
					if (!lastBefore || d > lastBefore) lastBefore = d;
				} else if (d <= range.to) dates.push(d);
			if (!dates.length && !lastBefore) return;
			let m = out[k].get(p[0]);
			if (!m) out[k].set(p[0], (m = new Map()));
			const s = m.get(name);
			if (!s) m.set(name, { dates, lastBefore });
			else {
				// A channel literally named like the unnamed one: one channel, as before.
				s.dates.push(...dates);
				if (lastBefore && (!s.lastBefore || lastBefore > s.lastBefore)) s.lastBefore = lastBefore;
			}
		});
	}
	return out;
}

export function gatherEvidence(
	quarter: Quarter,
	organs: AssessedOrgan[],
	today = new Date().toISOString().slice(0, 10),
	posts: ChannelPosts = channelPosts([quarter])[0]
): OrganEvidence[] {
	const c = getDb().$client;
	const year = quarter.year - 1;
	const { from, to } = quarterRange(quarter);
	const key = quarterKey(quarter);

	// The assessed reports with their section 4 figures: one row per report, each figure an index lookup on
	// figure_report_row_uq (a set-wise join would read every row of the applications section).
	const fig = (section: string, row: string, col: string) =>
		`(SELECT g.${col} FROM figure g WHERE g.report_id = r.id AND g.section = '${section}' AND g.row_key = '${row}')`;
	const reports = new Map<number, EvidenceReport>();
	const byReport = new Map<number, EvidenceReport>();
	for (const r of c
		.prepare(
			`SELECT r.id, r.organ_id, r.year, r.published_on, r.fee_yuan, ${fig('applications', 'results_total', 'c6')},
			        ${REVIEW_GROUPS.map((g) => fig('review', g, 'c1')).join(', ')}
			   FROM report r WHERE r.year = ?`
		)
		.raw()
		.all(year) as [number, number, number, string | null, number | null, number | null, ...(number | null)[]][]) {
		const corrected: EvidenceReport['corrected'] = [];
		REVIEW_GROUPS.forEach((group, i) => {
			const cases = r[6 + i] as number | null;
			if ((cases ?? 0) > 0) corrected.push({ group, cases: cases! });
		});
		const rep: EvidenceReport = {
			reportId: r[0],
			year: r[2],
			publishedOn: r[3],
			findings: [],
			corrected,
			feeYuan: r[4],
			applications: r[5]
		};
		reports.set(r[1], rep);
		byReport.set(r[0], rep);
	}
	// The report's own findings, except those a reviewer dismissed as 误报 (原报告如此 stands: the organ printed it);
	// then the cross-report findings (X6 copying from another organ …), which count only once a reviewer confirmed
	// them (findings/review.ts confirmedFindings, read here for the whole year at once).
	for (const f of c
		.prepare(
			`SELECT f.report_id, f.rule, f.severity, f.message, f.cells_json FROM finding f JOIN report r ON r.id = f.report_id
			  WHERE r.year = ? AND NOT EXISTS (SELECT 1 FROM finding_review v WHERE v.fingerprint = f.fingerprint AND f.fingerprint <> ''
			                                     AND v.status = 'dismissed' AND v.reason = 'false_positive')
			  ORDER BY f.id`
		)
		.raw()
		.all(year) as [number, string, string, string, string][])
		byReport.get(f[0])?.findings.push({ rule: f[1], severity: f[2], message: f[3], cells: JSON.parse(f[4]) });
	for (const f of c
		.prepare(
			`SELECT x.report_id, x.rule, x.severity, x.message, x.cells_json FROM cross_finding x
			   JOIN finding_review v ON v.fingerprint = x.fingerprint AND x.fingerprint <> '' AND v.status = 'confirmed'
			  WHERE x.year = ? AND x.report_id IS NOT NULL ORDER BY x.id`
		)
		.raw()
		.all(year) as [number, string, string, string, string][])
		byReport
			.get(f[0])
			?.findings.push({ rule: f[1], severity: f[2], message: f[3], cells: JSON.parse(f[4]), cross: true });

	const manual = new Map<number, ManualEntry[]>();
	for (const e of c
		.prepare(
			`SELECT e.id, e.organ_id, e.indicator_id, e.points, e.reason, e.note, e.file_name, e.veto, e.created_at,
			        coalesce(u.display_name, u.username) AS author
			   FROM assessment_entry e LEFT JOIN user u ON u.id = e.author_id
			  WHERE e.quarter = ? AND e.deleted_at IS NULL ORDER BY e.id`
		)
		.all(key) as {
		id: number;
		organ_id: number;
		indicator_id: string;
		points: number;
		reason: string;
		note: string | null;
		file_name: string | null;
		veto: number;
		created_at: number;
		author: string | null;
	}[]) {
		const list = manual.get(e.organ_id) ?? [];
		list.push({
			id: e.id,
			indicatorId: e.indicator_id,
			points: e.points,
			reason: e.reason,
			note: e.note,
			fileName: e.file_name,
			veto: !!e.veto,
			author: e.author,
			createdAt: new Date(e.created_at).toISOString().slice(0, 10)
		});
		manual.set(e.organ_id, list);
	}

	// Requests of earlier quarters whose deadline fell in this quarter and has passed, not accepted in time.
	const overdue = new Map<number, OverdueRectification[]>();
	for (const r of c
		.prepare(
			`SELECT r.id, r.organ_id, r.quarter, r.request, r.deadline, r.status,
			        (SELECT min(m.created_at) FROM rectification_message m WHERE m.rectification_id = r.id AND m.kind = 'answer') AS answered
			   FROM rectification r
			  WHERE r.quarter <> ? AND r.deadline >= ? AND r.deadline <= ? AND r.deadline < ?
			  ORDER BY r.id`
		)
		.all(key, from, to, today) as {
		id: number;
		organ_id: number;
		quarter: string;
		request: string;
		deadline: string;
		status: string;
		answered: number | null;
	}[]) {
		const answeredOn = r.answered === null ? null : new Date(r.answered).toISOString().slice(0, 10);
		const met = r.status === 'accepted' && answeredOn !== null && answeredOn <= r.deadline;
		if (met) continue;
		const list = overdue.get(r.organ_id) ?? [];
		list.push({ id: r.id, quarter: r.quarter, request: r.request, deadline: r.deadline, status: r.status });
		overdue.set(r.organ_id, list);
	}

	return organs.map((o) => ({
		organId: o.id,
		organName: o.name,
		kind: o.kind,
		report: reports.get(o.id) ?? null,
		channels: [...(posts.get(o.id) ?? new Map()).entries()]
			.sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))
			.map(([name, s]) => channelActivity(quarter, name, s.dates, s.lastBefore))
			.filter((a) => a.posts > 0 || a.lastBefore !== null),
		manual: manual.get(o.id) ?? [],
		overdue: overdue.get(o.id) ?? []
	}));
}
