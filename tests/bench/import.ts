// `npm run bench:import -- [--sizes 1000,10000] [--formats txt,html] [--baseline N] [--workers N]`
// Import speed: reports/s through importFiles (parse + store, one transaction per file, originals written) into a
// fresh SQLite file, from generated txt and html files, and the database bytes per report. The baseline, measured
// in the same run on the same files, is the parser alone: the ratio says what storage adds.
// Target (issue 5): 10,000 txt reports in under 60 s.
import { mkdtempSync, readdirSync, rmSync, statSync } from 'node:fs';
import { availableParallelism, tmpdir } from 'node:os';
import { join } from 'node:path';
import { generateTruth, planFiles, renderTextFile } from '../../src/lib/generator/index';
import { parseReport } from '../../src/lib/report/parse';
import { parseArgs } from '../../src/cli/command';
import type { Format } from '../../src/lib/report/model';

const { flags } = parseArgs(process.argv.slice(2));
const SIZES = String(flags.sizes ?? '1000,10000')
	.split(',')
	.map(Number);
const FORMATS = String(flags.formats ?? 'txt,html').split(',') as Format[];
const BASELINE = Number(flags.baseline ?? 500);
const WORKERS = flags.workers === undefined ? availableParallelism() : Number(flags.workers);
const YEARS = [2019, 2020, 2021, 2022, 2023, 2024, 2025];
const BATCH = 500;
const now = () => performance.now();
const fmt = (x: number) => (x >= 100 ? x.toFixed(0) : x >= 10 ? x.toFixed(1) : x.toFixed(2));

function dirBytes(dir: string): number {
	let total = 0;
	for (const name of readdirSync(dir)) {
		const p = join(dir, name);
		const st = statSync(p);
		total += st.isDirectory() ? dirBytes(p) : st.size;
	}
	return total;
}

function inputs(n: number, format: Format) {
	const truth = generateTruth({
		organs: Math.ceil(n / YEARS.length),
		years: YEARS,
		seed: `bench-import-${n}`,
		errorRate: 0.2
	});
	const reports = truth.reports.slice(0, n);
	return planFiles(reports, { formats: [format], seed: 'bench-import' }).map((plan) => ({
		name: `${plan.name}`,
		bytes: renderTextFile(reports[plan.report].report, plan.variant)
	}));
}

async function run(n: number, format: Format) {
	const files = inputs(n, format);
	const dir = mkdtempSync(join(tmpdir(), 'dw-bench-import-'));
	process.env.DATABASE_URL = join(dir, 'bench.db');
	process.env.DATA_DIR = dir;
	// Fresh module state per run: the database handle is per process, so close it between runs.
	const { closeDb, getDb } = await import('../../src/lib/server/db');
	const { importFiles } = await import('../../src/lib/server/import');
	const { createParsePool } = await import('../../src/lib/server/parse-pool');
	closeDb();
	getDb();

	// Baseline: the parser alone on the first files of the same set.
	const sample = files.slice(0, Math.min(BASELINE, files.length));
	let t0 = now();
	for (const f of sample) await parseReport(f.bytes, f.name);
	const parseMs = (now() - t0) / sample.length;

	// The pool's start-up (a few hundred ms) is counted: the CLI pays it too.
	t0 = now();
	const pool = WORKERS > 0 ? createParsePool(WORKERS) : null;
	const counts: Record<string, number> = {};
	for (let i = 0; i < files.length; i += BATCH) {
		const results = await importFiles(
			files.slice(i, i + BATCH),
			{ id: null, role: 'admin', organId: null },
			undefined,
			{ pool }
		);
		for (const r of results) counts[r.status] = (counts[r.status] ?? 0) + 1;
	}
	const ms = now() - t0;
	await pool?.close();
	const db = getDb();
	db.$client.pragma('wal_checkpoint(TRUNCATE)');
	const reports = (db.$client.prepare('SELECT count(*) n FROM report').get() as { n: number }).n;
	// The dashboard's kind of query on the figure rows: a district total per year (median of 5).
	const agg = db.$client.prepare(
		"SELECT r.year, SUM(f.c6) FROM figure f JOIN report r ON r.id = f.report_id WHERE f.section = 'applications' AND f.row_key = 'new' GROUP BY r.year"
	);
	const aggMs = [0, 1, 2, 3, 4]
		.map(() => {
			const t = now();
			agg.all();
			return now() - t;
		})
		.sort((a, b) => a - b)[2];
	const dbBytes = statSync(join(dir, 'bench.db')).size;
	const fileBytes = dirBytes(join(dir, 'files'));
	closeDb();
	rmSync(dir, { recursive: true, force: true });

	const perReport = ms / files.length;
	console.log(
		[
			`${format.padEnd(4)} ${String(n).padStart(6)} files`,
			`${fmt(ms / 1000)} s`,
			`${fmt(files.length / (ms / 1000))} reports/s`,
			`${fmt(perReport)} ms/report (parser alone ${fmt(parseMs)} ms, ratio ${fmt(perReport / parseMs)}×)`,
			`db ${fmt(dbBytes / reports / 1024)} KiB/report`,
			`originals ${fmt(fileBytes / reports / 1024)} KiB/report`,
			`per-year total query ${fmt(aggMs)} ms`,
			`stored ${reports}`,
			Object.entries(counts)
				.map(([k, v]) => `${k} ${v}`)
				.join(', ')
		].join(' · ')
	);
	return { format, n, ms };
}

console.log(
	`import bench: node ${process.version}, ${availableParallelism()} cores, parse workers ${WORKERS}, sizes ${SIZES.join(', ')}, formats ${FORMATS.join(', ')}`
);
const out = [];
for (const n of SIZES) for (const format of FORMATS) out.push(await run(n, format));
const target = out.find((r) => r.format === 'txt' && r.n === 10000);
if (target)
	console.log(
		`target: 10,000 txt reports in < 60 s — measured ${fmt(target.ms / 1000)} s (${target.ms < 60_000 ? 'met' : 'NOT met'})`
	);
