// Corrections of figures by inspectors: the parsed value stays in the revision, each correction is a logged row
// (who, when, old, new, why), and the report's effective model (revision + active corrections) is rebuilt at once,
// so the figures the charts sum and the findings follow. Undo marks the row undone; nothing is deleted.
import { and, desc, eq, isNull } from 'drizzle-orm';
import { alias } from 'drizzle-orm/sqlite-core';
import { getDb } from './db';
import * as table from './db/schema';
import * as reports from './reports/read';
import { recompute } from './reports/write';
import { audit } from './audit';
import { can } from '../auth/permissions';
import type { Actor } from '../auth/actor';
import { getCell, readCorrectionValue } from '../report/corrections';
import { canonicalPath, cellLabel } from '../report/cell-path';
import type { Cell } from '../report/model';
import { testPause } from './faults/test-pause';
import { storageProblem } from './faults/storage-error';

/** A refusal with a message for the user (Chinese) and the HTTP status a route should answer with. */
export class ActionError extends Error {
	constructor(
		message: string,
		readonly status = 400
	) {
		super(message);
	}
}

const REASON_MAX = 500;

export interface CorrectionInput {
	reportId: number;
	cellPath: string;
	/** What the inspector typed ("12", "—", "１２") or an already-read value. */
	value: string | Cell;
	reason: string;
}

export interface CorrectionRecord {
	id: number;
	reportId: number;
	cellPath: string;
	label: string;
	oldValue: Cell;
	newValue: Cell;
	/** The value the parser read from the current revision (undefined: the row is absent there). */
	parsedValue: Cell | undefined;
	reason: string;
	authorId: string;
	authorName: string | null;
	createdAt: number;
	undoneAt: number | null;
	undoneBy: string | null;
	undoneByName: string | null;
}

/** The author of a correction or an undo: a signed-in user who may correct (the log names who did it). */
function authorOf(actor: Actor): string {
	if (!can(actor.role, 'reports.correct')) throw new ActionError('您没有更正数据的权限', 403);
	if (actor.id === null) throw new ActionError('更正须由登录用户进行', 403);
	return actor.id;
}

/**
 * Corrects one figure of a report. The reason is required; the new value must differ from the current one.
 * Returns the logged correction. Findings and figure rows are rebuilt in the same transaction.
 */
export function correctFigure(input: CorrectionInput, actor: Actor): CorrectionRecord {
	const authorId = authorOf(actor);
	const reason = input.reason.trim();
	if (!reason) throw new ActionError('请填写更正理由（例如：核对原件第3页，应为12）');
	if (reason.length > REASON_MAX) throw new ActionError(`更正理由不能超过${REASON_MAX}字`);
	const path = canonicalPath(input.cellPath);
	if (!path) throw new ActionError('该单元格不是可更正的数字');
	let value: Cell;
	if (typeof input.value === 'string') {
		const read = readCorrectionValue(path, input.value);
		if (!read.ok) throw new ActionError(read.message);
		value = read.value;
	} else value = input.value;

	const db = getDb();
	const tx = db.$client.transaction(() => {
		const eff = reports.effectiveModel(input.reportId);
		if (!eff) throw new ActionError('报告不存在或尚无可用的修订版本', 404);
		const old = getCell(eff, path);
		if (old === value) throw new ActionError('新数值与当前数值相同，无需更正');
		const row = db
			.insert(table.correction)
			.values({ reportId: input.reportId, cellPath: path, oldValue: old ?? null, newValue: value, reason, authorId })
			.returning({ id: table.correction.id })
			.get();
		audit(authorId, 'report.correct', {
			reportId: input.reportId,
			correctionId: row.id,
			cellPath: path,
			old: old ?? null,
			new: value,
			reason
		});
		recompute(input.reportId);
		testPause('CORRECTION');
		return row.id;
	});
	return getCorrection(writing(tx))!;
}

/** Undoes a correction (it stays in the log, marked undone) and rebuilds the report's effective state. */
export function undoCorrection(correctionId: number, actor: Actor, reportId?: number): CorrectionRecord {
	const undoneBy = authorOf(actor);
	const db = getDb();
	const tx = db.$client.transaction(() => {
		const row = db.select().from(table.correction).where(eq(table.correction.id, correctionId)).get();
		if (!row || (reportId !== undefined && row.reportId !== reportId)) throw new ActionError('更正记录不存在', 404);
		if (row.undoneAt !== null) throw new ActionError('该更正已撤销');
		db.update(table.correction)
			.set({ undoneAt: Date.now(), undoneBy })
			.where(and(eq(table.correction.id, correctionId), isNull(table.correction.undoneAt)))
			.run();
		audit(undoneBy, 'report.correct.undo', { reportId: row.reportId, correctionId, cellPath: row.cellPath });
		recompute(row.reportId);
	});
	writing(tx);
	return getCorrection(correctionId)!;
}

/**
 * Runs a correction's write transaction (IMMEDIATE: a web server and the CLI may write at once). A full disk or
 * a read-only database is the user's to know about, in Chinese; the transaction has rolled back.
 */
function writing<T>(tx: { immediate(): T }): T {
	try {
		return tx.immediate();
	} catch (e) {
		const problem = storageProblem(e);
		if (problem) throw new ActionError(problem, 503);
		throw e;
	}
}

const author = alias(table.user, 'author');
const undoer = alias(table.user, 'undoer');

function select() {
	return getDb()
		.select({
			id: table.correction.id,
			reportId: table.correction.reportId,
			cellPath: table.correction.cellPath,
			oldValue: table.correction.oldValue,
			newValue: table.correction.newValue,
			reason: table.correction.reason,
			authorId: table.correction.authorId,
			authorName: author.displayName,
			authorUsername: author.username,
			createdAt: table.correction.createdAt,
			undoneAt: table.correction.undoneAt,
			undoneBy: table.correction.undoneBy,
			undoneByName: undoer.displayName,
			undoneByUsername: undoer.username
		})
		.from(table.correction)
		.leftJoin(author, eq(author.id, table.correction.authorId))
		.leftJoin(undoer, eq(undoer.id, table.correction.undoneBy));
}

type Row = Awaited<ReturnType<ReturnType<typeof select>['all']>>[number];

function toRecord(r: Row, parsed: ReturnType<typeof reports.getRevision> | undefined): CorrectionRecord {
	return {
		id: r.id,
		reportId: r.reportId,
		cellPath: r.cellPath,
		label: cellLabel(r.cellPath),
		oldValue: r.oldValue,
		newValue: r.newValue,
		parsedValue: parsed ? getCell(parsed.model, r.cellPath) : undefined,
		reason: r.reason,
		authorId: r.authorId,
		authorName: r.authorName ?? r.authorUsername,
		createdAt: r.createdAt,
		undoneAt: r.undoneAt,
		undoneBy: r.undoneBy,
		undoneByName: r.undoneByName ?? r.undoneByUsername
	};
}

function currentRevision(reportId: number) {
	const rev = reports.get(reportId)?.currentRevisionId;
	return rev ? reports.getRevision(rev) : undefined;
}

function getCorrection(id: number): CorrectionRecord | undefined {
	const row = select().where(eq(table.correction.id, id)).get();
	return row && toRecord(row, currentRevision(row.reportId));
}

/** A report's corrections, newest first, undone ones included (marked). */
export function listCorrections(reportId: number): CorrectionRecord[] {
	const rows = select().where(eq(table.correction.reportId, reportId)).orderBy(desc(table.correction.id)).all();
	if (!rows.length) return [];
	const parsed = currentRevision(reportId);
	return rows.map((r) => toRecord(r, parsed));
}
