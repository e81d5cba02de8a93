// Inspectors' manual entries: deductions for what the app has no data for, and bonus points, each with a reason.
import { getDb } from '../db';
import type { Rubric } from '../../assessment/rubric';
import { quarterKey, type Quarter } from '../../assessment/quarter';
import { isClosed } from './quarters';
import { storeOriginal } from '../files';

/** Evidence files are kept small: a screenshot or a scanned page, not an archive. */
export const MAX_FILE_BYTES = 20 * 1024 * 1024;

export interface Attachment {
	name: string;
	bytes: Uint8Array;
}

/** Stores an attachment's bytes (content-addressed) and returns its stored path; refuses empty or oversized files. */
export function storeAttachment(file: Attachment): { name: string; path: string } {
	if (!file.bytes.length) throw new EntryRefusal(`附件“${file.name}”是空文件`);
	if (file.bytes.length > MAX_FILE_BYTES)
		throw new EntryRefusal(`附件“${file.name}”超过${MAX_FILE_BYTES / 1024 / 1024} MB`);
	return { name: file.name.slice(0, 200), path: storeOriginal(file.bytes).path };
}

export class EntryRefusal extends Error {}

export interface EntryInput {
	organId: number;
	indicatorId: string;
	points: number;
	reason: string;
	note?: string | null;
	veto?: boolean;
	file?: Attachment | null;
}

export function add(quarter: Quarter, rubric: Rubric, input: EntryInput, actorId: string | null): number {
	if (isClosed(quarter)) throw new EntryRefusal('本季度已定稿，不能再录入；如需修改请管理员重新开启');
	const reason = input.reason.trim();
	if (!reason) throw new EntryRefusal('请填写扣分或加分理由');
	const ind = rubric.indicators.find((i) => i.id === input.indicatorId);
	if (input.indicatorId !== 'bonus' && (!ind || !(ind.manual || ind.evidence.kind === 'manual')))
		throw new EntryRefusal(`指标“${input.indicatorId}”不能人工录入`);
	if (!Number.isFinite(input.points) || input.points < 0 || (input.points === 0 && !input.veto))
		throw new EntryRefusal('分值须为正数（单项否决可为0）');
	if (input.indicatorId === 'bonus' && input.points > rubric.bonus.cap)
		throw new EntryRefusal(`加分不能超过${rubric.bonus.cap}分`);
	if (ind && input.points > Math.max(ind.cap, ind.points)) throw new EntryRefusal(`“${ind.level2}”最多扣${ind.cap}分`);
	const veto = !!input.veto && !!ind?.manualVeto;
	const stored = input.file ? storeAttachment(input.file) : null;
	const c = getDb().$client;
	return c.transaction(() => {
		const res = c
			.prepare(
				'INSERT INTO assessment_entry (quarter, organ_id, indicator_id, points, reason, note, file_name, file_path, veto, author_id) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)'
			)
			.run(
				quarterKey(quarter),
				input.organId,
				input.indicatorId,
				input.points,
				reason,
				input.note?.trim() || null,
				stored?.name ?? null,
				stored?.path ?? null,
				veto ? 1 : 0,
				actorId
			);
		const id = Number(res.lastInsertRowid);
		c.prepare('INSERT INTO audit_log (user_id, action, detail) VALUES (?, ?, ?)').run(
			actorId,
			'assessment.entry',
			JSON.stringify({
				id,
				quarter: quarterKey(quarter),
				organId: input.organId,
				indicatorId: input.indicatorId,
				points: input.points,
				veto
			})
		);
		return id;
	})();
}

export function remove(quarter: Quarter, id: number, actorId: string | null): void {
	if (isClosed(quarter)) throw new EntryRefusal('本季度已定稿，不能删除录入');
	const c = getDb().$client;
	c.transaction(() => {
		const res = c
			.prepare('UPDATE assessment_entry SET deleted_at = ? WHERE id = ? AND quarter = ? AND deleted_at IS NULL')
			.run(Date.now(), id, quarterKey(quarter));
		if (!res.changes) throw new EntryRefusal('录入不存在');
		c.prepare('INSERT INTO audit_log (user_id, action, detail) VALUES (?, ?, ?)').run(
			actorId,
			'assessment.entry.remove',
			JSON.stringify({ id })
		);
	})();
}

/** The stored attachment of an entry of this organ, for download. */
export function attachment(entryId: number, organId: number): { name: string; path: string } | undefined {
	const r = getDb()
		.$client.prepare(
			'SELECT file_name AS name, file_path AS path FROM assessment_entry WHERE id = ? AND organ_id = ? AND file_path IS NOT NULL'
		)
		.get(entryId, organId) as { name: string; path: string } | undefined;
	return r;
}
