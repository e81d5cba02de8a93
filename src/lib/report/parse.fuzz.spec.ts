// Bounded parser fuzzing in npm test: about 2,000 seeded mutations of the real sample, the real peer reports and
// generated reports, in every format. Every file must be parsed or refused (ParseRefusal), none may throw anything
// else, none may take more than 2 s of CPU. `npm run bench:fuzz` runs the same engine longer, with other seeds.
import { beforeAll, describe, expect, it } from 'vitest';
import { fuzz, fuzzSeeds, type FuzzFormat, type FuzzRun, type Seed } from '../../../tests/helpers/fuzz';

let seeds: Seed[];
beforeAll(async () => {
	seeds = await fuzzSeeds();
}, 60_000);

const PER_SEED: Record<FuzzFormat, number> = { txt: 250, html: 200, docx: 300, pdf: 10 };

function report(run: FuzzRun): string {
	return run.findings
		.slice(0, 5)
		.map((f) => `${f.kind} ${f.seed} #${f.index} as ${f.name}: ${f.detail.split('\n').slice(0, 4).join(' / ')}`)
		.join('\n');
}

describe('parser fuzzing', () => {
	it.each(Object.keys(PER_SEED) as FuzzFormat[])(
		'%s: mutated files are parsed or refused, never an exception, each under 2 s',
		async (format) => {
			const run = await fuzz(seeds, format, PER_SEED[format], { seed: 'npm-test', limitMs: 2000 });
			expect(run.cases).toBeGreaterThan(0);
			expect(run.findings, report(run)).toEqual([]);
			// both outcomes occur: the mutations neither all break the file nor all leave it alone
			expect(run.refused).toBeGreaterThan(0);
			expect(run.parsed).toBeGreaterThan(0);
			console.info(
				`fuzz ${format}: ${run.cases} cases, ${run.parsed} parsed, ${run.refused} refused, slowest ${Math.round(run.slowestMs)} ms`
			);
		},
		180_000
	);
});
