// `npm run bench:generate -- [--reports N] [--pdf-reports M] [--parse] [--formats txt,html,docx,pdf]`
// Times the generator: truth alone (the baseline, measured in this run), then rendering N reports per format, and
// with --parse the parser over the same files with the round-trip mismatch count (the larger run of the issue).
import { generateTruth, planFiles, renderText, renderTextFile, type FilePlan } from '../../src/lib/generator/index';
import { renderDocx, PdfPrinter } from '../../src/lib/server/generate/index';
import { parseArgs } from '../../src/cli/command';
import type { Format } from '../../src/lib/report/model';

const { flags } = parseArgs(process.argv.slice(2), ['parse']);
const N = Number(flags.reports ?? 2000);
const PDF_N = Number(flags['pdf-reports'] ?? Math.min(N, 100));
const formats = (typeof flags.formats === 'string' ? flags.formats : 'txt,html,docx,pdf').split(',') as Format[];
const YEARS = [2019, 2020, 2021, 2022, 2023, 2024, 2025];
const organsFor = (n: number) => Math.ceil(n / YEARS.length);

const now = () => performance.now();
const fmt = (x: number) => (x >= 100 ? x.toFixed(0) : x.toFixed(1));

let t0 = now();
const truth = generateTruth({ organs: organsFor(N), years: YEARS, seed: 'bench', errorRate: 0.2 });
const reports = truth.reports.slice(0, N);
const truthMs = now() - t0;
const perTruth = truthMs / reports.length;
console.log(
	`truth only (baseline): ${reports.length} reports in ${fmt(truthMs)} ms — ${fmt(reports.length / (truthMs / 1000))} reports/s`
);

const rows: string[] = [];
const produced = new Map<Format, { plan: FilePlan; bytes: Uint8Array }[]>();
for (const format of formats) {
	const n = format === 'pdf' ? Math.min(PDF_N, reports.length) : reports.length;
	const plans = planFiles(reports.slice(0, n), { formats: [format], seed: 'bench' });
	const out: { plan: FilePlan; bytes: Uint8Array }[] = [];
	let printer: PdfPrinter | null = null;
	if (format === 'pdf') {
		printer = new PdfPrinter();
		await printer.open(); // browser start-up is not per-report work
	}
	t0 = now();
	if (format === 'pdf') {
		const all = await Promise.all(
			plans.map((plan) =>
				printer!.print(
					renderText(
						reports[plan.report].report,
						{ ...plan.variant, format: 'html', charset: 'utf-8' },
						{ print: true }
					)
				)
			)
		);
		plans.forEach((plan, i) => out.push({ plan, bytes: all[i] }));
	} else
		for (const plan of plans) {
			const r = reports[plan.report].report;
			const bytes =
				format === 'docx' ? await renderDocx(r, { script: plan.variant.script }) : renderTextFile(r, plan.variant);
			out.push({ plan, bytes });
		}
	const ms = now() - t0;
	await printer?.close();
	produced.set(format, out);
	const per = ms / n;
	const mb = out.reduce((a, f) => a + f.bytes.length, 0) / 1e6;
	rows.push(
		`${format.padEnd(5)} ${String(n).padStart(6)} reports  ${fmt(ms).padStart(8)} ms  ${fmt(n / (ms / 1000)).padStart(8)} reports/s  ${fmt(per / perTruth).padStart(7)}× baseline per report  ${mb.toFixed(1)} MB`
	);
}
console.log("render (txt/html/docx on one core; pdf with the printer's 2 Chromium tabs):");
for (const r of rows) console.log('  ' + r);

if (flags.parse) {
	const { parseReport } = await import('../../src/lib/report/parse');
	console.log('parse + compare with truth:');
	for (const [format, files] of produced) {
		t0 = now();
		let mismatched = 0;
		let refusedCount = 0;
		for (const { plan, bytes } of files) {
			const t = reports[plan.report].report;
			try {
				const p = await parseReport(bytes, plan.name);
				const same =
					JSON.stringify(p.applications.rows) === JSON.stringify(t.applications.rows) &&
					JSON.stringify(p.review) === JSON.stringify(t.review) &&
					JSON.stringify(p.proactive) === JSON.stringify(t.proactive) &&
					p.year === t.year &&
					p.published_on === t.published_on;
				if (!same) mismatched++;
			} catch {
				refusedCount++;
			}
		}
		const ms = now() - t0;
		console.log(
			`  ${format.padEnd(5)} ${String(files.length).padStart(6)} files  ${fmt(ms).padStart(8)} ms  ${fmt(files.length / (ms / 1000)).padStart(8)} files/s  tables differing: ${mismatched}, refused: ${refusedCount}`
		);
	}
}
