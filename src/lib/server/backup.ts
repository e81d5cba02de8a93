// Online backup and restore. The backup copies the database with SQLite's backup API (better-sqlite3's
// `backup()`), which reads a consistent snapshot page by page while the server goes on serving and writing, then
// copies the original files the snapshot refers to into `<FILE>.files/` (content-addressed, so each is checked
// against its name). A restore refuses while any process holds the database open, verifies the backup, and swaps
// it in whole (temp file + rename), WAL and shared-memory files of the old database removed.
import Database from 'better-sqlite3';
import {
	copyFileSync,
	existsSync,
	mkdirSync,
	readdirSync,
	readFileSync,
	readlinkSync,
	renameSync,
	rmSync,
	statSync
} from 'node:fs';
import { basename, dirname, join, resolve } from 'node:path';
import { randomBytes } from 'node:crypto';
import { databaseUrl } from './db';
import { dataDir, sha256Hex } from './files';

export class BackupError extends Error {}

export interface BackupResult {
	file: string;
	bytes: number;
	reports: number;
	revisions: number;
	/** Originals copied now, already in the backup folder, and missing from the data directory. */
	files: { copied: number; present: number; missing: string[] };
}

export function filesDirOf(backupFile: string): string {
	return `${resolve(backupFile)}.files`;
}

function originalsOf(db: Database.Database): string[] {
	return (
		db.prepare('SELECT DISTINCT file_path AS p FROM revision WHERE file_path IS NOT NULL').all() as { p: string }[]
	).map((r) => r.p);
}

function count(db: Database.Database, table: string): number {
	return (db.prepare(`SELECT count(*) AS n FROM ${table}`).get() as { n: number }).n;
}

/** Copies the live database to `file` and the originals it refers to beside it. */
export async function backupDatabase(
	file: string,
	opts: { withFiles?: boolean; dbUrl?: string; dataDirectory?: string } = {}
): Promise<BackupResult> {
	const source = resolve(opts.dbUrl ?? databaseUrl());
	if (!existsSync(source)) throw new BackupError(`数据库文件不存在：${source}`);
	const target = resolve(file);
	if (target === source) throw new BackupError('备份文件不能是数据库本身');
	mkdirSync(dirname(target), { recursive: true });
	const tmp = `${target}.${randomBytes(4).toString('hex')}.tmp`;
	const db = new Database(source, { fileMustExist: true });
	try {
		db.pragma('busy_timeout = 5000');
		await db.backup(tmp);
	} finally {
		db.close();
	}
	const snap = new Database(tmp, { fileMustExist: true });
	let result: BackupResult;
	try {
		const check = snap.pragma('integrity_check', { simple: true });
		if (check !== 'ok') throw new BackupError(`备份副本完整性检查未通过：${String(check)}`);
		snap.pragma('journal_mode = DELETE'); // a single self-contained file
		const files = { copied: 0, present: 0, missing: [] as string[] };
		const data = opts.dataDirectory ?? dataDir();
		const dest = filesDirOf(target);
		for (const rel of originalsOf(snap)) {
			const from = join(data, rel);
			const to = join(dest, rel);
			if (!existsSync(from)) {
				files.missing.push(rel);
				continue;
			}
			if (opts.withFiles === false) {
				files.present++;
				continue;
			}
			if (existsSync(to)) {
				files.present++;
				continue;
			}
			mkdirSync(dirname(to), { recursive: true });
			copyFileSync(from, `${to}.tmp`);
			renameSync(`${to}.tmp`, to);
			files.copied++;
		}
		result = { file: target, bytes: 0, reports: count(snap, 'report'), revisions: count(snap, 'revision'), files };
	} catch (e) {
		snap.close();
		rmSync(tmp, { force: true });
		throw e;
	}
	snap.close();
	renameSync(tmp, target);
	result.bytes = statSync(target).size;
	return result;
}

/** Process ids (other than this one) that hold `file` (or its -wal/-shm) open, from /proc; null where /proc is not. */
export function holdersOf(file: string): number[] | null {
	if (!existsSync('/proc/self/fd')) return null;
	const names = new Set([file, `${file}-wal`, `${file}-shm`].map((f) => resolve(f)));
	const out: number[] = [];
	for (const pid of readdirSync('/proc')) {
		if (!/^\d+$/.test(pid) || Number(pid) === process.pid) continue;
		let fds: string[];
		try {
			fds = readdirSync(`/proc/${pid}/fd`);
		} catch {
			continue; // gone, or not ours to look at
		}
		for (const fd of fds) {
			try {
				if (names.has(readlinkSync(`/proc/${pid}/fd/${fd}`))) {
					out.push(Number(pid));
					break;
				}
			} catch {
				/* closed meanwhile */
			}
		}
	}
	return out;
}

export interface RestoreResult {
	reports: number;
	revisions: number;
	files: { restored: number; missing: string[] };
}

/** Replaces the database with the backup `file` (and restores its originals); refuses while the database is held. */
export function restoreDatabase(file: string, opts: { dbUrl?: string; dataDirectory?: string } = {}): RestoreResult {
	const source = resolve(file);
	if (!existsSync(source)) throw new BackupError(`备份文件不存在：${source}`);
	const target = resolve(opts.dbUrl ?? databaseUrl());
	const holders = holdersOf(target);
	if (holders === null) throw new BackupError('无法确认数据库是否正在使用（系统没有 /proc）：请先停止服务器，再恢复');
	if (holders.length)
		throw new BackupError(`数据库正在被进程 ${holders.join('、')} 使用（服务器或导入仍在运行）：请先停止它们，再恢复`);

	let bak: Database.Database;
	try {
		bak = new Database(source, { readonly: true, fileMustExist: true });
	} catch (e) {
		throw new BackupError(`不是可读的备份文件：${(e as Error).message}`);
	}
	let result: RestoreResult;
	try {
		const check = bak.pragma('integrity_check', { simple: true });
		if (check !== 'ok') throw new BackupError(`备份文件完整性检查未通过：${String(check)}`);
		const tables = new Set(
			(bak.prepare("SELECT name FROM sqlite_master WHERE type = 'table'").all() as { name: string }[]).map(
				(t) => t.name
			)
		);
		for (const t of ['report', 'revision', 'user', 'organ'])
			if (!tables.has(t)) throw new BackupError(`不是本系统的备份文件：缺少表 ${t}`);
		const data = opts.dataDirectory ?? dataDir();
		const from = filesDirOf(source);
		const files = { restored: 0, missing: [] as string[] };
		for (const rel of originalsOf(bak)) {
			const to = join(data, rel);
			if (existsSync(to)) continue;
			const src = join(from, rel);
			if (!existsSync(src) || sha256Hex(readFileSync(src)) !== rel.replace(/^files\/(..)\//, '$1')) {
				files.missing.push(rel);
				continue;
			}
			mkdirSync(dirname(to), { recursive: true });
			copyFileSync(src, `${to}.tmp`);
			renameSync(`${to}.tmp`, to);
			files.restored++;
		}
		result = { reports: count(bak, 'report'), revisions: count(bak, 'revision'), files };
	} finally {
		bak.close();
	}
	mkdirSync(dirname(target), { recursive: true });
	const tmp = join(dirname(target), `.${basename(target)}.${randomBytes(4).toString('hex')}.restore`);
	copyFileSync(source, tmp);
	for (const side of [`${target}-wal`, `${target}-shm`]) rmSync(side, { force: true });
	renameSync(tmp, target);
	return result;
}
