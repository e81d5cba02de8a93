// The round trip: every file the generator writes, parsed by the parser, equals its truth cell for cell and
// yields exactly the findings the truth lists (runChecks inside the parser for the one-report rules; Y1 through
// checkCarryOver with last year's parsed report; T1 through checkTimeliness with the organ's kind).
import { beforeAll, describe, expect, it } from 'vitest';
import { generateDistrict, type GeneratedDistrict, type TruthFile } from '../../src/lib/server/generate/index';
import { parseReport } from '../../src/lib/report/parse';
import { checkCarryOver, checkTimeliness } from '../../src/lib/report/checks/cross';
import { normalizeOrganName } from '../../src/lib/report/organ';
import type { Finding, Format, Report } from '../../src/lib/report/model';
import type { OrganKind } from '../../src/lib/report/organ';

const FORMATS: Format[] = ['txt', 'html', 'docx', 'pdf'];
const ORGANS = 40;
const YEARS = [2020, 2021, 2022];

let district: GeneratedDistrict;
const parsed = new Map<string, Report>();
const refused = new Map<string, string>();

beforeAll(async () => {
	district = await generateDistrict({
		organs: ORGANS,
		years: YEARS,
		seed: 'roundtrip',
		formats: FORMATS,
		errorRate: 0.3,
		publicationLog: false
	});
	for (const f of district.files) {
		try {
			parsed.set(f.name, await parseReport(f.bytes, f.name));
		} catch (e) {
			refused.set(f.name, e instanceof Error ? e.message : String(e));
		}
	}
}, 900_000);

const key = (f: Pick<Finding, 'rule' | 'severity' | 'cells'>) =>
	`${f.rule}/${f.severity}:${[...f.cells].sort().join(',')}`;
const keys = (fs: Finding[]) => fs.map(key).sort();

/** Every difference between a parsed report and its truth, as short strings (empty = equal). */
function differences(p: Report, t: TruthFile): string[] {
	const d: string[] = [];
	const same = (a: unknown, b: unknown) => JSON.stringify(a) === JSON.stringify(b);
	if (normalizeOrganName(p.organ) !== normalizeOrganName(t.organ)) d.push(`organ ${p.organ} ≠ ${t.organ}`);
	if (p.year !== t.year) d.push(`year ${p.year} ≠ ${t.year}`);
	if (p.template !== t.template) d.push(`template ${p.template} ≠ ${t.template}`);
	if (p.published_on !== t.published_on) d.push(`published_on ${p.published_on} ≠ ${t.published_on}`);
	if (p.source.format !== t.source.format) d.push(`format ${p.source.format}`);
	if (p.source.script !== t.source.script) d.push(`script ${p.source.script} ≠ ${t.source.script}`);
	if (
		(t.source.format === 'txt' || t.source.format === 'html') &&
		p.source.encoding.toLowerCase() !== t.source.encoding
	)
		d.push(`encoding ${p.source.encoding} ≠ ${t.source.encoding}`);
	if (p.fees.info_processing_fee_yuan !== t.fees.info_processing_fee_yuan)
		d.push(`fee ${p.fees.info_processing_fee_yuan} ≠ ${t.fees.info_processing_fee_yuan}`);
	const present = (r: Report) =>
		Object.keys(r.sections)
			.filter((k) => (r.sections as Record<string, string>)[k]?.trim())
			.sort();
	if (!same(present(p), present(t))) d.push(`sections ${present(p)} ≠ ${present(t)}`);
	for (const k of new Set([...Object.keys(p.proactive), ...Object.keys(t.proactive)]))
		if (!same(p.proactive[k], t.proactive[k]))
			d.push(`proactive.${k} ${JSON.stringify(p.proactive[k])} ≠ ${JSON.stringify(t.proactive[k])}`);
	const pr = p.applications.rows as Record<string, unknown>;
	const tr = t.applications.rows as Record<string, unknown>;
	for (const k of new Set([...Object.keys(pr), ...Object.keys(tr)]))
		if (!same(pr[k], tr[k])) d.push(`rows.${k} ${JSON.stringify(pr[k])} ≠ ${JSON.stringify(tr[k])}`);
	const pv = p.review as Record<string, unknown>;
	const tv = t.review as Record<string, unknown>;
	for (const k of new Set([...Object.keys(pv), ...Object.keys(tv)]))
		if (!same(pv[k], tv[k])) d.push(`review.${k} ${JSON.stringify(pv[k])} ≠ ${JSON.stringify(tv[k])}`);
	const oneReport = t.findings.filter((f) => f.rule !== 'Y1' && f.rule !== 'T1');
	if (!same(keys(p.findings), keys(oneReport))) d.push(`findings [${keys(p.findings)}] ≠ [${keys(oneReport)}]`);
	return d;
}

describe.each(FORMATS)('round trip of generated %s files', (format) => {
	const mine = () => district.truth.files.filter((t) => t.source.format === format);

	it(`covers at least ${ORGANS} organs × ${YEARS.length} years, with damaged files among them`, () => {
		const files = mine();
		expect(files.length).toBeGreaterThanOrEqual(ORGANS * YEARS.length);
		expect(files.filter((f) => f.damage).length).toBeGreaterThan(10);
	});

	it('parses every file (no refusal)', () => {
		const names = mine().map((t) => t.source.file);
		expect(names.filter((n) => refused.has(n)).map((n) => `${n}: ${refused.get(n)}`)).toEqual([]);
	});

	it('gives back every value of the truth and exactly its one-report findings', () => {
		const bad: string[] = [];
		for (const t of mine()) {
			const p = parsed.get(t.source.file);
			if (!p) continue; // counted by the refusal test
			const d = differences(p, t);
			if (d.length)
				bad.push(
					`${t.source.file} [${t.variant.style ?? ''} ${t.variant.encoding} ${t.variant.script}${t.damage ? ' ' + t.damage.kind : ''}]: ${d.join('; ')}`
				);
		}
		expect(bad).toEqual([]);
	});

	it('yields the listed Y1 (checkCarryOver with last year’s parsed file) and T1 (checkTimeliness) findings', () => {
		const bad: string[] = [];
		const byOrganYear = new Map(mine().map((t) => [`${t.organ_id}/${t.year}`, t]));
		for (const t of mine()) {
			const p = parsed.get(t.source.file);
			if (!p) continue;
			const prevTruth = byOrganYear.get(`${t.organ_id}/${t.year! - 1}`);
			const prev = prevTruth ? (parsed.get(prevTruth.source.file) ?? null) : null;
			const got = [
				...(prevTruth ? checkCarryOver(prev, p) : []).filter((f) => f.rule === 'Y1'),
				...checkTimeliness(p, t.organ_kind as OrganKind).filter((f) => f.rule === 'T1')
			];
			const want = t.findings.filter((f) => f.rule === 'Y1' || f.rule === 'T1');
			if (JSON.stringify(keys(got)) !== JSON.stringify(keys(want)))
				bad.push(`${t.source.file}: [${keys(got)}] ≠ [${keys(want)}]`);
		}
		expect(bad).toEqual([]);
	});
});
