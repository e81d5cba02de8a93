// `npm run bench:load [-- --connections 50 --duration 30 --imports 5 --baseline 10]`: the built server on loopback
// (127.0.0.1 only) with the demo district (40 organs), autocannon driving `connections` signed-in users over the
// dashboard, the organ list, an organ page and a report page for `duration` seconds while `imports` uploads run
// back to back. The same-run baseline is the same pages and connections for `baseline` seconds first, with no
// imports. Prints throughput and p50/p95/p99 per page for both, and the ratios (under imports / baseline). Then
// (issue 15) the dashboard page and a chart's JSON as the leader every 200 ms: `--upload-baseline` seconds alone,
// then during one upload of 200 generated reports (txt, html, a few docx and pdf) as a single .zip request, then
// during the same district's other 200 sent one request per file as the import page does; p50/p95/max of each,
// the ratios to the baseline, and each upload's duration and reports imported. Exits 1 on any error (a non-2xx
// answer or a socket error), an upload that did not import its 200, or a dashboard answer of 1 s or more during
// an upload.
// Needs autocannon (a devDependency); builds the app first when build/ is missing.
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { parseArgs } from '../../src/cli/command';
import { spawnApp, waitForServer } from '../helpers/app-server';
import { generateTruth } from '../../src/lib/generator/district';
import { renderTxt } from '../../src/lib/generator/render';
import { PdfPrinter } from '../../src/lib/server/generate/pdf';
import { zipSync } from 'fflate';
import { percentile, probeDashboard, twoHundredReports, type Probe } from '../helpers/upload-batch';

const { flags } = parseArgs(process.argv.slice(2));
const CONNECTIONS = Number(flags.connections ?? 50);
const DURATION = Number(flags.duration ?? 30);
const IMPORTS = Number(flags.imports ?? 5);
const BASELINE = Number(flags.baseline ?? 10);
const UPLOAD_BASELINE = Number(flags['upload-baseline'] ?? 5);
/** The demo district's organs (seedDemo's 40), left out of the uploaded 200. */
const DEMO_ORGANS = 40;

type Autocannon = (opts: Record<string, unknown>) => {
	on(ev: string, fn: (...a: unknown[]) => void): void;
} & PromiseLike<{
	errors: number;
	non2xx: number;
	requests: { average: number };
}>;
// AUTOCANNON_MODULE: another module with the same call (a stand-in where autocannon is not installed yet).
const moduleName = process.env.AUTOCANNON_MODULE ?? 'autocannon';
let autocannon: Autocannon;
try {
	autocannon = ((await import(moduleName)) as { default: Autocannon }).default;
} catch {
	console.error('bench:load needs autocannon: add "autocannon": "9.0.0" to devDependencies and npm install');
	process.exit(2);
}

const pct = (xs: number[], p: number) => {
	const s = [...xs].sort((a, b) => a - b);
	return s.length ? s[Math.min(s.length - 1, Math.floor((p / 100) * s.length))] : NaN;
};

if (!existsSync('build/index.js')) {
	const b = spawnSync('npx', ['vite', 'build', '--logLevel', 'error'], { stdio: 'inherit' });
	if (b.status !== 0) throw new Error('vite build failed');
}
const dir = mkdtempSync(join(tmpdir(), 'dw-load-'));
const env = { ...process.env, DATABASE_URL: join(dir, 'load.db'), DATA_DIR: dir };
const seed = spawnSync(
	process.execPath,
	[
		'--import',
		'tsx',
		'-e',
		"const m = await import('./src/lib/server/demo/seed.ts'); await m.seedDemo({}); (await import('./src/lib/server/db/index.ts')).closeDb();"
	],
	{
		env,
		stdio: 'inherit'
	}
);
if (seed.status !== 0) throw new Error('seeding failed');
const db = new Database(env.DATABASE_URL, { readonly: true });
const sample = db.prepare('SELECT organ_id AS organ, year FROM report ORDER BY id LIMIT 1').get() as {
	organ: number;
	year: number;
};
db.close();

