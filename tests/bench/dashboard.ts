// `npm run bench:dashboard -- [--sizes 40x7,5000x10] [--runs 15]`
// Server time of the dashboard's data load (every chart's aggregate for the unfiltered view and for a filtered one)
// at district sizes, against the floor: the same aggregates as one hand-written SQL query each, run on the same
// database in the same process. Also the SVG first paint and the cached page load, and the gzip size of the JS the
// dashboard page ships (from the build output). Targets (issue 6): < 100 ms at 40 × 7, < 500 ms at 5,000 × 10,
// within 2× of the floor.
import Database from 'better-sqlite3';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { spawnSync } from 'node:child_process';
import { openDatabase } from '../../src/lib/server/db';
import { dashboard } from '../../src/lib/server/metrics';
import { renderAll } from '../../src/lib/server/dashboard';
import { buildDistrictDatabase } from './district-db';
import { parseArgs } from '../../src/cli/command';
import type { DashboardFilter } from '../../src/lib/charts/filters';

const { flags } = parseArgs(process.argv.slice(2));
const SIZES = String(flags.sizes ?? '40x7,5000x10')
	.split(',')
	.map((s) => s.split('x').map(Number) as [number, number]);
const RUNS = Number(flags.runs ?? 15);
const now = () => performance.now();
const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
const ms = (x: number) => `${x.toFixed(x < 10 ? 2 : 1)} ms`;

function buildDatabase(organs: number, years: number[], path: string): void {
	buildDistrictDatabase(path, { organs, years, seed: `bench-dashboard-${organs}`, errorRate: 0.08 });
}

/** The floor: each aggregate as one hand-written query over the same tables the metrics read (the per-organ-year
 * summaries, report, finding, organ), no filter joins beyond what the view needs. */
