import { describe, expect, it } from 'vitest';
import type { Row5, Row7 } from '../model';
import * as split from './split';
import { applicationRowKeys, outcomeRowKeys, type ApplicationRowKey, type TemplateVersion } from '../template';
import { expectMentions } from '../../../../tests/helpers/expect-text';

// 平潭 2023 section 3 as the scraped page runs it together (the next row's list number already stripped).
const PINGTAN_2023: Partial<Record<ApplicationRowKey, split.RunToken[]>> = {
	new: ['801000081'],
	carried_over: ['0000000'],
	granted: ['220000022'],
	partial: ['191000020'],
	'refused.state_secret': ['0000000'],
	'refused.law_prohibited': ['0000000'],
	'refused.three_safeties': ['0000000'],
	'refused.third_party': ['1000001'],
	'refused.internal_affairs': ['0000000'],
	'refused.process_info': ['1000001'],
	'refused.enforcement_file': ['1000001'],
	'refused.query_matter': ['2000002'],
	'unable.not_held': ['310000031'],
	'unable.needs_creation': ['0000000'],
	'unable.unclear': ['0000000'],
	'not_processed.petition': ['0000000'],
	'not_processed.duplicate': ['1000001'],
	'not_processed.publication': ['0000000'],
	'not_processed.excessive': ['0000000'],
	'not_processed.confirm': ['0000000'],
	'other.no_correction': ['1000001'],
	'other.no_fee': ['0000000'],
	'other.other': ['1000001'],
	results_total: ['801000081'],
	carried_forward: ['0000000']
};

describe('countSplits', () => {
	it('counts splits without leading zeros', () => {
		expect(split.countSplits('77132470', 3)).toBe(21);
		expect(split.countSplits('0000000', 7)).toBe(1);
		expect(split.countSplits('0000000', 6)).toBe(0);
		expect(split.countSplits('105', 2)).toBe(1); // 10,5 only: "05" is not a number
		expect(split.countSplits('12', 3)).toBe(0);
	});

	it('agrees with brute-force enumeration', () => {
		for (const digits of ['801000081', '220000022', '1203', '9999', '1000001']) {
			for (let k = 1; k <= digits.length; k++) {
				const all = split.enumerateSplits([digits], k, []).solutions.length;
				expect(split.countSplits(digits, k)).toBe(all);
			}
		}
	});
});

describe('splitSection3 on 平潭 2023', () => {
	const result = split.splitSection3({ rows: PINGTAN_2023 });

	it('splits 801000081 into 80,1,0,0,0,0,81 by the row sum', () => {
		expect(result.rows.new).toEqual([80, 1, 0, 0, 0, 0, 81]);
		expect(result.detail.new!.status).toBe('row-sum');
	});

	it('needs the column sums for 220000022 (22,0,… or 2,20,…)', () => {
		expect(result.detail.granted!.candidates).toBe(2);
		expect(result.detail.granted!.status).toBe('table-sums');
		expect(result.rows.granted).toEqual([22, 0, 0, 0, 0, 0, 22]);
		expect(result.rows.partial).toEqual([19, 1, 0, 0, 0, 0, 20]);
	});

	it('settles the whole table to one assignment', () => {
		expect(result.tableSolutions).toBe(1);
		expect(result.complete).toBe(true);
		expect(result.rows['unable.not_held']).toEqual([31, 0, 0, 0, 0, 0, 31]);
		expect(result.rows['other.other']).toEqual([1, 0, 0, 0, 0, 0, 1]);
		expect(result.rows.results_total).toEqual([80, 1, 0, 0, 0, 0, 81]);
	});

	it('leaves 220000022 undetermined without the column sums', () => {
		const alone = split.splitSection3({ rows: { granted: ['220000022'] } });
		expect(alone.rows.granted).toBeNull();
		expect(alone.detail.granted!.status).toBe('ambiguous');
		expect(alone.detail.granted!.alternatives).toContainEqual([22, 0, 0, 0, 0, 0, 22]);
		expect(alone.detail.granted!.alternatives).toContainEqual([2, 20, 0, 0, 0, 0, 22]);
		const w = split.section3SplitWarnings({ rows: { granted: ['220000022'] } }, alone);
		expect(w).toHaveLength(1);
		expect(w[0].code).toBe('run_together_ambiguous');
		expectMentions(w[0].message, '220000022', '2种');
		expect(w[0].where).toBe('applications.rows.granted');
	});

	it('writes warnings naming the digits and the split', () => {
		const w = split.section3SplitWarnings({ rows: PINGTAN_2023 }, result);
		const granted = w.find((x) => x.where === 'applications.rows.granted')!;
		expect(granted.code).toBe('run_together_split');
		expect(granted.message).toContain('22,0,0,0,0,0,22');
		// Rows of seven zeros need no warning.
		expect(w.some((x) => x.where === 'applications.rows.carried_over')).toBe(false);
	});
});

