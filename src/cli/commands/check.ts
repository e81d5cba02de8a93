// `check FILE [--organ NAME] [--json]`: a draft checked as an import would check it, nothing written.
import { existsSync } from 'node:fs';
import { readFile, stat } from 'node:fs/promises';
import { basename } from 'node:path';
import type { Command } from '../command';
import { onePositional, parseArgs } from '../command';
import { closeDb, databaseUrl } from '../../lib/server/db';
import { checkDraftBytes, DraftRefusal } from '../../lib/server/drafts/check';
import { MAX_BYTES } from '../../lib/report/decode';
import { REFUSALS } from '../../lib/report/parse';
import type { FixItem } from '../../lib/drafts/fix-list';

const help = `check FILE [--organ NAME] [--json]

Checks a draft annual report (txt, html, docx, pdf) exactly as an import would — the report's own checks, the
template for its year, and the cross-year checks (Y1 carry-over, X3 jumps, X5 copied text) against the organ's
report of the year before stored in the database — and lists what to fix before publishing. Nothing is written.
  --organ NAME  check as this organ (name or alias) instead of the one in the draft's title; an organ the
                database does not hold is checked on the report alone
  --json        print the check as JSON: file, organ, organId, year, template, comparedWith, clean, errors,
                warnings, blocking, findings, fixes
Exit 0 when there is no error-level finding (warnings are listed but do not fail), 1 with errors (or when the
import would refuse the file), 2 when the file is not a report. The database is DATABASE_URL (default
data/disclosure-watch.db); without one the draft is checked on its own.`;
import { fileReason } from '../file-reason';

const LABEL: Record<FixItem['severity'], string> = {
	blocking: '无法导入',
	error: '错误',
	warning: '警告',
	info: '提示'
};

const command: Command = {
	summary: 'check a draft report as an import would, without storing it (exit 1 on errors)',
	help,
	async run(args) {
		const { flags, positionals } = parseArgs(args, ['json']);
		const file = onePositional(positionals, 'check: 请给出一个文件 (exactly one FILE; see --help)');
		if (file === null) return 2;
		let bytes: Uint8Array;
		try {
			if ((await stat(file)).size > MAX_BYTES) throw new DraftRefusal(REFUSALS.tooLarge, 'not_report');
			bytes = new Uint8Array(await readFile(file));
		} catch (e) {
			console.error(`${file}: ${e instanceof DraftRefusal ? e.message : fileReason(e)}`);
			return 2;
		}
		// No database file: do not create one just to find it empty.
		const url = databaseUrl();
		const useDatabase = url !== ':memory:' && existsSync(url);
		try {
			const organName = typeof flags.organ === 'string' ? flags.organ : undefined;
			const { check } = await checkDraftBytes(bytes, basename(file), { organName, useDatabase });
			if (flags.json) console.log(JSON.stringify({ file, ...check }, null, 2));
			else {
				const head = `${file}: ${check.organ || '（未识别单位）'} · ${check.year ?? '（未识别年份）'}年 · ${check.template === 'free' ? '无表格' : `${check.template}年模板`}`;
				const against = check.comparedWith
					? `已与库中${check.comparedWith}年报告核对上年结转等`
					: useDatabase && check.organId
						? '库中没有上一年度报告，跨年检查未做'
						: '未与库中报告核对（单位未登记或无数据库）';
				console.log(`${head}\n  ${against}`);
				if (!check.fixes.length) console.log('  未发现问题，可以发布');
				check.fixes.forEach((f, i) => {
					console.log(`  ${i + 1}. [${LABEL[f.severity]}${f.rule ? ' ' + f.rule : ''} ${f.title}] ${f.problem}`);
					if (f.where.length) console.log(`     位置：${f.where.join('；')}`);
					console.log(`     怎么改：${f.todo}`);
				});
				console.log(`  错误 ${check.errors + check.blocking.length} 项，警告及提示 ${check.warnings} 项`);
			}
			return check.clean ? 0 : 1;
		} catch (e) {
			if (!(e instanceof DraftRefusal)) throw e;
			console.error(`${file}: ${e.message}`);
			return 2;
		} finally {
			closeDb();
		}
	}
};

export default command;