function floorQueries(f: DashboardFilter): { sql: string; params: unknown[] }[] {
	const y = [f.fromYear, f.toYear];
	const end = `${f.toYear}-12-31`;
	const kind = f.kind === 'department' ? " AND o.kind = 'department'" : '';
	const sj = kind ? 'JOIN organ o ON o.id = s.organ_id' : '';
	const rj = kind ? ' JOIN organ o ON o.id = r.organ_id' : '';
	const sum = (cols: string[]) => cols.map((c) => `SUM(${c})`).join(', ');
	return [
		// volume
		{
			sql: `SELECT s.year, ${sum(['new_rows', 'new_c0', 'new_c1', 'new_c2', 'new_c3', 'new_c4', 'new_c5', 'new_c6'])} FROM report_summary s ${sj} WHERE s.year BETWEEN ? AND ?${kind} GROUP BY s.year`,
			params: y
		},
		// outcomes
		{
			sql: `SELECT s.year, ${sum(['out_granted', 'out_partial', 'out_refused', 'out_unable', 'out_not_processed', 'out_other'])} FROM report_summary s ${sj} WHERE s.year BETWEEN ? AND ?${kind} GROUP BY s.year`,
			params: y
		},
		// refusals
		{
			sql: `SELECT s.year, ${sum(['refused_state_secret', 'refused_law_prohibited', 'refused_three_safeties', 'refused_third_party', 'refused_internal_affairs', 'refused_process_info', 'refused_enforcement_file', 'refused_query_matter', 'unable_not_held', 'unable_needs_creation', 'unable_unclear'])} FROM report_summary s ${sj} WHERE s.year BETWEEN ? AND ?${kind} GROUP BY s.year`,
			params: y
		},
		// updates: postings per organ, heat map months of the 40 quietest, weekly coverage, longest silence
		{
			sql: `SELECT s.organ_id, SUM(s.posts) n FROM publication_year s ${sj} WHERE s.year BETWEEN ? AND ?${kind} GROUP BY s.organ_id ORDER BY n`,
			params: y
		},
		{
			sql: `SELECT m.organ_id, m.month, m.posts FROM publication_month m WHERE m.organ_id IN (SELECT s.organ_id FROM publication_year s ${sj} WHERE s.year BETWEEN ? AND ?${kind} GROUP BY s.organ_id ORDER BY SUM(s.posts) LIMIT 40) AND m.month BETWEEN ? AND ?`,
			params: [...y, `${f.fromYear}-01`, `${f.toYear}-12`]
		},
		{
			sql: `SELECT s.year, COUNT(*) FROM publication_year s ${sj} WHERE s.year BETWEEN ? AND ?${kind} AND s.weeks >= 47 GROUP BY s.year`,
			params: y
		},
		{
			sql: `SELECT s.organ_id, MAX(MAX(COALESCE(s.gap_days, 0), CASE WHEN s.prev_last_on >= ? THEN julianday(s.first_on) - julianday(s.prev_last_on) ELSE 0 END, CASE WHEN s.next_first_on IS NULL OR s.next_first_on > ? THEN julianday(?) - julianday(s.last_on) ELSE 0 END)) g FROM publication_year s ${sj} WHERE s.year BETWEEN ? AND ?${kind} GROUP BY s.organ_id ORDER BY g DESC LIMIT 10`,
			params: [`${f.fromYear}-01-01`, end, end, ...y]
		},
		// fees
		{
			sql: `SELECT r.year, r.organ_id, r.fee_yuan, s.admin_fee FROM report r LEFT JOIN report_summary s ON s.report_id = r.id${rj} WHERE r.year BETWEEN ? AND ?${kind} AND (r.fee_yuan > 0 OR s.admin_fee > 0)`,
			params: y
		},
		// review
		{
			sql: `SELECT s.year, s.organ_id, s.rec_total, s.rec_corrected, s.rec_concluded, s.lit_total, s.lit_corrected, s.lit_concluded FROM report_summary s ${sj} WHERE s.year BETWEEN ? AND ?${kind} AND (s.rec_total IS NOT NULL OR s.lit_total IS NOT NULL OR s.rec_corrected IS NOT NULL OR s.lit_corrected IS NOT NULL)`,
			params: y
		},
		// quality: received, missing, by rule
		{
			sql: `SELECT r.year, SUM(r.published_on IS NULL), SUM(EXISTS (SELECT 1 FROM finding x WHERE x.report_id = r.id AND x.rule = 'T1')), SUM(r.findings_count > 0) FROM report r${rj} WHERE r.year BETWEEN ? AND ?${kind} GROUP BY r.year`,
			params: y
		},
		{
			sql: `WITH f AS (SELECT organ_id, MIN(year) first FROM report GROUP BY organ_id), ys(y) AS (SELECT value FROM json_each(?)) SELECT ys.y, COUNT(*) FROM ys JOIN f ON f.first < ys.y WHERE NOT EXISTS (SELECT 1 FROM report x WHERE x.organ_id = f.organ_id AND x.year = ys.y) GROUP BY ys.y`,
			params: [JSON.stringify(Array.from({ length: f.toYear - f.fromYear + 1 }, (_, i) => f.fromYear + i))]
		},
		{
			sql: `SELECT x.rule, COUNT(DISTINCT x.report_id) FROM finding x JOIN report r ON r.id = x.report_id${rj} WHERE r.year BETWEEN ? AND ?${kind} GROUP BY x.rule`,
			params: y
		},
		// rankings
		{
			sql: `SELECT s.organ_id, ${sum(['new_c6', 'results_total', 'out_refused', 'review_corrected', 'review_concluded'])} FROM report_summary s ${sj} WHERE s.year BETWEEN ? AND ?${kind} GROUP BY s.organ_id`,
			params: y
		},
		{
			sql: `SELECT s.organ_id, SUM(s.posts) FROM publication_year s ${sj} WHERE s.year BETWEEN ? AND ?${kind} GROUP BY s.organ_id`,
			params: y
		}
	];
}

function time(fn: () => void, runs: number): { first: number; median: number } {
	let t = now();
	fn();
	const first = now() - t;
	const xs: number[] = [];
	for (let i = 0; i < runs; i++) {
		t = now();
		fn();
		xs.push(now() - t);
	}
	return { first, median: median(xs) };
}