describe('splitSection3 on 平潭 2020 (2019 layout, partly separated tokens, the report breaks A2)', () => {
	const rows: Partial<Record<ApplicationRowKey, split.RunToken[]>> = {
		new: ['200', '000121'],
		carried_over: ['0000000'],
		granted: ['6000017'],
		partial: ['6000006'],
		'unable.not_held': ['4000004'],
		'unable.unclear': ['3000003'],
		'not_processed.duplicate': ['3000003'],
		other: ['4', '0', '0', '0', '0', '0', '4'],
		results_total: ['20', '0', '00', '0', '121'],
		carried_forward: ['0', '0', '00', '00', '0']
	};
	for (const key of applicationRowKeys('2019')) if (!rows[key]) rows[key] = ['0000000'];
	const result = split.splitSection3({ rows, otherLayout: '2019' });

	it('reads the separated rows and settles the run-together ones', () => {
		expect(result.rows.other).toEqual([4, 0, 0, 0, 0, 0, 4]);
		expect(result.detail.other!.status).toBe('single');
		expect(result.rows.carried_forward).toEqual([0, 0, 0, 0, 0, 0, 0]);
		expect(result.rows.granted).toEqual([6, 0, 0, 0, 0, 1, 7]);
		expect(result.rows.new).toEqual([20, 0, 0, 0, 0, 1, 21]);
		expect(result.rows.results_total).toEqual([20, 0, 0, 0, 0, 1, 21]);
		expect(result.detail.new!.status).toBe('row-sum');
	});

	it('finds that the report itself breaks A2 (outcomes sum to 27, 总计 21) and says it used row sums only', () => {
		expect(result.tableSolutions).toBe(0);
		expect(result.reason).toContain('仅按行合计拆分');
	});
});

describe('splitSection3 edge cases', () => {
	it('keeps a row the text fixes even when it breaks A3 (no repair)', () => {
		const r = split.splitSection3({ rows: { new: ['1', '2', '3', '0', '0', '0', '9'] } });
		expect(r.rows.new).toEqual([1, 2, 3, 0, 0, 0, 9]);
		expect(r.detail.new!.status).toBe('single');
	});

	it('gives null and no-valid-split when no split satisfies A3', () => {
		const r = split.splitSection3({ rows: { new: ['12345678'] } });
		expect(r.rows.new).toBeNull();
		expect(r.detail.new!.status).toBe('no-valid-split');
		expect(r.detail.new!.splits).toBe(7);
		const w = split.section3SplitWarnings({ rows: { new: ['12345678'] } }, r);
		expect(w[0].code).toBe('run_together_unsolved');
		expect(w[0].message).toContain('7种拆分均不满足合计关系');
	});

	it('gives null when the digits cannot fill seven cells', () => {
		const r = split.splitSection3({ rows: { new: ['123'] } });
		expect(r.detail.new!.status).toBe('no-valid-split');
		expect(r.detail.new!.reason).toContain('位数不足');
	});

	it('accepts a blank cell token and skips the row sum then', () => {
		const r = split.splitSection3({ rows: { new: ['5', null, '0', '0', '0', '0', '5'] } });
		expect(r.rows.new).toEqual([5, null, 0, 0, 0, 0, 5]);
		const amb = split.splitSection3({ rows: { new: ['5100000', null] } });
		expect(amb.rows.new).toBeNull();
		expect(amb.detail.new!.status).toBe('ambiguous');
	});

	it('honours a known cell count per token', () => {
		// "1110" as 3 cells: 1,1,10 | 1,11,0 | 11,1,0, each summing to 12 with the zeros → three readings.
		// As 4 cells it can only be 1,1,1,0.
		const r = split.splitSection3({ rows: { new: [{ digits: '1110', cells: 3 }, '0', '0', '0', '12'] } });
		expect(r.detail.new!.candidates).toBe(3);
		const r2 = split.splitSection3({ rows: { new: [{ digits: '1110', cells: 4 }, '0', '0', '3'] } });
		expect(r2.rows.new).toEqual([1, 1, 1, 0, 0, 0, 3]);
	});

	it('refuses non-digit tokens', () => {
		const r = split.splitSection3({ rows: { new: ['80a1'] } });
		expect(r.rows.new).toBeNull();
		expect(r.detail.new!.reason).toContain('非数字');
	});

	it('gives up beyond its limits with a reason, never hangs', () => {
		const long = '1'.repeat(200);
		const r = split.splitSection3({ rows: { new: [long] } });
		expect(r.detail.new!.status).toBe('gave-up');
		expect(r.detail.new!.reason).toContain('过长');
		const r2 = split.splitSection3(
			{ rows: { new: ['9'.repeat(40)] } },
			{ maxNodes: 1000, maxCandidates: 500, maxTableNodes: 1000, maxDigits: 120 }
		);
		expect(r2.detail.new!.status).toBe('gave-up');
		expect(r2.complete).toBe(false);
	});

	it('uses row-only splits and says so when the columns cannot all hold', () => {
		// new breaks A1 against results_total: 220000022 stays ambiguous.
		const r = split.splitSection3({
			rows: {
				new: ['5', '0', '0', '0', '0', '0', '5'],
				carried_over: ['0000000'],
				granted: ['220000022'],
				results_total: ['220000022'],
				carried_forward: ['0000000']
			},
			otherLayout: '2021'
		});
		expect(r.tableSolutions).toBe(0);
		expect(r.reason).toContain('列合计');
		expect(r.rows.granted).toBeNull();
		expect(r.rows.new).toEqual([5, 0, 0, 0, 0, 0, 5]);
	});
});

