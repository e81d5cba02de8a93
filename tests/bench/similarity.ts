// `npm run bench:similarity -- [--reports N] [--copies K]`
// X6 (copied from another organ) over N generated reports of one year (default 5,000) with K injected copies:
// folding + shingles + MinHash signatures, then the LSH candidate pairs verified. Prints the candidate pairs examined
// against the all-pairs count, and fails when it takes 30 s or more or misses an injected copy.
import { generateTruth } from '../../src/lib/generator/index';
import { copiedPairs, textDocs } from '../../src/lib/cross/index';
import { parseArgs } from '../../src/cli/command';

const { flags } = parseArgs(process.argv.slice(2), []);
const N = Number(flags.reports ?? 5000);
const K = Number(flags.copies ?? 20);
const LIMIT_MS = 30_000;
const fmt = (x: number) => (x >= 100 ? x.toFixed(0) : x.toFixed(1));

let t0 = performance.now();
const truth = generateTruth({
	organs: N,
	years: [2023],
	seed: 'bench-similarity',
	errorRate: 0,
	cross: { copies: K, parentMismatch: false, missing: 0, stockBreaks: 0, silentEdits: 0 }
});
console.log(`generated ${truth.reports.length} reports in ${fmt(performance.now() - t0)} ms (not timed below)`);

t0 = performance.now();
const docs = truth.reports.flatMap((r) =>
	textDocs({ organ: r.organ_id, organName: r.report.organ, year: r.report.year!, model: r.report })
);
const prepMs = performance.now() - t0;
const t1 = performance.now();
const res = copiedPairs(docs);
const pairMs = performance.now() - t1;
const totalMs = prepMs + pairMs;

const want = new Set(
	truth.cross!.truth.filter((c) => c.rule === 'X6').map((c) => [c.organ_id, c.other_organ_id, c.section].join('|'))
);
const got = new Set(
	res.pairs.flatMap(([a, b]) => [[a.organ, b.organ, a.section].join('|'), [b.organ, a.organ, a.section].join('|')])
);
const missed = [...want].filter((k) => !got.has(k));
const extra = [...got].filter((k) => !want.has(k));

console.log(`texts: ${docs.length} (sections 1 and 5 of ${truth.reports.length} reports)`);
console.log(
	`signatures: ${fmt(prepMs)} ms; candidate pairs + verification: ${fmt(pairMs)} ms; total ${fmt(totalMs)} ms (limit ${LIMIT_MS / 1000} s)`
);
console.log(
	`candidate pairs examined: ${res.examined.toLocaleString('en')} of ${res.allPairs.toLocaleString('en')} all pairs (${((res.examined / res.allPairs) * 100).toFixed(3)} %)`
);
console.log(
	`copies found: ${res.pairs.length} pairs; injected ${want.size / 2}; missed ${missed.length}; not injected ${extra.length}`
);
if (totalMs >= LIMIT_MS || missed.length) {
	console.error(totalMs >= LIMIT_MS ? 'FAIL: over the time limit' : `FAIL: missed ${missed.join(', ')}`);
	process.exitCode = 1;
}
