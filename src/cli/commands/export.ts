import { writeFileSync } from 'node:fs';
import type { Command } from '../command';
import { parseArgs } from '../command';
import { closeDb, getDb } from '../../lib/server/db';
import { parseQuarter, quarterKey, quarterLabel, quarterRange } from '../../lib/assessment/quarter';
import { getSheet, isClosed } from '../../lib/server/assessment';
import { assessmentXlsx } from '../../lib/server/export/assessment-xlsx';
import { assessmentNoticeDocx } from '../../lib/server/export/assessment-docx';

const help = `export assessment --quarter 2025Q1 --out FILE [--format xlsx|docx]

Writes the quarterly assessment sheet (季度考核表) as XLSX: sheets 汇总, 扣分明细, 问题清单, 图表; with
--format docx (or an --out ending in .docx) the 通报 draft instead. A closed (定稿) quarter is written from its
frozen snapshot; an open one is scored now under the latest rubric.

Exit status: 0 when written; 2 on a usage error, an invalid quarter, a quarter with no data to assess, or a
database without organs. The database is DATABASE_URL (default data/disclosure-watch.db).`;

function fail(message: string): number {
	console.error(message);
	return 2;
}

const command: Command = {
	summary: 'export the quarterly assessment sheet as XLSX',
	help,
	async run(args) {
		const { flags, positionals } = parseArgs(args);
		if (positionals[0] !== 'assessment')
			return fail(`用法：export assessment --quarter 2025Q1 --out FILE（未知的导出类型“${positionals[0] ?? ''}”）`);
		const quarter = parseQuarter(typeof flags.quarter === 'string' ? flags.quarter : '');
		if (!quarter)
			return fail(`季度“${flags.quarter === true ? '' : (flags.quarter ?? '')}”无效：应写作 2025Q1（年份加 Q1–Q4）`);
		const out = typeof flags.out === 'string' ? flags.out : '';
		if (!out) return fail('请用 --out FILE 指定输出文件');
		const format = typeof flags.format === 'string' ? flags.format : /\.docx$/i.test(out) ? 'docx' : 'xlsx';
		if (format !== 'xlsx' && format !== 'docx') return fail(`格式“${format}”无效：应为 xlsx 或 docx`);
		try {
			const c = getDb().$client;
			const organs = (c.prepare('SELECT count(*) AS n FROM organ').get() as { n: number }).n;
			if (!organs) return fail('数据库中没有单位：请先导入年报或登记单位');
			const { from, to } = quarterRange(quarter);
			const reports = (
				c.prepare('SELECT count(*) AS n FROM report WHERE year = ?').get(quarter.year - 1) as { n: number }
			).n;
			const posts = (
				c.prepare('SELECT count(*) AS n FROM publication WHERE published_on BETWEEN ? AND ?').get(from, to) as {
					n: number;
				}
			).n;
			if (!reports && !posts && !isClosed(quarter))
				return fail(
					`${quarterKey(quarter)}（${quarterLabel(quarter)}）没有可考核的数据：库中既没有${quarter.year - 1}年度报告，也没有该季度的发布记录`
				);
			const sheet = getSheet(quarter);
			writeFileSync(out, format === 'docx' ? await assessmentNoticeDocx(sheet) : await assessmentXlsx(sheet));
			console.error(
				`${quarterLabel(quarter)}：${sheet.scores.length}个单位，${sheet.status === 'closed' ? '已定稿' : '未定稿（按最新细则实时计分）'}，已写入 ${out}`
			);
			return 0;
		} finally {
			closeDb();
		}
	}
};

export default command;
