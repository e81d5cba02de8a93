// Drafts kept for their owner: saved with their check, listed, re-checked, deleted, and promoted to an import
// through the one import path (importFiles), so a promoted draft is stored exactly as an upload would be.
import { and, desc, eq } from 'drizzle-orm';
import { getDb } from '../db';
import * as table from '../db/schema';
import { sha256Hex } from '../files';
import { audit } from '../audit';
import { importFiles, type ImportResult } from '../import';
import { ActionError } from '../corrections';
import { can } from '../../auth/permissions';
import type { Actor } from '../../auth/actor';
import type { DraftCheck } from '../../drafts/check';
import type { Report as Model } from '../../report/model';
import { checkDraftBytes, checkParsed, DraftRefusal } from './check';

export interface DraftSummary {
	id: number;
	organName: string;
	organId: number | null;
	year: number | null;
	fileName: string;
	errors: number;
	warnings: number;
	blocking: number;
	clean: boolean;
	createdAt: number;
	checkedAt: number;
	promotedAt: number | null;
	reportId: number | null;
}

export interface DraftRecord extends DraftSummary {
	model: Model;
	check: DraftCheck;
}

function mayCheck(actor: Actor): void {
	if (!can(actor.role, 'drafts.check')) throw new ActionError('您没有检查草稿的权限', 403);
	if (actor.id === null) throw new ActionError('草稿须由登录用户保存', 403);
}

function refusal(e: unknown): never {
	if (e instanceof DraftRefusal) throw new ActionError(e.message, e.kind === 'forbidden' ? 403 : 400);
	throw e;
}

function summaryOf(row: table.Draft, check: DraftCheck): DraftSummary {
	return {
		id: row.id,
		organName: row.organName,
		organId: row.organId,
		year: row.year,
		fileName: row.fileName,
		errors: check.errors,
		warnings: check.warnings,
		blocking: check.blocking.length,
		clean: check.clean,
		createdAt: row.createdAt,
		checkedAt: row.checkedAt,
		promotedAt: row.promotedAt,
		reportId: row.reportId
	};
}

/** Checks a file and keeps it as the actor's draft. */
export async function saveDraft(
	input: { name: string; bytes: Uint8Array; organName?: string },
	actor: Actor
): Promise<DraftRecord> {
	mayCheck(actor);
	const { model, check } = await checkDraftBytes(input.bytes, input.name, { organName: input.organName, actor }).catch(
		refusal
	);
	const row = getDb()
		.insert(table.draft)
		.values({
			ownerId: actor.id!,
			organId: check.organId,
			organName: check.organ,
			year: check.year,
			fileName: input.name,
			sha256: sha256Hex(input.bytes),
			bytes: Buffer.from(input.bytes),
			modelJson: JSON.stringify(model),
			checkJson: JSON.stringify(check)
		})
		.returning()
		.get();
	return { ...summaryOf(row, check), model, check };
}

/** The actor's drafts, newest first. */
export function listDrafts(actor: Actor): DraftSummary[] {
	if (actor.id === null) return [];
	return getDb()
		.select()
		.from(table.draft)
		.where(eq(table.draft.ownerId, actor.id))
		.orderBy(desc(table.draft.id))
		.all()
		.map((row) => summaryOf(row, JSON.parse(row.checkJson) as DraftCheck));
}

function ownRow(id: number, actor: Actor): table.Draft {
	const row = getDb()
		.select()
		.from(table.draft)
		.where(and(eq(table.draft.id, id), eq(table.draft.ownerId, actor.id ?? '')))
		.get();
	if (!row) throw new ActionError('草稿不存在', 404);
	return row;
}

export function getDraft(id: number, actor: Actor): DraftRecord {
	const row = ownRow(id, actor);
	const check = JSON.parse(row.checkJson) as DraftCheck;
	return { ...summaryOf(row, check), model: JSON.parse(row.modelJson) as Model, check };
}

/** Checks a draft again against what the database holds now (last year's report may have changed). */
export async function recheckDraft(id: number, actor: Actor): Promise<DraftRecord> {
	mayCheck(actor);
	const row = ownRow(id, actor);
	const { model, check } = await checkDraftBytes(new Uint8Array(row.bytes), row.fileName, {
		organName: row.organId === null ? undefined : row.organName,
		actor
	}).catch(refusal);
	getDb()
		.update(table.draft)
		.set({
			organId: check.organId,
			organName: check.organ,
			year: check.year,
			modelJson: JSON.stringify(model),
			checkJson: JSON.stringify(check),
			checkedAt: Date.now()
		})
		.where(eq(table.draft.id, id))
		.run();
	return getDraft(id, actor);
}

export function deleteDraft(id: number, actor: Actor): void {
	ownRow(id, actor);
	getDb().delete(table.draft).where(eq(table.draft.id, id)).run();
}

/**
 * Imports the draft through the import path, as the actor (a new report, or a new revision of the organ's report
 * for that year). Only when its check, run again now, is clean — or the actor acknowledged the findings.
 */
export async function promoteDraft(id: number, actor: Actor, acknowledged: boolean): Promise<ImportResult> {
	mayCheck(actor);
	const row = ownRow(id, actor);
	if (row.promotedAt !== null) throw new ActionError('该草稿已导入');
	const model = JSON.parse(row.modelJson) as Model;
	const { check } = (() => {
		try {
			return checkParsed(model, { organName: row.organId === null ? undefined : row.organName, actor });
		} catch (e) {
			return refusal(e);
		}
	})();
	if (check.blocking.length) throw new ActionError(`不能导入：${check.blocking[0]}`);
	if (!check.clean && !acknowledged)
		throw new ActionError('草稿仍有错误：请改正后重新检查，或勾选“已知悉以上问题”后再导入');
	const [result] = await importFiles([{ name: row.fileName, bytes: new Uint8Array(row.bytes) }], actor);
	if (result.status === 'refused') throw new ActionError(result.reason ?? '导入被拒绝');
	getDb()
		.update(table.draft)
		.set({ promotedAt: Date.now(), reportId: result.reportId ?? null, revisionId: result.revisionId ?? null })
		.where(eq(table.draft.id, id))
		.run();
	audit(actor.id, 'draft.promote', {
		draftId: id,
		reportId: result.reportId,
		revisionId: result.revisionId,
		acknowledged,
		errors: check.errors
	});
	return result;
}
