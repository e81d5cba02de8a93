import { describe, expect, it } from 'vitest';
import { generateTruth, type TruthReport } from './district';
import { carryOverFindings, reportFindings, timelinessFindings } from './truth-checks';
import { organNameIn } from './organs';
import { inferOrganKind } from '../report/organ';
import {
	applicationRowKeys,
	outcomeRowKeys,
	proactiveItems,
	REVIEW_GROUPS,
	type TemplateVersion
} from '../report/template';

const YEARS = [2019, 2020, 2021, 2022, 2023, 2024, 2025];

describe('district truth', () => {
	const clean = generateTruth({ organs: 41, years: YEARS, seed: 'spec' });
	const damaged = generateTruth({ organs: 41, years: YEARS, seed: 'spec', errorRate: 0.4 });

	it('is deterministic for a seed and differs between seeds', () => {
		const again = generateTruth({ organs: 41, years: YEARS, seed: 'spec', errorRate: 0.4 });
		expect(JSON.stringify(again)).toBe(JSON.stringify(damaged));
		const other = generateTruth({ organs: 41, years: YEARS, seed: 'other', errorRate: 0.4 });
		expect(JSON.stringify(other.reports)).not.toBe(JSON.stringify(damaged.reports));
	});

	it('keeps an organ’s figures when more organs are generated (streams forked per organ)', () => {
		const more = generateTruth({ organs: 60, years: YEARS, seed: 'spec' });
		expect(JSON.stringify(more.reports.slice(0, clean.reports.length))).toBe(JSON.stringify(clean.reports));
	});

	it('uses the 2019 template for 2019–2020 and the 2021 template after, with every row and item present', () => {
		for (const { report: r } of clean.reports) {
			expect(r.template).toBe(r.year! >= 2021 ? '2021' : '2019');
			const layout = r.other_layout!;
			expect(Object.keys(r.applications.rows).sort()).toEqual(applicationRowKeys(layout).sort());
			for (const item of proactiveItems(r.template as TemplateVersion))
				expect(Object.keys(r.proactive[item.key]).sort()).toEqual([...item.fields].sort());
			expect(Object.keys(r.review).sort()).toEqual([...REVIEW_GROUPS].sort());
			expect(r.title).toBe(`${r.organ}${r.year}年政府信息公开工作年度报告`);
		}
	});

	it('holds its own arithmetic (A1–A4), carry-over (Y1) and deadlines (T1) when nothing was injected', () => {
		let prev: TruthReport | null = null;
		for (const t of clean.reports) {
			const r = t.report;
			const rows = r.applications.rows;
			for (const [key, row] of Object.entries(rows)) {
				expect(row![6], key).toBe(row!.slice(0, 6).reduce((a, b) => a! + b!, 0));
				for (const v of row!) expect(Number.isInteger(v) && v! >= 0).toBe(true);
			}
			for (let c = 0; c < 7; c++) {
				expect(rows.new![c]! + rows.carried_over![c]!).toBe(rows.results_total![c]! + rows.carried_forward![c]!);
				const sum = outcomeRowKeys(r.other_layout!).reduce((a, k) => a + rows[k]![c]!, 0);
				expect(sum).toBe(rows.results_total![c]);
			}
			for (const g of REVIEW_GROUPS) {
				const a = r.review[g]!;
				expect(a[0]! + a[1]! + a[2]! + a[3]!).toBe(a[4]);
			}
			if (prev && prev.organ_id === t.organ_id)
				expect(rows.carried_over).toEqual(prev.report.applications.rows.carried_forward);
			expect(timelinessFindings(r, t.organ_kind)).toEqual([]);
			// Only the hybrid layout (2021 section 2 with the 2019 row （六）) may be flagged, by F2, and a fee stated in
			// section 1 or 5 instead of 6, by F5 (both forms seen in the wild, not injected damage).
			expect(r.findings.filter((f) => f.rule !== 'F2' && f.rule !== 'F5')).toEqual([]);
			prev = t;
		}
	});

	it('lists for each damaged report the findings of its damage kind, and none for undamaged ones', () => {
		const counts: Record<string, number> = {};
		for (const t of damaged.reports) {
			const rules = new Set(t.report.findings.map((f) => f.rule).filter((r) => r !== 'F2' && r !== 'F5'));
			if (!t.damage) {
				expect([...rules]).toEqual([]);
				continue;
			}
			counts[t.damage.kind] = (counts[t.damage.kind] ?? 0) + 1;
			const expected: Record<string, string[]> = {
				A1: ['A1'],
				A2: ['A2'],
				A3: ['A3'],
				A4: ['A4'],
				Y1: ['Y1'],
				C1: ['C1', 'F1'],
				T1: ['T1']
			};
			for (const rule of expected[t.damage.kind]) expect(rules.has(rule), `${t.damage.kind} → ${rule}`).toBe(true);
			// A3 on a row total also breaks A1 or A2 of the total column; everything else stays in its family.
			const allowed = new Set(t.damage.kind === 'A3' ? ['A1', 'A2', 'A3'] : expected[t.damage.kind]);
			for (const r of rules) expect(allowed.has(r), `${t.damage.kind} also gave ${r}`).toBe(true);
		}
		for (const kind of ['A1', 'A2', 'A3', 'A4', 'Y1', 'C1', 'T1']) expect(counts[kind], kind).toBeGreaterThan(0);
	});

	it('recomputes the same findings from the stored figures (truth is self-consistent)', () => {
		const byKey = new Map(damaged.reports.map((t) => [`${t.organ_id}/${t.report.year}`, t]));
		for (const t of damaged.reports) {
			const prev = byKey.get(`${t.organ_id}/${t.report.year! - 1}`);
			const again = [
				...reportFindings(t.report),
				...(prev ? carryOverFindings(prev.report, t.report) : []),
				...timelinessFindings(t.report, t.organ_kind)
			];
			expect(again).toEqual(t.report.findings);
		}
	});

	it('has a realistic shape: most organs get few applications, a few get hundreds, natural persons dominate', () => {
		const y2022 = clean.reports.filter((t) => t.report.year === 2022);
		const totals = y2022.map((t) => t.report.applications.rows.new![6]!);
		expect(totals.filter((n) => n <= 10).length / totals.length).toBeGreaterThan(0.5);
		expect(totals.filter((n) => n >= 100).length).toBeGreaterThanOrEqual(2);
		const all = clean.reports.map((t) => t.report.applications.rows.new!);
		const np = all.reduce((a, r) => a + r[0]!, 0);
		const tot = all.reduce((a, r) => a + r[6]!, 0);
		expect(np / tot).toBeGreaterThan(0.75);
		const fees = clean.reports.map((t) => t.report.fees.info_processing_fee_yuan!);
		expect(fees.filter((f) => f === 0).length / fees.length).toBeGreaterThan(0.9);
		expect(clean.reports.every((t) => t.report.year! >= 2021 || t.report.fees.info_processing_fee_yuan === 0)).toBe(
			true
		);
	});

	it('names organs like a real district, of every kind, some renamed between years', () => {
		const kinds = new Set(clean.organs.map((o) => o.kind));
		for (const k of ['government', 'department', 'street', 'town']) expect(kinds.has(k as never), k).toBe(true);
		for (const o of clean.organs) expect(inferOrganKind(o.names.at(-1)!.name)).toBe(o.kind);
		const renamed = clean.organs.filter((o) => o.names.length > 1);
		expect(renamed.length).toBeGreaterThanOrEqual(5);
		const kgx = clean.organs.find((o) => o.id.endsWith('-kgx'))!;
		expect(organNameIn(kgx, 2020)).toBe('云溪区科工信局');
		expect(organNameIn(kgx, 2021)).toBe('云溪区科学技术和工业信息化局');
		const names = clean.organs.map((o) => o.names.at(-1)!.name);
		expect(new Set(names).size).toBe(names.length);
		expect(names).toContain('云溪区教育局');
		expect(names).toContain('清河市公安局云溪分局');
	});
});