const { base, child: server } = await spawnApp(
	{ ...env, BODY_SIZE_LIMIT: 'Infinity', LOGIN_MAX_ADDRESS_FAILURES: '1000' },
	['ignore', 'ignore', 'inherit']
);
try {
	await waitForServer(`${base}/login`);
	const login = async (role: string) => {
		const r = await fetch(`${base}/login`, {
			method: 'POST',
			redirect: 'manual',
			headers: { origin: base, accept: 'text/html', 'content-type': 'application/x-www-form-urlencoded' },
			body: new URLSearchParams({ username: role, password: `${role}-demo` })
		});
		const c = r.headers.getSetCookie().find((x) => x.startsWith('dw_session='));
		if (!c) throw new Error(`login as ${role} failed (${r.status})`);
		return c.split(';')[0];
	};
	const leader = await login('leader');
	const inspector = await login('inspector');

	const pages: Record<string, string> = {
		dashboard: '/',
		organs: '/organs',
		organ: `/organs/${sample.organ}`,
		report: `/organs/${sample.organ}/${sample.year}`
	};
	const per = Math.max(1, Math.floor(CONNECTIONS / Object.keys(pages).length));

	/** Every page at once, `per` connections each, for `seconds`; each page's throughput and latencies. */
	const drivePages = (seconds: number) =>
		Promise.all(
			Object.entries(pages).map(([name, path]) => {
				const latencies: number[] = [];
				const inst = autocannon({
					url: base + path,
					connections: per,
					duration: seconds,
					headers: { cookie: leader, accept: 'text/html' }
				});
				inst.on('response', (...a: unknown[]) => latencies.push(Number(a[3])));
				return Promise.resolve(inst).then((result) => ({ name, result, latencies }));
			})
		);

	// Warm-up, not measured: each page once, so the baseline is not the first request's cold caches.
	for (const path of Object.values(pages)) {
		const r = await fetch(base + path, { headers: { cookie: leader, accept: 'text/html' } });
		await r.text();
		if (!r.ok) throw new Error(`warm-up: ${path} answered ${r.status}`);
	}

	const connections = per * Object.keys(pages).length;
	console.log(
		`baseline: ${connections} connections for ${BASELINE} s on ${base} (${Object.keys(pages).join(', ')}), no imports`
	);
	const baseline = await drivePages(BASELINE);

	// Imports meanwhile: new reports (a fresh seed each round), uploaded by IMPORTS inspectors at once.
	let importing = true;
	let imported = 0;
	let importErrors = 0;
	const importLatencies: number[] = [];
	const importer = async (k: number) => {
		for (let round = 0; importing; round++) {
			const truth = generateTruth({ organs: 1, years: [2023], seed: `load-${k}-${round}`, errorRate: 0 });
			const form = new FormData();
			form.append('files', new Blob([renderTxt(truth.reports[0].report, 'pipe')]), `load-${k}-${round}.txt`);
			const t0 = performance.now();
			try {
				const r = await fetch(`${base}/import?/upload`, {
					method: 'POST',
					headers: { origin: base, cookie: inspector, accept: 'text/html' },
					body: form
				});
				await r.text();
				if (r.status === 200) imported++;
				else importErrors++;
			} catch {
				importErrors++;
			}
			importLatencies.push(performance.now() - t0);
		}
	};
	console.log(`under load: ${connections} connections for ${DURATION} s, ${IMPORTS} concurrent imports`);
	const importers = Array.from({ length: IMPORTS }, (_, k) => importer(k));
	const loaded = await drivePages(DURATION);
	importing = false;
	await Promise.all(importers);

	const ms = (x: number) => (Number.isFinite(x) ? `${Math.round(x)} ms` : '—');
	const row = (cells: string[]) => console.log(cells.map((c, n) => (n === 0 ? c.padEnd(10) : c.padStart(9))).join(' '));
	const table = (title: string, runs: typeof loaded) => {
		console.log(`\n${title}`);
		row(['page', 'req/s', 'p50', 'p95', 'p99', 'errors', 'non-2xx']);
		for (const { name, result, latencies } of runs)
			row([
				name,
				result.requests.average.toFixed(1),
				ms(pct(latencies, 50)),
				ms(pct(latencies, 95)),
				ms(pct(latencies, 99)),
				String(result.errors),
				String(result.non2xx)
			]);
	};
	table(`baseline (no imports, ${BASELINE} s)`, baseline);
	table(`under load (${IMPORTS} concurrent imports, ${DURATION} s)`, loaded);
	console.log('\nratio: under load / baseline');
	row(['page', 'req/s', 'p50', 'p95', 'p99']);
	for (const [n, { name, result, latencies }] of loaded.entries()) {
		const b = baseline[n];
		const r = (x: number, y: number) => (Number.isFinite(x / y) ? `${(x / y).toFixed(2)}x` : '—');
		row([
			name,
			r(result.requests.average, b.result.requests.average),
			r(pct(latencies, 50), pct(b.latencies, 50)),
			r(pct(latencies, 95), pct(b.latencies, 95)),
			r(pct(latencies, 99), pct(b.latencies, 99))
		]);
	}
	console.log(
		`\nimports    ${imported} done, ${importErrors} failed, p50 ${ms(pct(importLatencies, 50))}, p95 ${ms(pct(importLatencies, 95))}, p99 ${ms(pct(importLatencies, 99))}`
	);

	// The dashboard during one large upload (issue 15), against its own baseline of the same requests just before.
	const printer = new PdfPrinter();
	const batches = await (async () => {
		try {
			return [await twoHundredReports(DEMO_ORGANS, 0, printer), await twoHundredReports(DEMO_ORGANS, 1, printer)];
		} finally {
			await printer.close();
		}
	})();
	const admin = await login('admin');
	const reportCount = () => {
		const d = new Database(env.DATABASE_URL, { readonly: true });
		try {
			return (d.prepare('SELECT count(*) AS n FROM report').get() as { n: number }).n;
		} finally {
			d.close();
		}
	};
	const postFiles = async (files: { name: string; buffer: Buffer }[]) => {
		const form = new FormData();
		for (const f of files) form.append('files', new Blob([new Uint8Array(f.buffer)]), f.name);
		const r = await fetch(`${base}/import?/upload`, {
			method: 'POST',
			headers: { origin: base, cookie: admin, accept: 'application/json', 'x-sveltekit-action': 'true' },
			body: form
		});
		await r.text();
		return r.status;
	};
	const uploads: { name: string; answers: Probe[]; seconds: number; imported: number; failed: number }[] = [];
	const during = async (name: string, upload: () => Promise<number>) => {
		const before = reportCount();
		const asking = probeDashboard(base, leader);
		const t0 = performance.now();
		const failed = await upload();
		const seconds = (performance.now() - t0) / 1000;
		uploads.push({ name, answers: await asking.stop(), seconds, imported: reportCount() - before, failed });
	};
	console.log(`\ndashboard alone for ${UPLOAD_BASELINE} s, then during 200-file uploads`);
	const alone = probeDashboard(base, leader);
	await new Promise((r) => setTimeout(r, UPLOAD_BASELINE * 1000));
	const aloneAnswers = await alone.stop();
	const zip = Buffer.from(zipSync(Object.fromEntries(batches[0].map((f) => [f.name, new Uint8Array(f.buffer)]))));
	await during('one .zip', async () =>
		(await postFiles([{ name: 'district-200.zip', buffer: zip }])) === 200 ? 0 : 1
	);
	await during('per file', async () => {
		let failed = 0;
		for (const f of batches[1]) if ((await postFiles([f])) !== 200) failed++;
		return failed;
	});
	const stat = (answers: Probe[]) => {
		const xs = answers.map((a) => a.ms);
		return { n: xs.length, p50: percentile(xs, 50), p95: percentile(xs, 95), max: Math.max(...xs) };
	};
	const b0 = stat(aloneAnswers);
	console.log('\ndashboard (/ and /charts/volume every 200 ms as the leader)');
	row(['phase', 'requests', 'p50', 'p95', 'max', 'p50 ×', 'p95 ×', 'max ×']);
	row(['baseline', String(b0.n), ms(b0.p50), ms(b0.p95), ms(b0.max), '', '', '']);
	for (const u of uploads) {
		const s = stat(u.answers);
		const x = (a: number, b: number) => `${(a / b).toFixed(2)}x`;
		row([u.name, String(s.n), ms(s.p50), ms(s.p95), ms(s.max), x(s.p50, b0.p50), x(s.p95, b0.p95), x(s.max, b0.max)]);
	}
	for (const u of uploads)
		console.log(
			`upload ${u.name}: 200 files in ${u.seconds.toFixed(1)} s, ${u.imported} reports imported, ${u.failed} failed requests`
		);

	let errors = importErrors;
	for (const { result } of [...baseline, ...loaded]) errors += result.errors + result.non2xx;
	for (const a of [...aloneAnswers, ...uploads.flatMap((u) => u.answers)]) if (a.status !== 200) errors++;
	for (const u of uploads) {
		errors += u.failed + (u.imported === 200 ? 0 : 1);
		const slow = u.answers.filter((a) => a.ms >= 1000).length;
		if (slow) console.log(`upload ${u.name}: ${slow} dashboard answers took 1 s or more`);
		errors += slow;
	}
	console.log(errors ? `\n${errors} errors` : '\n0 errors');
	process.exitCode = errors ? 1 : 0;
} finally {
	// adapter-node waits for open keep-alive connections on SIGTERM: give it 3 s, then SIGKILL.
	const exited = new Promise((r) => server.once('exit', r));
	server.kill('SIGTERM');
	await Promise.race([exited, new Promise((r) => setTimeout(r, 3000))]);
	if (server.exitCode === null && server.signalCode === null) server.kill('SIGKILL');
	rmSync(dir, { recursive: true, force: true });
}
