// Gathers the evidence of one quarter for the assessed organs in a few set-wise queries (no per-organ loops over
// SQL): the annual report the quarter assesses with its findings and section 4 figures, the publication log's
// channels, the inspectors' entries and the overdue rectification requests.
import { getDb } from '../db';
import { channelActivity } from '../../assessment/channels';
import type {
	EvidenceFinding,
	EvidenceReport,
	ManualEntry,
	OrganEvidence,
	OverdueRectification
} from '../../assessment/evidence';
import { quarterKey, quarterRange, type Quarter } from '../../assessment/quarter';
import type { AssessedOrgan } from './roster';

const REVIEW_GROUPS = ['reconsideration', 'litigation_direct', 'litigation_after_reconsideration'];

export function gatherEvidence(
	quarter: Quarter,
	organs: AssessedOrgan[],
	today = new Date().toISOString().slice(0, 10)
): OrganEvidence[] {
	const c = getDb().$client;
	const year = quarter.year - 1;
	const { from, to } = quarterRange(quarter);
	const key = quarterKey(quarter);

	const reports = new Map<number, EvidenceReport>();
	const byReport = new Map<number, EvidenceReport>();
	for (const r of c
		.prepare('SELECT id, organ_id, year, published_on, fee_yuan FROM report WHERE year = ?')
		.all(year) as {
		id: number;
		organ_id: number;
		year: number;
		published_on: string | null;
		fee_yuan: number | null;
	}[]) {
		const rep: EvidenceReport = {
			reportId: r.id,
			year: r.year,
			publishedOn: r.published_on,
			findings: [],
			corrected: [],
			feeYuan: r.fee_yuan,
			applications: null
		};
		reports.set(r.organ_id, rep);
		byReport.set(r.id, rep);
	}
	for (const f of c
		.prepare(
			'SELECT f.report_id, f.rule, f.severity, f.message, f.cells_json FROM finding f JOIN report r ON r.id = f.report_id WHERE r.year = ? ORDER BY f.id'
		)
		.all(year) as { report_id: number; rule: string; severity: string; message: string; cells_json: string }[]) {
		const finding: EvidenceFinding = {
			rule: f.rule,
			severity: f.severity,
			message: f.message,
			cells: JSON.parse(f.cells_json)
		};
		byReport.get(f.report_id)?.findings.push(finding);
	}
	for (const g of c
		.prepare(
			`SELECT g.report_id, g.section, g.row_key, g.c1, g.c6 FROM figure g JOIN report r ON r.id = g.report_id
			  WHERE r.year = ? AND ((g.section = 'review') OR (g.section = 'applications' AND g.row_key = 'results_total'))`
		)
		.all(year) as { report_id: number; section: string; row_key: string; c1: number | null; c6: number | null }[]) {
		const rep = byReport.get(g.report_id);
		if (!rep) continue;
		if (g.section === 'applications') rep.applications = g.c6;
		else if (REVIEW_GROUPS.includes(g.row_key) && (g.c1 ?? 0) > 0)
			rep.corrected.push({ group: g.row_key, cases: g.c1! });
	}
	for (const rep of byReport.values())
		rep.corrected.sort((a, b) => REVIEW_GROUPS.indexOf(a.group) - REVIEW_GROUPS.indexOf(b.group));

	// Channels: postings inside the quarter, and each channel's last posting before it.
	const posts = new Map<number, Map<string, { dates: string[]; lastBefore: string | null }>>();
	const slot = (organId: number, channel: string | null) => {
		let m = posts.get(organId);
		if (!m) posts.set(organId, (m = new Map()));
		const name = channel ?? '（未注明栏目）';
		let s = m.get(name);
		if (!s) m.set(name, (s = { dates: [], lastBefore: null }));
		return s;
	};
	for (const p of c
		.prepare(
			'SELECT organ_id, channel, max(published_on) AS last FROM publication WHERE published_on < ? GROUP BY organ_id, channel'
		)
		.raw()
		.all(from) as [number, string | null, string][])
		slot(p[0], p[1]).lastBefore = p[2];
	for (const p of c
		.prepare('SELECT organ_id, channel, published_on FROM publication WHERE published_on >= ? AND published_on <= ?')
		.raw()
		.all(from, to) as [number, string | null, string][])
		slot(p[0], p[1]).dates.push(p[2]);

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
