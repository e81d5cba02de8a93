// `npm run bench:fuzz [-- --cases N] [--seed S]`: the parser fuzzing of npm test (tests/helpers/fuzz.ts), longer:
// N mutations per seed file (default 2,000; PDFs a tenth of it), a different seed each day unless given. Findings
// (an exception other than a refusal, or a file over 2 s) are saved under test-results/fuzz/ to replay.
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fuzz, fuzzSeeds, type FuzzFormat } from '../helpers/fuzz';

const arg = (name: string) => {
	const i = process.argv.indexOf(`--${name}`);
	return i > 0 ? process.argv[i + 1] : undefined;
};
const cases = Number(arg('cases') ?? 2000);
const seed = arg('seed') ?? `bench-${new Date().toISOString().slice(0, 10)}`;
const seeds = await fuzzSeeds();
const out = join('test-results', 'fuzz');
let findings = 0;
let total = 0;
const t0 = performance.now();
for (const format of ['txt', 'html', 'docx', 'pdf'] as FuzzFormat[]) {
	const t = performance.now();
	const run = await fuzz(seeds, format, format === 'pdf' ? Math.max(1, Math.round(cases / 10)) : cases, {
		seed,
		limitMs: 2000
	});
	total += run.cases;
	findings += run.findings.length;
	const s = (performance.now() - t) / 1000;
	console.log(
		`${format.padEnd(5)} ${String(run.cases).padStart(6)} cases  ${String(run.parsed).padStart(6)} parsed  ${String(run.refused).padStart(6)} refused  ` +
			`slowest ${Math.round(run.slowestMs)} ms  ${(run.cases / s).toFixed(0)} cases/s  findings ${run.findings.length}`
	);
	for (const f of run.findings) {
		mkdirSync(out, { recursive: true });
		const file = join(
			out,
			`${format}-${f.seed.replace(/[^\w.-]/g, '_')}-${f.index}-${f.kind}-${f.name.replace(/[^\w.-]/g, '_')}`
		);
		writeFileSync(file, f.bytes);
		console.log(`  ${f.kind}: ${f.detail.split('\n')[0]} → ${file}`);
	}
}
console.log(
	`\n${total} cases in ${((performance.now() - t0) / 1000).toFixed(0)} s (seed "${seed}"), ${findings} findings`
);
process.exitCode = findings ? 1 : 0;
