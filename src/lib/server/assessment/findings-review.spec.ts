// Findings feed the assessment as reviewed: a cross-report finding (X6, copying another organ's text) counts only
// once a reviewer confirmed it, and stops counting when dismissed; a report's own finding dismissed as 误报 stops
// counting. Real import into a migrated SQLite file, the real review workflow, the sheet read as the pages read it.
import { describe, expect, it } from 'vitest';
import { freshDatabaseEachTest } from '../../../../tests/helpers/db-per-test';
import { renderReport } from '../../../../tests/helpers/report-files';
import { generateTruth } from '../../generator/district';
import { importFiles } from '../import';
import * as organs from '../organs';
import * as users from '../users';
import type { Actor } from '../../auth/actor';
import { listFindings, reviewFindings } from '../findings/review';
import { getSheet } from './index';
import { DEFAULT_RUBRIC } from '../../assessment/rubric';
import type { OrganScore } from '../../assessment/score';
import type { Quarter } from '../../assessment/quarter';

freshDatabaseEachTest('dw-assessment-review-');

type TruthOptions = Parameters<typeof generateTruth>[0];

/** A generated district of 2022–2023 reports on the roster, imported by an inspector. */
async function district(seed: string, organCount: number, opts: Omit<TruthOptions, 'seed' | 'organs' | 'years'>) {
	const actor: Actor = {
		id: (await users.create({ username: 'insp', password: 'insp-password-1', role: 'inspector' })).id,
		role: 'inspector',
		organId: null
	};
	const t = generateTruth({ organs: organCount, years: [2022, 2023], seed, ...opts });
	// On the roster before the import, as the district's own organs are.
	for (const o of t.organs) organs.ensure(o.names[o.names.length - 1].name, o.kind);
	const results = await importFiles(
		t.reports.map((r) => ({ name: `${r.organ_id}-${r.report.year}.txt`, bytes: renderReport(r.report) })),
		actor
	);
	expect(results.filter((r) => r.status === 'refused')).toEqual([]);
	return { actor, t };
}

const indicator = (sheet: ReturnType<typeof getSheet>, organId: number, id: string) => {
	const s = sheet.scores.find((x: OrganScore) => x.organId === organId)!;
	return s.indicators.find((i) => i.id === id)!;
};
const rulesOf = (ind: ReturnType<typeof indicator>) =>
	ind.items.flatMap((i) => i.evidence.map((e) => 'rule' in e && e.rule));

describe('reviewed findings in the assessment', () => {
	it('an X6 finding counts in 内容雷同 once confirmed, and no longer once dismissed', async () => {
		const { actor } = await district('assessment-review', 24, { errorRate: 0, cross: {} });
		const x6 = listFindings({ rule: 'X6', status: 'all', limit: 10_000 }).rows.filter((f) => f.kind === 'cross');
		expect(x6.length).toBeGreaterThan(0);
		const f = x6[0];
		const Q: Quarter = { year: f.year + 1, q: 1 };
		const sim = DEFAULT_RUBRIC.indicators.find((i) => i.id === 'report.similarity')!;
		const perItem = (sim.evidence as { perItem: number }).perItem;

		const before = indicator(getSheet(Q), f.organId, 'report.similarity');
		expect(rulesOf(before)).not.toContain('X6');

		reviewFindings({ keys: [f.key], status: 'confirmed', note: '与他单位雷同，已核实' }, actor.id!);
		const confirmed = indicator(getSheet(Q), f.organId, 'report.similarity');
		expect(rulesOf(confirmed)).toContain('X6');
		expect(confirmed.raw).toBe(before.raw + perItem);
		expect(confirmed.lost).toBe(Math.min(before.raw + perItem, sim.cap));
		expect(confirmed.items.flatMap((i) => i.evidence).find((e) => 'rule' in e && e.rule === 'X6')).toMatchObject({
			kind: 'finding',
			cross: true,
			reportYear: f.year
		});

		reviewFindings({ keys: [f.key], status: 'dismissed', reason: 'false_positive' }, actor.id!);
		const dismissed = indicator(getSheet(Q), f.organId, 'report.similarity');
		expect(rulesOf(dismissed)).not.toContain('X6');
		expect(dismissed.lost).toBe(before.lost);

		// Reopened (back to open): not counted either.
		reviewFindings({ keys: [f.key], status: 'confirmed' }, actor.id!);
		expect(indicator(getSheet(Q), f.organId, 'report.similarity').raw).toBe(before.raw + perItem);
		reviewFindings({ keys: [f.key], status: 'open' }, actor.id!);
		expect(indicator(getSheet(Q), f.organId, 'report.similarity').raw).toBe(before.raw);
	}, 120_000);

	it("a report's own A1 finding dismissed as 误报 stops counting; dismissed as 原报告如此 it stands", async () => {
		const { actor } = await district('assessment-review-own', 6, { errorRate: 1, damageKinds: ['A1'] });
		const a1 = listFindings({ rule: 'A1', year: 2023, status: 'all' }).rows.filter((f) => f.kind === 'report');
		expect(a1.length).toBeGreaterThan(0);
		const f = a1[0];
		const Q: Quarter = { year: 2024, q: 1 };
		const sameOrgan = a1.filter((x) => x.organId === f.organId);
		const before = indicator(getSheet(Q), f.organId, 'report.accuracy');
		expect(rulesOf(before).filter((r) => r === 'A1')).toHaveLength(sameOrgan.length);

		reviewFindings({ keys: [f.key], status: 'dismissed', reason: 'as_printed' }, actor.id!);
		expect(indicator(getSheet(Q), f.organId, 'report.accuracy')).toEqual(before);

		reviewFindings({ keys: sameOrgan.map((x) => x.key), status: 'dismissed', reason: 'false_positive' }, actor.id!);
		const after = indicator(getSheet(Q), f.organId, 'report.accuracy');
		expect(rulesOf(after)).not.toContain('A1');
		expect(after.raw).toBe(
			before.raw -
				(DEFAULT_RUBRIC.indicators.find((i) => i.id === 'report.accuracy')!.evidence as { perItem: number }).perItem
		);

		reviewFindings({ keys: sameOrgan.map((x) => x.key), status: 'open' }, actor.id!);
		expect(indicator(getSheet(Q), f.organId, 'report.accuracy')).toEqual(before);
	}, 120_000);
});
