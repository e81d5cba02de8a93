import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import type { Command } from '../command';
import { parseArgs } from '../command';
import { closeDb } from '../../lib/server/db';
import { importFiles, type ImportResult, type ImportStatus } from '../../lib/server/import';
import type { Actor } from '../../lib/auth/actor';
import { createParsePool } from '../../lib/server/parse-pool';
import { availableParallelism } from 'node:os';
import * as users from '../../lib/server/users';
import { isRole } from '../../lib/auth/permissions';

const help = `import PATH... [--as <username>] [--roster-only] [--workers N] [--json] [--verbose] [--quiet]

Imports annual reports (.txt .html .htm .docx .pdf), publication logs (.csv .xlsx: columns organ/单位,
published_on/发布日期, title/标题, channel/栏目, url/链接) and .zip archives of them. Folders are read recursively.
Each file is one transaction: the same bytes again are a no-op, a different file for the same organ and year
becomes a new revision (the old one kept).

  --as <username>  import as that user (a clerk may only import its own organ); default: as an administrator
  --roster-only    refuse reports of organs not on the roster (by name or alias) instead of keeping them pending

A report of an organ that matches no roster name or alias is stored and its organ waits as pending (新单位，
待确认: never counted until an admin adds it, assigns it to a roster organ or marks it outside, on
/admin/organs/pending); the summary lists the pending organs. Into an empty roster (a fresh installation) the
first import's organs are taken as the roster. A folder's roster.csv / roster.xlsx is left out: load it with
\`roster import\` first.
  --workers N      parse on N worker threads (default: the number of cores; 0: in the main thread)
  --json           print the per-file results as JSON on stdout instead of the summary
  --verbose        one line per file in the summary, not only the refused ones
  --quiet          no progress line on stderr

Exit status: 0 when every file was imported or was a duplicate, 1 when any was refused (the others are still
imported), 2 on a usage error. The database is DATABASE_URL (default data/disclosure-watch.db); originals are kept
under DATA_DIR (default: the database's folder)/files.`;

const EXTENSIONS = /\.(txt|html?|docx|pdf|zip|csv|xlsx|xlsm)$/i;
/** The generator writes the roster beside the reports: it is loaded by `roster import`, not as a publication log. */
const ROSTER_FILE = /^roster\.(csv|xlsx)$/i;
const BATCH = 200;

const LABELS: Record<ImportStatus, string> = {
	imported: '已导入',
	imported_with_findings: '已导入（有检查发现）',
	duplicate: '重复（未改动）',
	refused: '拒绝'
};

/** Files under the given paths: named files always, folders recursively (known extensions, no hidden files). */
function collectPaths(paths: string[]): { files: string[]; missing: string[] } {
	const files: string[] = [];
	const missing: string[] = [];
	const walk = (dir: string) => {
		for (const name of readdirSync(dir).sort()) {
			if (name.startsWith('.')) continue;
			const full = join(dir, name);
			const st = statSync(full);
			if (st.isDirectory()) walk(full);
			else if (st.isFile() && EXTENSIONS.test(name) && !ROSTER_FILE.test(name)) files.push(full);
		}
	};
	for (const p of paths) {
		let st;
		try {
			st = statSync(p);
		} catch {
			missing.push(p);
			continue;
		}
		if (st.isDirectory()) walk(p);
		else files.push(p);
	}
	return { files, missing };
}

function actorFor(username: string | undefined): Actor {
	if (!username) return { id: null, role: 'admin', organId: null };
	const u = users.byUsername(username);
	if (!u) throw new Error(`没有这个用户：${username}`);
	if (!isRole(u.role)) throw new Error(`用户 ${username} 的角色无效：${u.role}`);
	return { id: u.id, role: u.role, organId: u.organId };
}

function describe(r: ImportResult): string {
	const what = [r.organ, r.year ? `${r.year}年` : '', r.template ? `${r.template}版` : ''].filter(Boolean).join(' ');
	const extra =
		r.kind === 'publication_log'
			? `新增${r.added ?? 0}条，重复${r.duplicates ?? 0}条`
			: [r.newRevision ? '新修订版本' : '', r.findings ? `${r.findings}项发现` : ''].filter(Boolean).join('，');
	return [`${LABELS[r.status]}\t${r.file}`, what, extra, r.reason ?? '', r.detail ?? ''].filter(Boolean).join('\t');
}

