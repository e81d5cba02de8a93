// Parser fuzzing: seeded mutations of real and generated reports in every format, each parsed once. A refusal is
// a fine answer; any other exception, or a file taking more than the time limit, is a finding. Used bounded by
// src/lib/report/parse.fuzz.spec.ts (npm test) and longer by tests/bench/fuzz.ts (npm run bench:fuzz).
import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { strFromU8, strToU8, unzipSync, zipSync } from 'fflate';
import { createRng, type Rng } from '../../src/lib/generator/prng';
import { generateTruth } from '../../src/lib/generator/district';
import { renderHtml, renderTxt } from '../../src/lib/generator/render';
import { renderDocx } from '../../src/lib/server/generate/docx';
import { parseReport, ParseRefusal } from '../../src/lib/report/parse';
import { REAL } from './fixtures';

export type FuzzFormat = 'txt' | 'html' | 'docx' | 'pdf';

export interface Seed {
	name: string;
	format: FuzzFormat;
	bytes: Uint8Array;
}

/** The real sample, the real peer reports (HTML, PDF) and a generated report in each format. */
export async function fuzzSeeds(): Promise<Seed[]> {
	const seeds: Seed[] = [
		{
			name: 'tianyuan.txt',
			format: 'txt',
			bytes: new Uint8Array(readFileSync(join(REAL, 'samples/tianyuan-kegongxin-2022.txt')))
		}
	];
	const peers = join(REAL, 'peer-samples');
	for (const dir of readdirSync(peers, { withFileTypes: true }).filter((d) => d.isDirectory())) {
		for (const f of readdirSync(join(peers, dir.name))) {
			const m = /\.(pdf|html)$/i.exec(f);
			if (m)
				seeds.push({
					name: f,
					format: m[1].toLowerCase() as FuzzFormat,
					bytes: new Uint8Array(readFileSync(join(peers, dir.name, f)))
				});
		}
	}
	const truth = generateTruth({ organs: 2, years: [2022], seed: 'fuzz', errorRate: 0.3 });
	for (const t of truth.reports) {
		seeds.push({ name: `gen-${t.organ_id}.txt`, format: 'txt', bytes: strToU8(renderTxt(t.report, 'pipe')) });
		seeds.push({ name: `gen-${t.organ_id}.html`, format: 'html', bytes: strToU8(renderHtml(t.report)) });
		seeds.push({ name: `gen-${t.organ_id}.docx`, format: 'docx', bytes: await renderDocx(t.report) });
	}
	return seeds;
}

const TOKENS = [
	'<div>',
	'</div>',
	'<table>',
	'<tr>',
	'<td>',
	'</td>',
	'</table>',
	'|',
	'\n',
	'\r\n',
	'\t',
	'0',
	'9',
	'-',
	'——',
	'（',
	'）',
	'年',
	'第',
	'一、',
	'二、',
	'合计',
	'总计',
	'\uFEFF',
	'\u0000',
	'\uFFFD',
	'&#x',
	'&amp;',
	'<![CDATA[',
	'<!--',
	'%PDF',
	'stream\n',
	'endstream',
	'obj',
	'<<',
	'>>'
];

function randomBytes(rng: Rng, n: number): Uint8Array {
	const out = new Uint8Array(n);
	for (let i = 0; i < n; i++) out[i] = rng.int(0, 255);
	return out;
}

function splice(a: Uint8Array, at: number, del: number, ins: Uint8Array): Uint8Array {
	at = Math.min(at, a.length);
	del = Math.max(0, Math.min(del, a.length - at));
	const out = new Uint8Array(a.length - del + ins.length);
	out.set(a.subarray(0, at), 0);
	out.set(ins, at);
	out.set(a.subarray(at + del), at + ins.length);
	return out;
}

/** One to four byte-level mutations: flips, deletions, duplications, insertions of tokens or noise, truncation. */
export function mutateBytes(bytes: Uint8Array, rng: Rng, other?: Uint8Array): Uint8Array {
	let b = bytes;
	for (let k = rng.int(1, 4); k > 0; k--) {
		const at = b.length ? rng.int(0, b.length - 1) : 0;
		switch (rng.int(0, 7)) {
			case 0: {
				b = b.slice();
				for (let i = rng.int(1, 16); i > 0; i--) b[rng.int(0, Math.max(0, b.length - 1))] ^= 1 << rng.int(0, 7);
				break;
			}
			case 1:
				b = splice(b, at, rng.int(1, Math.min(4096, b.length - at || 1)), new Uint8Array(0));
				break;
			case 2: {
				const len = rng.int(1, Math.min(8192, b.length - at || 1));
				const copies = rng.int(1, 50);
				const part = b.subarray(at, at + len);
				const rep = new Uint8Array(part.length * copies);
				for (let i = 0; i < copies; i++) rep.set(part, i * part.length);
				b = splice(b, at, 0, rep);
				break;
			}
			case 3:
				b = splice(b, at, 0, strToU8(rng.pick(TOKENS).repeat(rng.int(1, 200))));
				break;
			case 4:
				b = splice(b, at, 0, randomBytes(rng, rng.int(1, 64)));
				break;
			case 5:
				b = b.subarray(0, at);
				break;
			case 6:
				if (other && other.length) {
					const from = rng.int(0, other.length - 1);
					b = splice(b, at, rng.int(0, 512), other.subarray(from, from + rng.int(1, 4096)));
				}
				break;
			default: {
				// digits changed where the figures are
				b = b.slice();
				for (let i = rng.int(1, 30); i > 0; i--) {
					const j = rng.int(0, Math.max(0, b.length - 1));
					if (b[j] >= 0x30 && b[j] <= 0x39) b[j] = 0x30 + rng.int(0, 9);
				}
			}
		}
	}
	return b;
}

