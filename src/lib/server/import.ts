// The one import path, for the CLI and the browser: files (reports, publication logs) and .zip archives in,
// one result per file out. Each file is its own transaction; its original is stored (content-addressed) before
// the transaction commits, so a crash leaves whole reports and at most an orphan file, never half a report.
import type { Organ } from './db/schema';
import { getDb } from './db';
import * as organs from './organs';
import * as reports from './reports/read';
import { addRevision } from './reports/write';
import { audit } from './audit';
import { sha256Hex, storeOriginal } from './files';
import {
	containerProblem,
	isZipName,
	newZipBudget,
	openZip,
	ZipRefusal,
	type LazyZipEntry,
	type ZipLimits
} from './zip';
import { isPublicationLogName, PublicationLogRefusal, readPublicationLog, storePublications } from './publication-log';
import { PARSER_VERSION } from '../report/parse';
import { createParsePool, parseHere, type ParseOutcome, type ParsePool } from './parse-pool';
import { can, canImportForOrgan } from '../auth/permissions';
import type { Actor } from '../auth/actor';
import { testPause } from './faults/test-pause';
import { storageProblem } from './faults/storage-error';
import { afterRequestsAnswered } from './requests-in-flight';

export interface ImportInput {
	/** Shown in the results; a path is fine (`2022/科工信局.txt`, `upload.zip/2022/a.txt`). */
	name: string;
	bytes: Uint8Array;
}

export type ImportStatus = 'imported' | 'imported_with_findings' | 'duplicate' | 'refused';

export interface ImportResult {
	file: string;
	status: ImportStatus;
	/** Why it was refused (Chinese, for the user); for a publication log, the rows left out. */
	reason?: string;
	/** The technical cause behind a failure (often English): for the log and the CLI, never shown in the UI. */
	detail?: string;
	kind?: 'report' | 'publication_log';
	organ?: string;
	organId?: number;
	year?: number;
	template?: string;
	reportId?: number;
	revisionId?: number;
	/** True when the file became a new revision of a report that already had one. */
	newRevision?: boolean;
	findings?: number;
	/** Publication logs: rows added, rows already known. */
	added?: number;
	duplicates?: number;
	/** The organ's roster status after the import: `pending` when its name matched no roster name or alias. */
	organStatus?: string;
	/** True when this file created its organ. */
	newOrgan?: boolean;
	/** True when the roster was empty and this import's organs became the roster (a fresh installation). */
	rosterSeeded?: boolean;
}

export interface ImportProgress {
	done: number;
	total: number;
	file: string;
	result: ImportResult;
}

export interface ImportLimits {
	/** One file (a report or a log, also inside a zip). */
	maxFileBytes: number;
	/** One uploaded .zip archive. */
	maxZipBytes: number;
	zip: Partial<ZipLimits>;
}

const MB = 1024 * 1024;

/** IMPORT_MAX_FILE_MB (default 20) and IMPORT_MAX_ZIP_MB (default 200): the browser upload limit uses these too. */
export function importLimits(): ImportLimits {
	const env = (k: string, d: number) => (Number(process.env[k]) > 0 ? Number(process.env[k]) : d);
	return { maxFileBytes: env('IMPORT_MAX_FILE_MB', 20) * MB, maxZipBytes: env('IMPORT_MAX_ZIP_MB', 200) * MB, zip: {} };
}

export const REASONS = {
	tooLarge: (limit: number) => `文件超过上限 ${Math.round(limit / MB)} MB，未导入`,
	noYear: '无法确定报告年度（标题或统计期限中没有年份），未导入',
	noOrgan: '无法确定发布单位（标题中没有机关名称），未导入',
	noPermission: '当前账号没有导入权限',
	unknownOrgan: (name: string) => `单位“${name}”尚未登记：联络员只能上传本单位的报告，新单位须由管理员或督查员导入`,
	notOnRoster: (name: string) => `单位“${name}”不在本区名册中，未导入（--roster-only：只导入名册单位的报告）`,
	pendingOrgan: '新单位，待确认',
	otherOrgan: (name: string, own: string) => `联络员只能上传本单位（${own}）的报告，此文件是“${name}”的报告`,
	parseFailed: '解析出错，未导入：文件内容无法读取，请检查文件是否损坏或另存为其他格式后重试',
	failed: '导入出错，未导入（已回滚），请稍后重试；仍失败请联系管理员'
};