describe('splitSection4', () => {
	it('splits 平潭 2023 110024001510102 into three groups', () => {
		const r = split.splitSection4({ flat: ['110024001510102'] });
		expect(r.groups).toEqual({
			reconsideration: [1, 1, 0, 0, 2],
			litigation_direct: [4, 0, 0, 1, 5],
			litigation_after_reconsideration: [1, 0, 1, 0, 2]
		});
	});

	it('splits 平潭 2024 21317000001324019 by A4 (17 digits, 15 cells)', () => {
		const r = split.splitSection4({ flat: ['21317000001324019'] });
		expect(r.detail.reconsideration!.splits).toBeGreaterThan(1);
		for (const g of ['reconsideration', 'litigation_direct', 'litigation_after_reconsideration'] as const) {
			const v = r.groups[g]!;
			expect(v).not.toBeNull();
			expect(v[0]! + v[1]! + v[2]! + v[3]!).toBe(v[4]);
			expect(r.detail[g]!.status).toBe('row-sum');
		}
		expect(
			r.groups.reconsideration!.join('') +
				r.groups.litigation_direct!.join('') +
				r.groups.litigation_after_reconsideration!.join('')
		).toBe('21317000001324019');
	});

	it('splits per group and reports an ambiguous group', () => {
		const r = split.splitSection4({ groups: { reconsideration: ['1100011'], litigation_direct: ['00000'] } });
		// 1,10,0,0,11 and 11,0,0,0,11 both satisfy A4 → null
		expect(r.groups.litigation_direct).toEqual([0, 0, 0, 0, 0]);
		expect(r.groups.reconsideration).toBeNull();
		expect(r.detail.reconsideration!.status).toBe('ambiguous');
		expect(r.detail.reconsideration!.alternatives).toEqual([
			[1, 10, 0, 0, 11],
			[11, 0, 0, 0, 11]
		]);
		const w = split.section4SplitWarnings(
			{ groups: { reconsideration: ['1100011'], litigation_direct: ['00000'] } },
			r
		);
		expect(w).toHaveLength(1);
		expect(w[0].where).toBe('review.reconsideration');
		expect(w[0].message).toContain('1100011');
	});
});

describe('splitFree (section 2)', () => {
	it('reports 77132470 into 3 cells as 21 splits, never a guess', () => {
		const s = split.splitFree(['77132470'], 3);
		expect(s.values).toBeNull();
		expect(s.splits).toBe(21);
		const w = split.freeSplitWarning('proactive.normative_docs', '表二“行政规范性文件”行', ['77132470'], 3, s)!;
		expect(w.code).toBe('run_together_ambiguous');
		expectMentions(w.message, '21种', '77132470');
	});

	it('settles a text with one reading', () => {
		const s = split.splitFree(['000'], 3);
		expect(s.values).toEqual([0, 0, 0]);
		expect(split.freeSplitWarning('proactive.rules', '规章', ['000'], 3, s)).toBeNull();
	});
});

