// `npm run bench:parse -- [--seconds S] [--files N] [--only txt,html,docx,pdf] [--workers N (0: none)]`
// Parser speed per format on one core (one Node thread), beside the floor measured in the same run: decoding the
// same bytes as UTF-8 and splitting them into lines. Prints reports/s, the floor, the ratio and the issue's
// target; then how long each kind of bad input takes to be refused.
import {
	buildReport,
	imageOnlyPdf,
	pngBytes,
	randomBytes,
	renderTextBytes,
	type Variant
} from '../fixtures/parser/build';
import { parseReport, ParseRefusal } from '../../src/lib/report/parse';
import { renderHtml } from '../../src/lib/generator/render/index';
import { renderDocx, PdfPrinter } from '../../src/lib/server/generate/index';
import { createParsePool } from '../../src/lib/server/parse-pool';
import { parseArgs } from '../../src/cli/command';
import { readFileSync } from 'node:fs';
import { cpus, loadavg } from 'node:os';
import { REAL } from '../helpers/fixtures';

const { flags } = parseArgs(process.argv.slice(2));
const SECONDS = Number(flags.seconds ?? 2);
const FILES = Number(flags.files ?? 12);
// A subset of the formats (quick runs while working on one reader); the real files come with their format.
const WORKERS = Number(flags.workers ?? 2);
const ONLY = typeof flags.only === 'string' ? new Set(flags.only.split(',')) : null;
const want = (format: string) => !ONLY || ONLY.has(format);
const now = () => performance.now();
const fmt = (x: number) => (x >= 100 ? x.toFixed(0) : x >= 10 ? x.toFixed(1) : x.toFixed(2));

const TARGET: Record<string, number> = { txt: 1000, html: 1000, docx: 200, pdf: 30 };

async function corpus(): Promise<Map<string, Uint8Array[]>> {
	const out = new Map<string, Uint8Array[]>();
	const add = (k: string, b: Uint8Array) => out.set(k, [...(out.get(k) ?? []), b]);
	const printer = new PdfPrinter();
	try {
		for (let i = 0; i < FILES; i++) {
			const template = i % 3 === 2 ? '2019' : '2021';
			const truth = buildReport({ template, seed: `bench-${i}`, otherLayout: i % 5 === 4 ? '2019' : undefined });
			const trad = i % 4 === 3;
			const txt: Variant = {
				format: 'txt',
				style: (['pipe', 'tab', 'flat'] as const)[i % 3],
				encoding: trad ? 'big5' : i % 2 ? 'gb18030' : 'utf-8',
				script: trad ? 'traditional' : 'simplified'
			};
			if (want('txt')) add('txt', renderTextBytes(truth, txt));
			const html: Variant = {
				format: 'html',
				encoding: trad ? 'big5' : i % 2 ? 'gb18030' : 'utf-8',
				script: trad ? 'traditional' : 'simplified',
				charset: trad ? 'big5' : i % 2 ? 'gbk' : 'utf-8'
			};
			if (want('html')) add('html', renderTextBytes(truth, html));
			if (want('docx')) add('docx', await renderDocx(truth, { script: trad ? 'traditional' : 'simplified' }));
			if (want('pdf') && i < Math.min(FILES, 6))
				add(
					'pdf',
					await printer.print(renderHtml(truth, { script: trad ? 'traditional' : 'simplified', print: true }))
				);
		}
	} finally {
		await printer.close();
	}
	if (want('txt'))
		out.set('sample (real txt)', [new Uint8Array(readFileSync(`${REAL}/samples/tianyuan-kegongxin-2022.txt`))]);
	if (want('pdf'))
		out.set('peer pdf (real)', [
			new Uint8Array(readFileSync(`${REAL}/peer-samples/kirogovcompare/hzq2023_working.pdf`)),
			new Uint8Array(readFileSync(`${REAL}/peer-samples/govnianbao/szfgs2024.pdf`))
		]);
	return out;
}

/**
 * Runs `fn` over the files round-robin for about SECONDS; returns operations per second of wall time, and per
 * second of this process's CPU time (on a shared machine the second moves less with other people's load).
 */
