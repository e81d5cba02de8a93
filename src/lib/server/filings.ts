// R-D2's filing records: when a report was filed with the district office, as an inspector records it on the report
// page. Recording, changing or clearing one re-checks the report (D2 reads it when LOCAL_FILING_DEADLINE is set).
import { statement } from './db/statement';
import { getDb } from './db';
import { audit } from './audit';
import { can } from '../auth/permissions';
import type { Actor } from '../auth/actor';
import { ActionError } from './corrections';
import { recompute } from './reports/write';
import { today } from './findings/config';

export interface FilingRecord {
	filedOn: string;
	note: string;
	recordedBy: string | null;
	recordedAt: number;
}

const NOTE_MAX = 500;

/** The report's filing record, if one was recorded. */
export function filingOf(reportId: number): FilingRecord | undefined {
	return statement(
		`SELECT f.filed_on AS filedOn, f.note, u.username AS recordedBy, f.recorded_at AS recordedAt
			FROM filing f LEFT JOIN user u ON u.id = f.recorded_by WHERE f.report_id = ?`
	).get(reportId) as FilingRecord | undefined;
}

function recorder(actor: Actor): string {
	if (!can(actor.role, 'reports.correct')) throw new ActionError('您没有登记报送记录的权限', 403);
	if (actor.id === null) throw new ActionError('报送记录须由登录用户登记', 403);
	return actor.id;
}

function validDate(text: string): boolean {
	if (!/^\d{4}-\d{2}-\d{2}$/.test(text)) return false;
	const d = new Date(`${text}T00:00:00Z`);
	return !Number.isNaN(d.getTime()) && d.toISOString().slice(0, 10) === text;
}

/**
 * Records (or changes) the date the report was filed with the district office; an empty date clears the record.
 * The report's findings are rebuilt in the same transaction.
 */
export function recordFiling(reportId: number, input: { filedOn: string; note?: string }, actor: Actor): void {
	const by = recorder(actor);
	const date = input.filedOn.trim();
	const note = (input.note ?? '').trim();
	if (date && !validDate(date)) throw new ActionError(`报送日期“${date}”无效，请按“年-月-日”填写（例如 2024-01-25）`);
	if (date && date > today()) throw new ActionError(`报送日期 ${date} 晚于今天，请核对`);
	if (note.length > NOTE_MAX) throw new ActionError(`报送说明不能超过${NOTE_MAX}字`);
	const year = (statement('SELECT year FROM report WHERE id = ?').get(reportId) as { year: number } | undefined)?.year;
	if (year === undefined) throw new ActionError('报告不存在', 404);
	if (date && date < `${year}-01-01`) throw new ActionError(`报送日期 ${date} 早于报告年度 ${year} 年，请核对`);
	getDb()
		.$client.transaction(() => {
			if (date)
				statement(
					`INSERT INTO filing (report_id, filed_on, note, recorded_by, recorded_at) VALUES (?, ?, ?, ?, unixepoch('subsec') * 1000)
					ON CONFLICT (report_id) DO UPDATE SET filed_on = excluded.filed_on, note = excluded.note,
						recorded_by = excluded.recorded_by, recorded_at = excluded.recorded_at`
				).run(reportId, date, note, by);
			else statement('DELETE FROM filing WHERE report_id = ?').run(reportId);
			audit(by, date ? 'report.filing' : 'report.filing_clear', { reportId, filedOn: date || null, note });
			recompute(reportId);
		})
		.immediate();
}
