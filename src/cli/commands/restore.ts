import type { Command } from '../command';
import { parseArgs } from '../command';
import { refusingBackupErrors, reportMissing } from '../backup-outcome';
import { restoreDatabase } from '../../lib/server/backup';
import { closeDb, openDatabase, databaseUrl } from '../../lib/server/db';

const help = `restore FILE

Replaces the database (DATABASE_URL) with the backup FILE made by \`backup\`, and restores the original files from
FILE.files/ into the data directory (DATA_DIR). Refuses while any process (the server, an import) holds the
database open: stop them first. The backup is checked (integrity, tables) before anything is replaced, and the
restored database is migrated to this version.`;

const command: Command = {
	summary: 'restore a backup (refused while the server holds the database)',
	help,
	async run(args) {
		const { positionals } = parseArgs(args);
		const [file] = positionals;
		if (!file) {
			console.error(help);
			return 2;
		}
		return refusingBackupErrors('恢复', async () => {
			const r = restoreDatabase(file);
			// Migrate a backup made by an older version, and prove the result opens.
			const db = openDatabase(databaseUrl());
			const ok = db.$client.pragma('integrity_check', { simple: true });
			db.$client.close();
			closeDb();
			console.log(
				`恢复完成 restored: ${r.reports} reports, ${r.revisions} revisions; ${r.files.restored} original files restored; integrity ${ok}`
			);
			return reportMissing(r.files.missing);
		});
	}
};

export default command;