async function rate(
	files: Uint8Array[],
	fn: (b: Uint8Array, i: number) => unknown
): Promise<{ wall: number; cpu: number }> {
	// Warm-up: JIT, lazy module state (OpenCC tables, PDFium).
	for (let i = 0; i < Math.min(files.length, 3); i++) await fn(files[i], i);
	let n = 0;
	const c0 = process.cpuUsage();
	const t0 = now();
	while (now() - t0 < SECONDS * 1000) {
		await fn(files[n % files.length], n);
		n++;
	}
	const wall = (now() - t0) / 1000;
	const c = process.cpuUsage(c0);
	return { wall: n / wall, cpu: n / ((c.user + c.system) / 1e6) };
}

const floor = (b: Uint8Array) => new TextDecoder('utf-8').decode(b).split(/\r?\n/).length;

const files = await corpus();
const load = () => loadavg()[0].toFixed(2);
console.log(`parser bench: ${SECONDS}s per measurement, one Node thread; floor = decode the same bytes + split lines`);
console.log(
	`machine: ${cpus().length} cores, load average ${load()} at start (others' work slows the wall-clock figures)\n`
);
console.log(
	[
		'format',
		'files',
		'KB/file',
		'parse reports/s',
		'floor reports/s',
		'parse/floor',
		'target',
		'meets',
		'parse reports/CPU-s'
	].join('\t')
);
const single = new Map<string, number>();
for (const [name, list] of files) {
	const kb = list.reduce((a, b) => a + b.length, 0) / list.length / 1024;
	const ext = name.startsWith('peer pdf') ? 'pdf' : name.startsWith('sample') ? 'txt' : name;
	const p = await rate(list, (b, i) => parseReport(b, `f${i}.${ext}`));
	const f = await rate(list, floor);
	const target = TARGET[name];
	single.set(name, p.wall);
	console.log(
		[
			name,
			list.length,
			fmt(kb),
			fmt(p.wall),
			fmt(f.wall),
			`1/${fmt(f.wall / p.wall)}`,
			target ?? '—',
			target ? (p.wall >= target ? 'yes' : 'NO') : '—',
			fmt(p.cpu)
		].join('\t')
	);
}
console.log(`load average ${load()} at the end`);

// The same files through the import's worker pool (parse-pool.ts): not the one-core figure above, a second line
// for what the machine does with WORKERS threads (the models are copied back to the main thread, as in an import).
if (WORKERS > 0) {
	const pool = createParsePool(WORKERS);
	if (pool) {
		console.log(`\nwith ${WORKERS} worker threads (parse-pool, models copied back):`);
		console.log(['format', 'parse reports/s', 'vs one thread'].join('\t'));
		for (const [name, list] of files) {
			const ext = name.startsWith('peer pdf') ? 'pdf' : name.startsWith('sample') ? 'txt' : name;
			const inFlight = WORKERS * 4;
			// Warm-up: each worker loads the parser and its tables.
			await Promise.all(Array.from({ length: inFlight }, (_, i) => pool.parse(list[i % list.length], `w${i}.${ext}`)));
			let n = 0;
			const t0 = now();
			const lane = async () => {
				while (now() - t0 < SECONDS * 1000) {
					await pool.parse(list[n % list.length], `w${n}.${ext}`);
					n++;
				}
			};
			await Promise.all(Array.from({ length: inFlight }, lane));
			const r = n / ((now() - t0) / 1000);
			const one = single.get(name)!;
			console.log([name, fmt(r), `${fmt(r / one)}x`].join('\t'));
		}
		await pool.close();
	}
}

console.log('\nrefusals (ms for one file; each must be well under 2000):');
const bad: [string, Uint8Array][] = [
	['empty.txt', new Uint8Array(0)],
	['junk.bin', randomBytes(1 << 20)],
	['scan.pdf (PNG renamed)', pngBytes()],
	['scan.pdf (image-only)', imageOnlyPdf()],
	[
		'cut.html (truncated)',
		new TextEncoder().encode(
			new TextDecoder()
				.decode(
					files.get('html')?.[0] ?? new TextEncoder().encode('<html><body><table><tr><td>1</td></tr>'.repeat(200))
				)
				.slice(0, 3000)
		)
	],
	['big.txt (25 MB)', new Uint8Array(25 * 1024 * 1024).fill(0x41)]
];
for (const [name, bytes] of bad) {
	const t0 = now();
	let reason = 'NOT REFUSED';
	try {
		await parseReport(bytes, name.split(' ')[0]);
	} catch (e) {
		reason = e instanceof ParseRefusal ? e.reason : `crash: ${(e as Error).message}`;
	}
	console.log(`  ${name.padEnd(26)} ${fmt(now() - t0).padStart(7)} ms  ${reason}`);
}
