// The review workflow: every finding (a report's own and the cross-report ones) listed with its decision, and the
// decisions themselves, kept by fingerprint. The assessment counts only what a person confirmed: confirmedFindings.
import { getDb } from '../db';
import { statement } from '../db/statement';
import { audit } from '../audit';
import { RULES } from '../../report/checks';
import type { Severity } from '../../report/model';
import type { CrossFinding } from '../../cross';
import { DISMISS_REASONS, REVIEW_STATUSES } from '../db/schema';
import { refreshMissing } from './cross';
import { today } from './config';
import { dataVersion } from '../data-version';
import { recompute } from '../reports/write';

export type ReviewStatus = (typeof REVIEW_STATUSES)[number];
export type DismissReason = (typeof DISMISS_REASONS)[number];
export type StatusFilter = 'open' | ReviewStatus | 'all';

export { STATUS_LABELS, REASON_LABELS } from '../../cross/review-labels';

export interface FindingRow {
	/** `r<id>` for a report's own finding, `x<id>` for a cross-report one. */
	key: string;
	kind: 'report' | 'cross';
	rule: string;
	ruleName: string;
	severity: Severity;
	message: string;
	cells: string[];
	fingerprint: string;
	organId: number;
	organName: string;
	year: number;
	reportId: number | null;
	status: 'open' | ReviewStatus;
	reason: DismissReason | null;
	note: string;
	reviewer: string | null;
	reviewedAt: number | null;
	/** Cross findings: the other side, both sides' values, passages… */
	detail: CrossFinding | null;
	otherOrganId: number | null;
	otherReportId: number | null;
}

export interface FindingFilter {
	rule?: string;
	severity?: Severity;
	organId?: number;
	year?: number;
	status?: StatusFilter;
	reportId?: number;
	/** Whose findings by the organ's roster status (ORGAN_SCOPES); default all. */
	scope?: OrganScope;
	/** Default 500. */
	limit?: number;
}

/**
 * The organs a findings list covers: the roster and the organs awaiting a decision (what a reviewer works on), the
 * roster alone, or also the organs kept outside the district (never counted, so not reviewed by default).
 */
export const ORGAN_SCOPES = {
	review: { label: '名册内与待确认单位', statuses: ['district', 'pending'] },
	district: { label: '仅名册内单位', statuses: ['district'] },
	all: { label: '全部单位（含名册外）', statuses: ['district', 'pending', 'outside'] }
} as const;
export type OrganScope = keyof typeof ORGAN_SCOPES;

/** The columns a listed finding is read with; the counts read only the key and the decision. */
const ROW_COLUMNS = 'x.*, v.status, v.reason, v.note, v.reviewed_at AS reviewedAt, u.username';
const COUNT_COLUMNS = 'x.key, v.status';

/**
 * One list over both tables, the decision joined by fingerprint. `ofReport` puts the report's id inside each branch,
 * so that both index lookups (finding_report_idx, cross_finding_report_idx) are used: two `?` to bind, first.
 */
function both(columns: string, ofReport = false): string {
	const own = ofReport ? ' WHERE f.report_id = ?' : '';
	const cross = ofReport ? ' WHERE c.report_id = ?' : '';
	return `SELECT ${columns} FROM (
	SELECT 'r' || f.id AS key, 'report' AS kind, f.rule, f.severity, f.message, f.cells_json AS cellsJson, f.fingerprint,
		r.organ_id AS organId, o.name AS organName, r.year, r.id AS reportId, NULL AS detailJson, NULL AS otherOrganId, NULL AS otherReportId
	FROM finding f JOIN report r ON r.id = f.report_id JOIN organ o ON o.id = r.organ_id${own}
	UNION ALL
	SELECT 'x' || c.id, 'cross', c.rule, c.severity, c.message, c.cells_json, c.fingerprint,
		c.organ_id, o.name, c.year, c.report_id, c.detail_json, c.other_organ_id, c.other_report_id
	FROM cross_finding c JOIN organ o ON o.id = c.organ_id${cross}
) x LEFT JOIN finding_review v ON v.fingerprint = x.fingerprint AND x.fingerprint <> '' LEFT JOIN user u ON u.id = v.reviewer_id`;
}

function where(f: FindingFilter): { sql: string; params: unknown[] } {
	const w: string[] = [];
	const p: unknown[] = [];
	const add = (cond: string, value?: unknown) => {
		w.push(cond);
		if (value !== undefined) p.push(value);
	};
	if (f.rule) add('x.rule = ?', f.rule);
	if (f.severity) add('x.severity = ?', f.severity);
	if (f.organId !== undefined) add('x.organId = ?', f.organId);
	if (f.year !== undefined) add('x.year = ?', f.year);
	if (f.reportId !== undefined) add('x.reportId = ?', f.reportId);
	if (f.scope && f.scope !== 'all') {
		const statuses = ORGAN_SCOPES[f.scope].statuses;
		w.push(`x.organId IN (SELECT id FROM organ WHERE status IN (${statuses.map(() => '?').join(', ')}))`);
		p.push(...statuses);
	}
	const status = f.status ?? 'open';
	if (status === 'open') add('v.status IS NULL');
	else if (status !== 'all') add('v.status = ?', status);
	return { sql: w.length ? ` WHERE ${w.join(' AND ')}` : '', params: p };
}

