// What backup and restore print at the end: the originals that were missing (exit 1), and a BackupError as one
// Chinese line (exit 1) instead of a stack trace.
import { BackupError } from '../lib/server/backup';

/** Lists up to 50 missing originals on stderr; 1 when any are missing, else 0. */
export function reportMissing(missing: string[]): number {
	if (!missing.length) return 0;
	console.error(`缺少原始文件 missing originals (${missing.length}):`);
	for (const m of missing.slice(0, 50)) console.error(`  ${m}`);
	return 1;
}

/** Runs a backup or restore step; a BackupError becomes `${what}失败：…` and exit 1. */
export async function refusingBackupErrors(what: string, run: () => Promise<number>): Promise<number> {
	try {
		return await run();
	} catch (e) {
		if (!(e instanceof BackupError)) throw e;
		console.error(`${what}失败：${e.message}`);
		return 1;
	}
}
