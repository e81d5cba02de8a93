// `parse FILE... [--json]`: read reports into the model; exit 2 when a file is refused (one stderr line each).
import { readFile, stat } from 'node:fs/promises';
import { basename } from 'node:path';
import type { Command } from '../command';
import { parseArgs } from '../command';
import { parseReport, ParseRefusal, REFUSALS } from '../../lib/report/parse';
import { MAX_BYTES } from '../../lib/report/decode';
import type { Report } from '../../lib/report/model';
import { fileReason } from '../file-reason';

const help = `parse FILE... [--json] [--no-lines]

Reads each annual report (txt, html, docx, pdf; UTF-8, GB18030 or Big5) into the report model and runs its checks.
  --json    print the model: one object for one file, an array for several
  --no-lines  with --json, leave out source_lines (the decoded text the provenance line numbers point into)
Without --json: a short summary per file (template, organ, year, totals, findings).
Exit 0 when every file was read as a report (findings do not fail it); 2 when any was refused, with one line on
stderr naming the file and the reason.`;

function total(r: Report, key: string): string {
	const row = (r.applications.rows as Record<string, (number | null)[]>)[key];
	const v = row?.[6];
	return v === null || v === undefined ? '—' : String(v);
}

function summary(r: Report): string {
	const tpl =
		r.template === 'free'
			? '无表格（2019 年以前的自由格式）'
			: `${r.template} 年模板${r.other_layout && r.other_layout !== r.template ? `（第三部分（六）为 ${r.other_layout} 年样式）` : ''}`;
	const rev = (g: string) => {
		const a = (r.review as Record<string, (number | null)[]>)[g];
		return a ? String(a[4] ?? '—') : '—';
	};
	const lines = [
		`${r.source.file}: ${r.organ || '（未识别机关）'} · ${r.year ?? '（未识别年份）'} 年 · ${tpl} · ${r.source.format}/${r.source.encoding}/${r.source.script === 'traditional' ? '繁体' : '简体'}`,
		`  申请: 新收 ${total(r, 'new')} · 上年结转 ${total(r, 'carried_over')} · 办理结果总计 ${total(r, 'results_total')} · 结转下年度 ${total(r, 'carried_forward')}`,
		`  复议 ${rev('reconsideration')} · 直接起诉 ${rev('litigation_direct')} · 复议后起诉 ${rev('litigation_after_reconsideration')} · 信息处理费 ${r.fees.info_processing_fee_yuan === null ? '未说明' : r.fees.info_processing_fee_yuan + ' 元'}${r.published_on ? ` · 发布 ${r.published_on}` : ''}`
	];
	if (r.findings.length === 0) lines.push('  检查: 未发现问题');
	else
		for (const f of r.findings)
			lines.push(
				`  [${f.rule}] ${f.severity === 'error' ? '错误' : f.severity === 'warning' ? '警告' : '提示'}: ${f.message}`
			);
	if (r.warnings.length)
		lines.push(
			`  解析提示 ${r.warnings.length} 条${
				r.warnings.length
					? '：' +
						r.warnings
							.slice(0, 3)
							.map((w) => w.message)
							.join('；') +
						(r.warnings.length > 3 ? '…' : '')
					: ''
			}`
		);
	return lines.join('\n');
}

const command: Command = {
	summary: 'parse annual report files into the report model (--json for the model)',
	help,
	async run(args) {
		const { flags, positionals } = parseArgs(args, ['json', 'no-lines']);
		if (positionals.length === 0) {
			console.error('parse: 请给出至少一个文件 (no FILE given; see --help)');
			return 2;
		}
		const out: Report[] = [];
		let refused = 0;
		for (const file of positionals) {
			const name = basename(file);
			try {
				const st = await stat(file);
				if (st.size > MAX_BYTES) throw new ParseRefusal(file, REFUSALS.tooLarge);
				const bytes = new Uint8Array(await readFile(file));
				const report = await parseReport(bytes, name);
				if (flags['no-lines']) delete report.source_lines;
				if (flags.json) out.push(report);
				else console.log(summary(report));
			} catch (e) {
				refused++;
				console.error(`${file}: ${e instanceof ParseRefusal ? e.reason : fileReason(e)}`);
			}
		}
		if (flags.json && out.length) console.log(JSON.stringify(positionals.length === 1 ? out[0] : out, null, 2));
		return refused ? 2 : 0;
	}
};

export default command;
