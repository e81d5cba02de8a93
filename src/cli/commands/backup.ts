import type { Command } from '../command';
import { parseArgs } from '../command';
import { refusingBackupErrors, reportMissing } from '../backup-outcome';
import { backupDatabase, filesDirOf } from '../../lib/server/backup';

const help = `backup FILE [--no-files]

Copies the database (DATABASE_URL) to FILE with SQLite's online backup API: safe while the server serves and
writes. The original files the copy refers to are copied to FILE.files/ (--no-files: only checked). Exit 1 when an
original is missing from the data directory (DATA_DIR), listing it.`;

const command: Command = {
	summary: 'online backup of the database and its original files',
	help,
	async run(args) {
		const { flags, positionals } = parseArgs(args, ['no-files']);
		const [file] = positionals;
		if (!file) {
			console.error(help);
			return 2;
		}
		return refusingBackupErrors('备份', async () => {
			const r = await backupDatabase(file, { withFiles: flags['no-files'] !== true });
			console.log(
				`备份完成 backup written: ${r.file} (${(r.bytes / 1024 / 1024).toFixed(1)} MB, ${r.reports} reports, ${r.revisions} revisions)`
			);
			console.log(
				`原始文件 originals: ${r.files.copied} copied, ${r.files.present} already there${flags['no-files'] === true ? ' (checked only)' : ` in ${filesDirOf(r.file)}`}`
			);
			return reportMissing(r.files.missing);
		});
	}
};

export default command;