interface Raw {
	key: string;
	kind: 'report' | 'cross';
	rule: string;
	severity: Severity;
	message: string;
	cellsJson: string;
	fingerprint: string;
	organId: number;
	organName: string;
	year: number;
	reportId: number | null;
	detailJson: string | null;
	otherOrganId: number | null;
	otherReportId: number | null;
	status: ReviewStatus | null;
	reason: DismissReason | null;
	note: string | null;
	username: string | null;
	reviewedAt: number | null;
}

const toRow = (r: Raw): FindingRow => ({
	key: r.key,
	kind: r.kind,
	rule: r.rule,
	ruleName: (RULES as Record<string, { name: string }>)[r.rule]?.name ?? r.rule,
	severity: r.severity,
	message: r.message,
	cells: JSON.parse(r.cellsJson) as string[],
	fingerprint: r.fingerprint,
	organId: r.organId,
	organName: r.organName,
	year: r.year,
	reportId: r.reportId,
	status: r.status ?? 'open',
	reason: r.reason,
	note: r.note ?? '',
	reviewer: r.username,
	reviewedAt: r.reviewedAt,
	detail: r.detailJson ? (JSON.parse(r.detailJson) as CrossFinding) : null,
	otherOrganId: r.otherOrganId,
	otherReportId: r.otherReportId
});

function query(f: FindingFilter, tail: string, extra: unknown[] = []): Raw[] {
	const { sql, params } = where(f);
	return getDb()
		.$client.prepare(`${both(ROW_COLUMNS)}${sql}${tail}`)
		.all(...params, ...extra) as Raw[];
}

/** Findings matching the filter (default: open ones), by organ, year and rule; with the total before the limit. */
export function listFindings(f: FindingFilter = {}): { rows: FindingRow[]; total: number } {
	const { sql, params } = where(f);
	const total = (
		getDb()
			.$client.prepare(`SELECT count(*) AS n FROM (${both(COUNT_COLUMNS)}${sql})`)
			.get(...params) as { n: number }
	).n;
	const rows = query(f, ' ORDER BY x.organName, x.year DESC, x.rule, x.key LIMIT ?', [f.limit ?? 500]).map(toRow);
	return { rows, total };
}

/** Every finding of one report (own and cross), whatever its status: the report page shows them with their decision. */
export function findingsOfReport(reportId: number): FindingRow[] {
	const sql = both(ROW_COLUMNS, true);
	return (statement(`${sql} ORDER BY x.kind DESC, x.key`).all(reportId, reportId) as Raw[]).map(toRow);
}

/** Counts per status (open, confirmed, dismissed), optionally for one year: the dashboard's quality chart. */
export function statusCounts(year?: number, scope?: OrganScope): Record<'open' | ReviewStatus, number> {
	const { sql, params } = where({ year, scope, status: 'all' });
	const rows = getDb()
		.$client.prepare(
			`SELECT coalesce(status, 'open') AS status, count(*) AS n FROM (${both(COUNT_COLUMNS)}${sql}) GROUP BY 1`
		)
		.all(...params) as { status: 'open' | ReviewStatus; n: number }[];
	const out = { open: 0, confirmed: 0, dismissed: 0 };
	for (const r of rows) out[r.status] = r.n;
	return out;
}

export interface ReviewInput {
	/** Finding keys (`r12`, `x7`) as the list shows them. */
	keys: string[];
	status: ReviewStatus | 'open';
	reason?: DismissReason | null;
	note?: string;
}

export class ReviewRefusal extends Error {}

/**
 * Confirms, dismisses (with 原报告如此 / 误报) or reopens findings. The decision is stored by fingerprint, so it holds
 * for the same figures whatever re-import rewrites the finding rows. Returns how many findings it decided.
 */