const command: Command = {
	summary: 'import reports, publication logs and .zip archives (files or folders)',
	help,
	async run(args) {
		const { flags, positionals } = parseArgs(args, ['json', 'verbose', 'quiet', 'roster-only']);
		if (!positionals.length) {
			console.error(help);
			return 2;
		}
		let actor: Actor;
		try {
			actor = actorFor(typeof flags.as === 'string' ? flags.as : undefined);
		} catch (e) {
			console.error((e as Error).message);
			closeDb();
			return 2;
		}
		const { files, missing } = collectPaths(positionals);
		const results: ImportResult[] = missing.map((p) => ({ file: p, status: 'refused', reason: '文件或文件夹不存在' }));
		const counts: Record<ImportStatus, number> = {
			imported: 0,
			imported_with_findings: 0,
			duplicate: 0,
			refused: missing.length
		};
		const showProgress = !flags.quiet && !flags.json;
		const tty = process.stderr.isTTY;
		const started = Date.now();
		let lastPrint = 0;
		let lastState = '';
		const progress = (inputDone: number, current: string, force = false) => {
			if (!showProgress) return;
			const now = Date.now();
			if (!force && now - lastPrint < (tty ? 100 : 2000)) return;
			lastPrint = now;
			const rate = results.length / Math.max(0.001, (now - started) / 1000);
			const state = `导入 ${inputDone}/${files.length} 个文件 · 已导入 ${counts.imported + counts.imported_with_findings} · 重复 ${counts.duplicate} · 拒绝 ${counts.refused}`;
			// A log (not a terminal) gets no final line repeating the last one.
			if (!tty && force && state === lastState) return;
			lastState = state;
			const line = `${state} · ${rate.toFixed(0)} 个/秒 · ${current}`;
			if (tty) process.stderr.write(`\r\x1b[K${line.slice(0, (process.stderr.columns || 120) - 1)}`);
			else process.stderr.write(`${line}\n`);
		};

		const workers = flags.workers === undefined ? availableParallelism() : Number(flags.workers);
		const pool = files.length > 8 && workers > 0 ? createParsePool(workers) : null;
		try {
			for (let i = 0; i < files.length; i += BATCH) {
				const batch = files.slice(i, i + BATCH).map((f) => ({ name: f, bytes: new Uint8Array(readFileSync(f)) }));
				const inputIndex = new Map(batch.map((b, j) => [b.name, i + j + 1]));
				await importFiles(
					batch,
					actor,
					({ result }) => {
						results.push(result);
						counts[result.status]++;
						const top = result.file.match(/^(.*?\.zip)(\/|$)/i)?.[1] ?? result.file;
						progress(inputIndex.get(top) ?? i, result.file);
					},
					{ pool, rosterOnly: flags['roster-only'] === true }
				);
			}
		} finally {
			await pool?.close();
			if (showProgress) {
				progress(files.length, '完成', true);
				if (tty) process.stderr.write('\n');
			}
			closeDb();
		}

		if (flags.json) console.log(JSON.stringify(results, null, 2));
		else {
			const lines = results.filter((r) => flags.verbose || r.status === 'refused').map(describe);
			if (lines.length) console.log(lines.join('\n'));
			const secs = (Date.now() - started) / 1000;
			console.log(
				`共 ${results.length} 个文件：已导入 ${counts.imported + counts.imported_with_findings}（其中有检查发现 ${counts.imported_with_findings}，` +
					`新修订版本 ${results.filter((r) => r.newRevision).length}），重复 ${counts.duplicate}，拒绝 ${counts.refused}；用时 ${secs.toFixed(1)} 秒`
			);
			const seeded = new Set(results.filter((r) => r.rosterSeeded).map((r) => r.organ));
			if (seeded.size) console.log(`名册原为空：本次导入的 ${seeded.size} 个单位已作为本区名册`);
			const pending = [...new Set(results.filter((r) => r.organStatus === 'pending' && r.organ).map((r) => r.organ!))];
			if (pending.length)
				console.log(
					`待确认单位 ${pending.length} 个（不计入总览，请在 /admin/organs/pending 处理）：\n${pending.map((n) => `  ${n}`).join('\n')}`
				);
		}
		return counts.refused > 0 ? 1 : 0;
	}
};

export default command;
