// Storage failures (a full disk, a read-only data directory) named for the user: what failed, that nothing was
// changed, and who can fix it. Anything else is not a storage failure and stays the caller's to report.

const DISK_FULL = '磁盘空间已满';
const ROLLED_BACK = '本次操作未保存（已回滚），原有数据未改动';
const ASK_ADMIN = '请管理员清理或扩充数据目录所在磁盘后重试';

/**
 * Writing an original file failed, whatever the system said: on a read-only mount a recursive mkdir reports
 * ENOENT, not EROFS, so the code alone does not tell a broken originals directory from a missing input.
 */
export class OriginalsWriteError extends Error {
	readonly code: string | undefined;
	constructor(path: string, cause: unknown) {
		super(`cannot write the original ${path}: ${cause instanceof Error ? cause.message : String(cause)}`, { cause });
		this.code = (cause as { code?: string } | null)?.code;
	}
}

/** The Chinese message for a storage failure `e`, or undefined when `e` is some other error. */
export function storageProblem(e: unknown): string | undefined {
	const code = (e as { code?: unknown } | null)?.code;
	if (e instanceof OriginalsWriteError && code !== 'ENOSPC' && code !== 'EDQUOT')
		return `原件目录无法写入（只读或权限不足）：${ROLLED_BACK}。请管理员检查数据目录的写入权限`;
	if (typeof code !== 'string') return undefined;
	// better-sqlite3 names the extended code (SQLITE_IOERR_WRITE …); the primary one is its prefix.
	if (code === 'SQLITE_FULL') return `${DISK_FULL}，数据库无法写入：${ROLLED_BACK}。${ASK_ADMIN}`;
	if (code === 'ENOSPC' || code === 'EDQUOT') return `${DISK_FULL}，原件无法保存：${ROLLED_BACK}。${ASK_ADMIN}`;
	if (code === 'SQLITE_READONLY' || code.startsWith('SQLITE_READONLY_'))
		return `数据库为只读，无法写入：${ROLLED_BACK}。请管理员检查数据库文件的写入权限`;
	if (code.startsWith('SQLITE_IOERR')) return `数据库写入磁盘出错：${ROLLED_BACK}。请管理员检查数据目录所在磁盘`;
	if (code === 'EACCES' || code === 'EPERM' || code === 'EROFS' || code === 'ENOTDIR')
		return `原件目录无法写入（只读或权限不足）：${ROLLED_BACK}。请管理员检查数据目录的写入权限`;
	return undefined;
}