function benchSize(organs: number, nYears: number) {
	const years = Array.from({ length: nYears }, (_, i) => 2026 - nYears + i);
	const path = join(tmpdir(), `dw-bench-dashboard-${organs}x${nYears}.db`);
	console.log(`\n${organs} organs × ${nYears} years (${years[0]}–${years[years.length - 1]})`);
	if (!existsSync(path)) buildDatabase(organs, years, path);
	else {
		// A database built before the summaries: opening it runs the pending migrations, the backfill included.
		const t0 = now();
		openDatabase(path).$client.close();
		console.log(`  reusing ${path} (migrations checked/applied in ${ms(now() - t0)})`);
	}
	const client = new Database(path, { readonly: true });
	const views: [string, DashboardFilter][] = [
		['whole district, all years', { fromYear: years[0], toYear: years[years.length - 1], kind: null, organId: null }],
		[
			'departments, last 3 years',
			{ fromYear: years[years.length - 3], toYear: years[years.length - 1], kind: 'department', organId: null }
		]
	];
	for (const [label, f] of views) {
		const floors = floorQueries(f).map((q) => ({ stmt: client.prepare(q.sql), params: q.params }));
		const floor = time(() => floors.forEach((q) => q.stmt.all(...q.params)), RUNS);
		const load = time(() => dashboard(f, client), RUNS);
		console.log(
			`  ${label}: data load ${ms(load.median)} (first ${ms(load.first)}), floor ${ms(floor.median)} (${floors.length} queries) → ratio ${(load.median / floor.median).toFixed(2)}×`
		);
	}
	const data = dashboard(views[0][1], client);
	const svg = time(() => renderAll(data), Math.max(3, Math.floor(RUNS / 3)));
	const bytes = Object.values(renderAll(data))
		.flat()
		.reduce((s, x) => s + x.length, 0);
	console.log(
		`  SVG first paint (all charts): ${ms(svg.median)} (first ${ms(svg.first)}), ${(bytes / 1024).toFixed(0)} KB of SVG, cached per data version after`
	);
	client.close();
}

/** The client files a route node loads, from the server build's node modules (`export const imports = [...]`). */
function nodeImports(pattern: RegExp): string[] {
	const dir = '.svelte-kit/output/server/nodes';
	for (const f of readdirSync(dir)) {
		const text = readFileSync(join(dir, f), 'utf8');
		if (!pattern.test(text)) continue;
		const m = text.match(/export const imports = (\[[^\]]*\])/);
		return m ? (JSON.parse(m[1]) as string[]) : [];
	}
	return [];
}

function jsSize() {
	const root = '.svelte-kit/output/client';
	const manifestPath = join(root, '.vite/manifest.json');
	if (!existsSync(manifestPath) || !existsSync('.svelte-kit/output/server/nodes')) {
		console.log('\nbuilding the app for the JS size …');
		const b = spawnSync('npx', ['vite', 'build', '--logLevel', 'error'], { stdio: 'inherit' });
		if (b.status !== 0 || !existsSync(manifestPath)) return console.log('  no build output: JS size not measured');
	}
	const manifest = JSON.parse(readFileSync(manifestPath, 'utf8')) as Record<
		string,
		{ file: string; imports?: string[]; isEntry?: boolean }
	>;
	const gz = (file: string) => gzipSync(readFileSync(join(root, file))).length;
	const kb = (b: number) => `${(b / 1024).toFixed(1)} KB`;
	// The entry (start + app) with its static imports, then each node's own list.
	const entryFiles = new Set<string>();
	const walk = (k: string) => {
		const e = manifest[k];
		if (!e || entryFiles.has(e.file)) return;
		entryFiles.add(e.file);
		for (const i of e.imports ?? []) walk(i);
	};
	for (const k of Object.keys(manifest))
		if (/kit\/src\/runtime\/client\/entry\.js$|client-optimized\/app\.js$/.test(k)) walk(k);
	const layouts = [
		...nodeImports(/_layout\.svelte\.js'\)\)\.default[\s\S]*?\n/),
		...nodeImports(/pages\/\(app\)\/_layout\.svelte/)
	];
	const page = nodeImports(/pages\/\(app\)\/_page\.svelte/);
	const importPage = nodeImports(/pages\/\(app\)\/import\/_page\.svelte/);
	const echartsFile = manifest['src/lib/charts/echarts.ts']?.file;
	const initial = new Set([...entryFiles, ...layouts, ...page].filter((f) => f.endsWith('.js')));
	const initialBytes = [...initial].reduce((s, f) => s + gz(f), 0);
	const lazyBytes = echartsFile ? gz(echartsFile) : 0;
	console.log(
		`\nJS shipped to the dashboard page (gzip): ${kb(initialBytes + lazyBytes)} = ${kb(initialBytes)} app + page (${initial.size} files), ${kb(lazyBytes)} ECharts chunk (tree-shaken echarts/core, imported on first chart mount)`
	);
	console.log(
		`  ECharts in the /import page's files: ${echartsFile && importPage.includes(echartsFile) ? 'yes (!)' : 'no'}; in the dashboard's eager files: ${echartsFile && initial.has(echartsFile) ? 'yes (!)' : 'no'}`
	);
}

for (const [o, y] of SIZES) benchSize(o, y);
jsSize();