export interface ImportOptions {
	limits?: ImportLimits;
	/** Parse on this many worker threads (where the sources allow it; see parse-pool.ts). 0: in this thread. */
	workers?: number;
	/** A pool the caller keeps across calls (the CLI's batches); not closed here. */
	pool?: ParsePool | null;
	/** Refuse reports of organs whose name matches no organ (the CLI's --roster-only): nothing pending is created. */
	rosterOnly?: boolean;
	/**
	 * Whether new organs join the roster. Default: only when the roster is empty at the start of the call and the
	 * actor may import any organ (a fresh installation's first import); otherwise they wait as pending.
	 */
	seedRoster?: boolean;
}

/** What every file of one call shares. */
interface Context {
	organCache: Map<string, Organ | undefined>;
	rosterOnly: boolean;
	seedRoster: boolean;
}

/** A file to import: given, an archive entry still to inflate, or already decided. */
type Task = { input: ImportInput } | { entry: LazyZipEntry; file: string } | { result: ImportResult };

/** A file checked up to the parse: either its result is already known, or its parse is under way. */
type Prepared =
	| { result: ImportResult }
	| { log: ImportInput }
	| { input: ImportInput; sha256: string; parsed: Promise<ParseOutcome> };

/**
 * Imports files and archives as `actor`. Results come in input order (a zip's entries in its place, each named
 * `archive.zip/path/in/archive`). `onProgress` is called after each file. Files are parsed ahead (on worker
 * threads when asked) but stored one by one, in order, each in its own transaction.
 */
export async function importFiles(
	inputs: ImportInput[],
	actor: Actor,
	onProgress?: (p: ImportProgress) => void,
	options: ImportOptions = {}
): Promise<ImportResult[]> {
	const limits = options.limits ?? importLimits();
	const tasks: Task[] = [];
	// One allowance for the whole upload: a second archive does not get a fresh one.
	const budget = newZipBudget();
	for (const input of inputs) {
		if (!isZipName(input.name)) {
			tasks.push({ input });
			continue;
		}
		if (input.bytes.length > limits.maxZipBytes) {
			tasks.push({ result: refused(input.name, REASONS.tooLarge(limits.maxZipBytes)) });
			continue;
		}
		try {
			// Checked from the directories alone; each entry is inflated only when the import reaches it.
			const { entries, refused: bad } = openZip(
				input.bytes,
				{ maxEntryBytes: limits.maxFileBytes, ...limits.zip },
				budget
			);
			for (const e of entries) tasks.push({ entry: e, file: `${input.name}/${e.name}` });
			for (const b of bad) tasks.push({ result: refused(`${input.name}/${b.name}`, b.reason) });
		} catch (e) {
			if (!(e instanceof ZipRefusal)) throw e;
			tasks.push({ result: refused(input.name, e.message) });
		}
	}

	const ownPool =
		options.pool === undefined && (options.workers ?? 0) > 0 && tasks.length > 8
			? createParsePool(options.workers!)
			: null;
	const pool = options.pool ?? ownPool;
	const parse = (bytes: Uint8Array, name: string) => (pool ? pool.parse(bytes, name) : parseHere(bytes, name));
	const ahead = pool ? 16 : 0;
	const prepared: (Prepared | undefined)[] = [];
	const results: ImportResult[] = [];
	// Organs by name for this call only: a district's files name the same few dozen organs over and over.
	const ctx: Context = {
		organCache: new Map<string, Organ | undefined>(),
		rosterOnly: !!options.rosterOnly,
		seedRoster: options.seedRoster ?? (can(actor.role, 'reports.import') && organs.rosterIsEmpty())
	};
	try {
		for (let i = 0; i < tasks.length; i++) {
			// Read ahead (archive entries inflated, parses queued) up to `ahead` files and AHEAD_BYTES of them.
			let inFlight = 0;
			for (let j = i; j <= Math.min(tasks.length - 1, i + ahead); j++) {
				if (j > i && inFlight > AHEAD_BYTES) break;
				prepared[j] ??= prepare(tasks[j], actor, limits, parse);
				inFlight += preparedBytes(prepared[j]!);
			}
			const p = prepared[i]!;
			prepared[i] = undefined;
			await nextTurn();
			let result: ImportResult;
			try {
				result =
					'result' in p
						? p.result
						: 'log' in p
							? await importLog(p.log, actor, ctx)
							: store(p.input, p.sha256, await p.parsed, actor, ctx);
			} catch (e) {
				// One file's failure (a busy database past the timeout, a full disk) is that file's result; its
				// transaction rolled back, and the other files go on.
				const detail = e instanceof Error ? e.message : String(e);
				console.error(`import failed: ${detail}`);
				result = refused(taskFile(tasks[i]), storageProblem(e) ?? REASONS.failed, { detail });
			}
			results.push(result);
			onProgress?.({ done: results.length, total: tasks.length, file: result.file, result });
		}
	} finally {
		await ownPool?.close();
	}
	return results;
}

