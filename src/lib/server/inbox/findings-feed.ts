// Confirmed findings (the /findings review, issue 16) feed the inbox of the organ they are about: one 'finding'
// item per confirmed fingerprint, answered like a note. Read from finding_review here, so the review workflow does
// not depend on the inbox. Cheap when nothing changed (two indexed reads, no write), since every page's header
// count runs it.
import { getDb } from '../db';
import { statement } from '../db/statement';
import { RULES } from '../../report/checks';

interface NewConfirmation {
	fingerprint: string;
	organId: number;
	year: number;
	rule: string;
	note: string;
	reviewerId: string | null;
}

interface Standing {
	message: string;
	cellsJson: string;
	reportId: number | null;
}

const ruleName = (rule: string) => (RULES as Record<string, { name: string }>)[rule]?.name ?? rule;

/** The finding (a report's own, else a cross-report one) that carries the fingerprint now, if it still stands. */
function standing(fingerprint: string): Standing | undefined {
	return (statement(
		'SELECT message, cells_json AS cellsJson, report_id AS reportId FROM finding WHERE fingerprint = ? LIMIT 1'
	).get(fingerprint) ??
		statement(
			'SELECT message, cells_json AS cellsJson, report_id AS reportId FROM cross_finding WHERE fingerprint = ? LIMIT 1'
		).get(fingerprint)) as Standing | undefined;
}

/**
 * Inserts an item for every confirmation not yet in the inbox, and removes the unanswered, open items whose
 * confirmation was withdrawn (reopened or dismissed): the district no longer asks. An answered one stays for the
 * inspector to close.
 */
export function syncConfirmedFindings(): void {
	const fresh = statement(
		`SELECT v.fingerprint, v.organ_id AS organId, v.year, v.rule, v.note, v.reviewer_id AS reviewerId
		   FROM finding_review v
		  WHERE v.status = 'confirmed'
		    AND NOT EXISTS (SELECT 1 FROM inbox_item i WHERE i.kind = 'finding' AND i.source_key = v.fingerprint)
		    AND (EXISTS (SELECT 1 FROM finding f WHERE f.fingerprint = v.fingerprint)
		      OR EXISTS (SELECT 1 FROM cross_finding x WHERE x.fingerprint = v.fingerprint))`
	).all() as NewConfirmation[];
	const withdrawn = statement(
		`SELECT i.id FROM inbox_item i
		  WHERE i.kind = 'finding' AND i.answered_at IS NULL AND i.closed_at IS NULL
		    AND NOT EXISTS (SELECT 1 FROM finding_review v WHERE v.fingerprint = i.source_key AND v.status = 'confirmed')`
	).all() as { id: number }[];
	if (!fresh.length && !withdrawn.length) return;
	const c = getDb().$client;
	c.transaction(() => {
		const insert = statement(
			`INSERT OR IGNORE INTO inbox_item (organ_id, kind, report_id, source_key, cell_path, title, body, created_by)
			 VALUES (@organId, 'finding', @reportId, @fingerprint, @cellPath, @title, @body, @createdBy)`
		);
		for (const v of fresh) {
			// Confirmations on figures a later import replaced are not read above: nothing to ask about any more, and
			// kept out of `fresh` so that the header count does not take the write lock for them on every page.
			const f = standing(v.fingerprint);
			if (!f) continue;
			const cells = JSON.parse(f.cellsJson) as string[];
			const note = v.note.trim();
			insert.run({
				organId: v.organId,
				reportId: f.reportId,
				fingerprint: v.fingerprint,
				cellPath: cells[0] ?? null,
				title: `${v.year}年度报告：${ruleName(v.rule)}（${v.rule}）`,
				body: note ? `${f.message}\n督查员意见：${note}` : f.message,
				createdBy: v.reviewerId
			});
		}
		const remove = statement('DELETE FROM inbox_item WHERE id = ? AND answered_at IS NULL AND closed_at IS NULL');
		for (const { id } of withdrawn) remove.run(id);
	}).immediate();
}