// ── Property test: random consistent tables, rendered run-together, solved back ────────────────────

function rng(seed: number) {
	let s = seed >>> 0;
	return () => {
		s = (s * 1664525 + 1013904223) >>> 0;
		return s / 2 ** 32;
	};
}

function randomCount(r: () => number): number {
	const x = r();
	if (x < 0.6) return 0;
	if (x < 0.85) return Math.floor(r() * 10);
	if (x < 0.97) return Math.floor(r() * 100);
	return Math.floor(r() * 1000);
}

function randomTable(r: () => number, layout: TemplateVersion): Record<string, Row7> {
	const withTotal = (six: number[]): Row7 => [...six, six.reduce((a, b) => a + b, 0)] as Row7;
	const rows: Record<string, Row7> = {};
	const zero = [0, 0, 0, 0, 0, 0];
	const results = [...zero];
	for (const key of outcomeRowKeys(layout)) {
		const six = zero.map((_, c) => (c === 0 || r() < 0.2 ? randomCount(r) : 0));
		six.forEach((v, c) => (results[c] += v));
		rows[key] = withTotal(six);
	}
	const forward = zero.map(() => (r() < 0.3 ? randomCount(r) : 0));
	const carried = zero.map((_, c) => Math.min(r() < 0.3 ? randomCount(r) : 0, results[c] + forward[c]));
	const fresh = zero.map((_, c) => results[c] + forward[c] - carried[c]);
	rows.new = withTotal(fresh);
	rows.carried_over = withTotal(carried);
	rows.results_total = withTotal(results);
	rows.carried_forward = withTotal(forward);
	return rows;
}

/** Runs a row's cells together, sometimes keeping a separator between two cells. */
function render(r: () => number, row: Row7, keepSep: number): split.RunToken[] {
	const tokens: split.RunToken[] = [];
	let cur = '';
	row.forEach((v, i) => {
		cur += String(v);
		if (i < 6 && r() < keepSep) {
			tokens.push(cur);
			cur = '';
		}
	});
	tokens.push(cur);
	return tokens;
}

describe('splitSection3 property: random tables solve back', () => {
	for (const layout of ['2021', '2019'] as const) {
		it(`never gives a wrong value and settles most rows (${layout})`, () => {
			const r = rng(layout === '2021' ? 7 : 11);
			let rowsTotal = 0;
			let rowsSettled = 0;
			let tablesUnique = 0;
			for (let t = 0; t < 150; t++) {
				const table = randomTable(r, layout);
				const input: Partial<Record<ApplicationRowKey, split.RunToken[]>> = {};
				for (const key of applicationRowKeys(layout)) input[key] = render(r, table[key], t % 3 === 0 ? 0.3 : 0);
				const res = split.splitSection3({ rows: input, otherLayout: layout });
				expect(res.complete).toBe(true);
				// The true table satisfies every sum, so at least one assignment exists.
				expect(res.tableSolutions).toBeGreaterThanOrEqual(1);
				for (const key of applicationRowKeys(layout)) {
					rowsTotal++;
					const got = res.rows[key];
					if (got !== null && got !== undefined) {
						rowsSettled++;
						expect(got).toEqual(table[key]);
					} else {
						expect(res.detail[key]!.alternatives).toContainEqual(table[key]);
					}
				}
				if (res.tableSolutions === 1) {
					tablesUnique++;
					for (const key of applicationRowKeys(layout)) expect(res.rows[key]).toEqual(table[key]);
				}
			}
			// Most random rows are settled (zeros dominate real tables too).
			expect(rowsSettled / rowsTotal).toBeGreaterThan(0.9);
			expect(tablesUnique).toBeGreaterThan(0);
		});
	}

	it('section 4: random groups run together solve back or stay null', () => {
		const r = rng(3);
		for (let t = 0; t < 200; t++) {
			const groups = [0, 1, 2].map(() => {
				const four = [0, 0, 0, 0].map(() => randomCount(r));
				return [...four, four.reduce((a, b) => a + b, 0)] as Row5;
			});
			const res = split.splitSection4({ flat: [groups.flat().join('')] });
			(['reconsideration', 'litigation_direct', 'litigation_after_reconsideration'] as const).forEach((g, i) => {
				const got = res.groups[g];
				if (got) expect(got).toEqual(groups[i]);
				else expect(res.detail[g]!.alternatives).toContainEqual(groups[i]);
			});
		}
	});
});
