// Rubric versions: the default is version 1 on first use; each save adds a version, none is edited.
import { getDb } from '../db';
import { DEFAULT_RUBRIC, validateRubric, type Rubric } from '../../assessment/rubric';

export interface RubricVersion {
	version: number;
	rubric: Rubric;
	note: string | null;
	createdAt: number;
}

export class RubricRefusal extends Error {}

function ensureDefault(): void {
	const c = getDb().$client;
	const n = (c.prepare('SELECT count(*) AS n FROM assessment_rubric').get() as { n: number }).n;
	if (!n)
		c.prepare('INSERT INTO assessment_rubric (rubric_json, note) VALUES (?, ?)').run(
			JSON.stringify(DEFAULT_RUBRIC),
			'默认细则'
		);
}

export function latest(): RubricVersion {
	ensureDefault();
	const r = getDb()
		.$client.prepare(
			'SELECT version, rubric_json, note, created_at FROM assessment_rubric ORDER BY version DESC LIMIT 1'
		)
		.get() as Row;
	return fromRow(r);
}

export function get(version: number): RubricVersion | undefined {
	ensureDefault();
	const r = getDb()
		.$client.prepare('SELECT version, rubric_json, note, created_at FROM assessment_rubric WHERE version = ?')
		.get(version) as Row | undefined;
	return r && fromRow(r);
}

export function list(): { version: number; note: string | null; createdAt: number }[] {
	ensureDefault();
	return getDb()
		.$client.prepare('SELECT version, note, created_at AS createdAt FROM assessment_rubric ORDER BY version DESC')
		.all() as never;
}

/** Saves a new version; refuses a rubric that does not validate (the message lists why). */
export function save(rubric: Rubric, actorId: string | null, note: string | null = null): number {
	const problems = validateRubric(rubric);
	if (problems.length) throw new RubricRefusal(`考核细则有误：${problems.join('；')}`);
	ensureDefault();
	const c = getDb().$client;
	return c.transaction(() => {
		const res = c
			.prepare('INSERT INTO assessment_rubric (rubric_json, note, created_by) VALUES (?, ?, ?)')
			.run(JSON.stringify(rubric), note, actorId);
		c.prepare('INSERT INTO audit_log (user_id, action, detail) VALUES (?, ?, ?)').run(
			actorId,
			'assessment.rubric',
			JSON.stringify({ version: Number(res.lastInsertRowid), note })
		);
		return Number(res.lastInsertRowid);
	})();
}

interface Row {
	version: number;
	rubric_json: string;
	note: string | null;
	created_at: number;
}
const fromRow = (r: Row): RubricVersion => ({
	version: r.version,
	rubric: JSON.parse(r.rubric_json),
	note: r.note,
	createdAt: r.created_at
});