export function reviewFindings(input: ReviewInput, actorId: string): number {
	if (!input.keys.length) throw new ReviewRefusal('请至少选择一条问题');
	if (input.status === 'dismissed' && !input.reason) throw new ReviewRefusal('排除问题时须选择原因：原报告如此或误报');
	const c = getDb().$client;
	return c
		.transaction(() => {
			let n = 0;
			for (const key of input.keys) {
				const m = /^([rx])(\d+)$/.exec(key);
				if (!m) throw new ReviewRefusal(`问题编号“${key}”无效`);
				const found = (
					m[1] === 'r'
						? statement(
								'SELECT f.rule, f.fingerprint, r.organ_id AS organId, r.year FROM finding f JOIN report r ON r.id = f.report_id WHERE f.id = ?'
							)
						: statement('SELECT rule, fingerprint, organ_id AS organId, year FROM cross_finding WHERE id = ?')
				).get(Number(m[2])) as { rule: string; fingerprint: string; organId: number; year: number } | undefined;
				if (!found) throw new ReviewRefusal(`问题${key}已不存在（报告可能已重新导入），请刷新后重试`);
				if (!found.fingerprint) throw new ReviewRefusal(`问题${key}尚无标识（请重新计算该报告的检查后再复核）`);
				if (input.status === 'open')
					statement('DELETE FROM finding_review WHERE fingerprint = ?').run(found.fingerprint);
				else
					statement(
						`INSERT INTO finding_review (fingerprint, status, reason, note, rule, organ_id, year, reviewer_id, reviewed_at)
					VALUES (@fingerprint, @status, @reason, @note, @rule, @organId, @year, @reviewer, unixepoch('subsec') * 1000)
					ON CONFLICT (fingerprint) DO UPDATE SET status = excluded.status, reason = excluded.reason, note = excluded.note,
						reviewer_id = excluded.reviewer_id, reviewed_at = excluded.reviewed_at`
					).run({
						fingerprint: found.fingerprint,
						status: input.status,
						reason: input.status === 'dismissed' ? input.reason : null,
						note: (input.note ?? '').trim().slice(0, 2000),
						rule: found.rule,
						organId: found.organId,
						year: found.year,
						reviewer: actorId
					});
				n++;
			}
			audit(actorId, 'finding.review', { keys: input.keys, status: input.status, reason: input.reason ?? null }, c);
			return n;
		})
		.immediate();
}

export interface ConfirmedFinding {
	rule: string;
	ruleName: string;
	severity: Severity;
	organId: number;
	organName: string;
	year: number;
	reportId: number | null;
	message: string;
	cells: string[];
	note: string;
	reviewer: string | null;
	reviewedAt: number | null;
	fingerprint: string;
	detail: CrossFinding | null;
}

/**
 * For the assessment: the findings a person has confirmed (and that still stand: the figures they were confirmed on
 * are the current ones), optionally for one year or organ.
 */
export function confirmedFindings(filter: { year?: number; organId?: number } = {}): ConfirmedFinding[] {
	return query({ ...filter, status: 'confirmed' }, ' ORDER BY x.organName, x.year, x.rule, x.key').map((r) => {
		const row = toRow(r);
		return {
			rule: row.rule,
			ruleName: row.ruleName,
			severity: row.severity,
			organId: row.organId,
			organName: row.organName,
			year: row.year,
			reportId: row.reportId,
			message: row.message,
			cells: row.cells,
			note: row.note,
			reviewer: row.reviewer,
			reviewedAt: row.reviewedAt,
			fingerprint: row.fingerprint,
			detail: row.detail
		};
	});
}

/** Per database: the date and data version X7 was last rebuilt for (rebuilding all is ~0.3–0.6 s at 5,000 organs). */
const missingRefreshedFor = new WeakMap<object, string>();
/**
 * Per database: the last report id this process rebuilt as a legacy report. A clean report with short texts has
 * neither bands nor findings after a rebuild either, so the query alone would offer it again on every load.
 */
const legacyCursor = new WeakMap<object, number>();

/**
 * Before listing: X7 depends on today's date, so it is brought up to date — rebuilt whole only when the date or
 * the data (reports, roster) moved since the last rebuild, as a report of an earlier year moves every organ's
 * first owed year; and reports stored before the review workflow existed (findings without fingerprints, no
 * similarity index) are rebuilt, a bounded batch per call, each once per process.
 */
export function refreshTimeDependent(batch = 200): void {
	const c = getDb().$client;
	const stale = statement(
		`SELECT r.id FROM report r WHERE r.id > ? AND NOT EXISTS (SELECT 1 FROM similarity_band b WHERE b.report_id = r.id)
			AND NOT EXISTS (SELECT 1 FROM finding f WHERE f.report_id = r.id AND f.fingerprint <> '')
			AND NOT EXISTS (SELECT 1 FROM cross_finding x WHERE x.report_id = r.id)
		ORDER BY r.id LIMIT ?`
	).all(legacyCursor.get(c) ?? 0, batch) as { id: number }[];
	for (const { id } of stale) {
		recompute(id);
		legacyCursor.set(c, id);
	}
	c.transaction(() => {
		const key = `${today()}|${dataVersion(c)}`;
		if (missingRefreshedFor.get(c) === key) return;
		refreshMissing();
		missingRefreshedFor.set(c, key);
	}).immediate();
}