/** DOCX: the XML inside mutated and zipped again (a byte flip on the zip only fails its CRC). */
function mutateDocx(bytes: Uint8Array, rng: Rng): Uint8Array {
	if (rng.chance(0.2)) return mutateBytes(bytes, rng);
	let files: Record<string, Uint8Array>;
	try {
		files = unzipSync(bytes);
	} catch {
		return mutateBytes(bytes, rng);
	}
	const doc = files['word/document.xml'];
	if (!doc) return zipSync(files);
	const xml = strFromU8(doc);
	if (rng.chance(0.3)) {
		files['word/document.xml'] = strToU8(strFromU8(mutateBytes(doc, rng)));
		return zipSync(files);
	}
	// Mostly well-formed changes: the text of some runs mutated, rows or paragraphs repeated or dropped.
	const esc = (t: string) => t.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
	let out = xml.replace(/(<w:t(?: [^>]*)?>)([^<]*)(<\/w:t>)/g, (all, open: string, text: string, close: string) => {
		if (!rng.chance(0.05)) return all;
		const t = strFromU8(mutateBytes(strToU8(text), rng));
		// eslint-disable-next-line no-control-regex -- characters XML 1.0 cannot carry, dropped before escaping
		return open + esc(t.replace(/[\u0000-\u0008\u000b\u000c\u000e-\u001f\ufffe\uffff]/g, '')) + close;
	});
	const blocks = [...out.matchAll(/<w:(tr|p)[ >][\s\S]*?<\/w:\1>/g)];
	if (blocks.length && rng.chance(0.5)) {
		const b = rng.pick(blocks);
		const rep = rng.chance(0.5) ? b[0].repeat(rng.int(2, 30)) : '';
		out = out.slice(0, b.index!) + rep + out.slice(b.index! + b[0].length);
	}
	files['word/document.xml'] = strToU8(out);
	return zipSync(files);
}

export interface FuzzFinding {
	seed: string;
	index: number;
	kind: 'exception' | 'slow';
	detail: string;
	/** The file that did it, to save and replay. */
	bytes: Uint8Array;
	name: string;
}

export interface FuzzRun {
	cases: number;
	refused: number;
	parsed: number;
	slowestMs: number;
	findings: FuzzFinding[];
}

/** `perSeed` mutations of each seed of the format, parsed one by one. */
export async function fuzz(
	seeds: Seed[],
	format: FuzzFormat,
	perSeed: number,
	opts: { seed?: string; limitMs?: number } = {}
): Promise<FuzzRun> {
	const limitMs = opts.limitMs ?? 2000;
	const run: FuzzRun = { cases: 0, refused: 0, parsed: 0, slowestMs: 0, findings: [] };
	const mine = seeds.filter((s) => s.format === format);
	// Warm up (module loading, JIT, PDFium's first document) so the first case is not charged for it.
	for (const s of mine) await parseReport(s.bytes, s.name).catch(() => {});
	for (const s of mine) {
		const rng = createRng(`${opts.seed ?? 'fuzz'}:${s.name}`);
		const other = seeds[rng.int(0, seeds.length - 1)].bytes;
		for (let i = 0; i < perSeed; i++) {
			const bytes = format === 'docx' ? mutateDocx(s.bytes, rng) : mutateBytes(s.bytes, rng, other);
			// sometimes under another format's name: the sniffer must cope with lies
			const name = rng.chance(0.1) ? `case.${rng.pick(['txt', 'html', 'pdf', 'docx', 'doc', 'bin'])}` : s.name;
			const t0 = performance.now();
			const cpu0 = process.cpuUsage();
			try {
				await parseReport(bytes, name);
				run.parsed++;
			} catch (e) {
				if (e instanceof ParseRefusal) run.refused++;
				else
					run.findings.push({
						seed: s.name,
						index: i,
						kind: 'exception',
						detail: e instanceof Error ? (e.stack ?? e.message) : String(e),
						bytes,
						name
					});
			}
			// CPU time is the measure (the machines these run on are shared: wall time grows with the neighbours'
			// load), with wall time capped at five times the limit so a file that waits on nothing still counts.
			const cpu = process.cpuUsage(cpu0);
			const ms = (cpu.user + cpu.system) / 1000;
			const wall = performance.now() - t0;
			run.slowestMs = Math.max(run.slowestMs, ms);
			if (ms > limitMs || wall > 5 * limitMs)
				run.findings.push({
					seed: s.name,
					index: i,
					kind: 'slow',
					detail: `${Math.round(ms)} ms CPU, ${Math.round(wall)} ms wall`,
					bytes,
					name
				});
			run.cases++;
		}
	}
	return run;
}