/**
 * Lets the server answer the requests that came in meanwhile before this call stores its next file, also its
 * first (the import page sends one file per request: each of those then waits for the pages being answered).
 * Awaiting a parse the worker has already finished resumes at once (a microtask), so without this a batch whose
 * parses run ahead of its stores would store every file in one stretch and hold every other user until the last;
 * and one turn of the loop between files is not enough either, since a request takes several turns to answer.
 */
function nextTurn(): Promise<void> {
	return afterRequestsAnswered(GIVE_WAY_MS);
}
/** Longest wait for other requests before a file is stored. */
const GIVE_WAY_MS = 100;

/** Bytes held by files read ahead of the one being stored: a zip of large entries is not all inflated at once. */
const AHEAD_BYTES = 64 * MB;
function preparedBytes(p: Prepared): number {
	return 'input' in p ? p.input.bytes.length : 'log' in p ? p.log.bytes.length : 0;
}

function taskFile(task: Task): string {
	return 'input' in task ? task.input.name : 'entry' in task ? task.file : task.result.file;
}

function prepare(
	task: Task,
	actor: Actor,
	limits: ImportLimits,
	parse: (b: Uint8Array, n: string) => Promise<ParseOutcome>
): Prepared {
	if ('result' in task) return task;
	let input: ImportInput;
	if ('entry' in task) {
		try {
			input = { name: task.file, bytes: task.entry.read() };
		} catch (e) {
			return { result: refused(task.file, (e as Error).message) };
		}
	} else input = task.input;
	const file = input.name;
	if (!can(actor.role, 'reports.import') && !can(actor.role, 'reports.import_own'))
		return { result: refused(file, REASONS.noPermission) };
	if (input.bytes.length > limits.maxFileBytes) return { result: refused(file, REASONS.tooLarge(limits.maxFileBytes)) };
	// DOCX and XLSX are zips too: their readers would inflate whatever the directory says.
	const bomb = isZipBytes(input.bytes)
		? containerProblem(input.bytes, { maxTotalBytes: limits.maxFileBytes * 20, ...limits.zip })
		: null;
	if (bomb) return { result: refused(file, bomb) };
	if (isPublicationLogName(file)) return { log: input };
	const sha256 = sha256Hex(input.bytes);
	const dup = duplicateOf(file, sha256, actor);
	if (dup) return { result: dup };
	return { input, sha256, parsed: parse(input.bytes, baseName(file)) };
}

function isZipBytes(b: Uint8Array): boolean {
	return b.length > 4 && b[0] === 0x50 && b[1] === 0x4b && b[2] === 0x03 && b[3] === 0x04;
}

function refused(file: string, reason: string, extra: Partial<ImportResult> = {}): ImportResult {
	return { file, status: 'refused', reason, ...extra };
}

function baseName(name: string): string {
	return name.slice(name.lastIndexOf('/') + 1);
}

function store(input: ImportInput, sha256: string, parsed: ParseOutcome, actor: Actor, ctx: Context): ImportResult {
	const { organCache } = ctx;
	const file = input.name;
	if ('refusal' in parsed) return refused(file, parsed.refusal, { kind: 'report' });
	if ('error' in parsed) return refused(file, REASONS.parseFailed, { kind: 'report', detail: parsed.error });
	const model = parsed.model;
	const base: Partial<ImportResult> = {
		kind: 'report',
		organ: model.organ || undefined,
		year: model.year ?? undefined,
		template: model.template
	};
	if (!model.year) return refused(file, REASONS.noYear, base);
	if (!model.organ?.trim()) return refused(file, REASONS.noOrgan, base);

	if (!organCache.has(model.organ)) organCache.set(model.organ, organs.findByName(model.organ));
	const known = organCache.get(model.organ);
	if (!known && !can(actor.role, 'reports.import')) return refused(file, REASONS.unknownOrgan(model.organ), base);
	if (!known && ctx.rosterOnly) return refused(file, REASONS.notOnRoster(model.organ), base);
	if (known && !canImportForOrgan(actor, known.id)) {
		const own = actor.organId === null ? '未绑定单位' : (organs.get(actor.organId)?.name ?? String(actor.organId));
		return refused(file, REASONS.otherOrgan(known.name, own), { ...base, organ: known.name, organId: known.id });
	}

	const stored = storeOriginal(input.bytes, sha256);
	const year = model.year;
	const db = getDb();
	const outcome = db.$client
		.transaction((): ImportResult => {
			// IMMEDIATE (as every write here): a web server and the CLI may import at once, and a deferred transaction
			// that reads first cannot wait for the other writer. Checked again inside: the other may have imported the
			// same bytes meanwhile.
			const again = duplicateOf(file, sha256, actor);
			if (again) return again;
			// Found again inside: another writer may have created it meanwhile.
			const found = known ?? organs.findByName(model.organ);
			const organ = found ?? organs.ensure(model.organ, undefined, ctx.seedRoster ? 'district' : 'pending');
			const rev = addRevision({
				organId: organ.id,
				year,
				model,
				sha256,
				fileName: baseName(file),
				format: model.source.format,
				encoding: model.source.encoding ?? null,
				filePath: stored.path,
				fileSize: input.bytes.length,
				parserVersion: model.parser_version ?? PARSER_VERSION,
				importedBy: actor.id
			});
			audit(
				actor.id,
				'report.import',
				{ file, reportId: rev.reportId, revisionId: rev.revisionId, sha256 },
				db.$client
			);
			testPause('IMPORT');
			return {
				file,
				status: rev.findings.length ? 'imported_with_findings' : 'imported',
				kind: 'report',
				organ: organ.name,
				organId: organ.id,
				year,
				template: model.template,
				reportId: rev.reportId,
				revisionId: rev.revisionId,
				newRevision: !rev.created,
				findings: rev.findings.length,
				organStatus: organ.status,
				newOrgan: !found || undefined,
				rosterSeeded: (!found && ctx.seedRoster) || undefined,
				reason: organ.status === 'pending' ? REASONS.pendingOrgan : undefined
			};
		})
		.immediate();
	// Remembered only once committed: a rolled-back organ must not be reused.
	if (!known && outcome.organId !== undefined) organCache.delete(model.organ);
	return outcome;
}

/** The result for bytes already stored (a no-op), or undefined. A clerk learns nothing of other organs' files. */
function duplicateOf(file: string, sha256: string, actor: Actor): ImportResult | undefined {
	const hit = reports.findBySha(sha256);
	if (!hit) return undefined;
	const r = reports.get(hit.reportId);
	if (!r) return undefined;
	if (!canImportForOrgan(actor, r.organId)) {
		const own = actor.organId === null ? '未绑定单位' : (organs.get(actor.organId)?.name ?? String(actor.organId));
		return refused(file, REASONS.otherOrgan(r.organName, own), { kind: 'report' });
	}
	return {
		file,
		status: 'duplicate',
		kind: 'report',
		organ: r.organName,
		organId: r.organId,
		year: r.year,
		template: r.template ?? undefined,
		reportId: r.id,
		revisionId: hit.revisionId,
		reason:
			hit.revisionId === r.currentRevisionId
				? '与已导入的文件完全相同，未改动'
				: '与该报告的一个历史版本完全相同，未改动（可在历史中恢复）'
	};
}

async function importLog(input: ImportInput, actor: Actor, ctx: Context): Promise<ImportResult> {
	const file = input.name;
	let read;
	try {
		read = await readPublicationLog(file, input.bytes);
	} catch (e) {
		if (e instanceof PublicationLogRefusal) return refused(file, e.message, { kind: 'publication_log' });
		throw e;
	}
	const problems = [...read.problems];
	if (!read.rows.length)
		return refused(file, describe(problems) || '发布记录表中没有数据行', { kind: 'publication_log' });
	storeOriginal(input.bytes);
	const res = storePublications(read.rows, actor, ctx.seedRoster ? 'district' : 'pending');
	problems.push(...res.skipped);
	problems.sort((a, b) => a.line - b.line);
	const base: ImportResult = {
		file,
		kind: 'publication_log',
		status: 'imported',
		added: res.added,
		duplicates: res.duplicates,
		reason: describe(problems) || undefined
	};
	if (res.organIds.length === 1) {
		base.organId = res.organIds[0];
		base.organ = organs.get(res.organIds[0])?.name;
	}
	if (res.added === 0 && res.duplicates === 0) return { ...base, status: 'refused' };
	if (res.added === 0) return { ...base, status: 'duplicate' };
	return base;
}

function describe(problems: { line: number; reason: string }[]): string {
	if (!problems.length) return '';
	const shown = problems.slice(0, 5).map((p) => `第${p.line}行：${p.reason}`);
	return `${problems.length}行未导入（${shown.join('；')}${problems.length > 5 ? '；…' : ''}）`;
}
