import { describe, expect, it } from 'vitest';
import { handBuilt } from '../../../tests/helpers/hand-built-report';
import { checkCopiedAcross, checkCopiedFromOthers, copiedPairs, textDocs } from './copied-from-other';
import { blankBoilerplate, fold } from './fold';
import type { ReportRef } from './types';
import { createRng } from '../generator/prng';

const OPENING =
	'本报告根据《中华人民共和国政府信息公开条例》（以下简称《条例》）要求编制，本报告所列数据的统计期限自2023年1月1日起至2023年12月31日止。';
const A =
	'全年围绕优化营商环境和城市更新两项重点任务，梳理公开清单四十二项，对企业开办、工程建设审批等高频事项逐项编制办事指南，并在政务服务大厅设置查阅专区。' +
	'针对群众反映集中的停车难问题，组织召开三场听证座谈，征求意见后形成整改方案并全文公开，后续办理进度每月在专栏更新一次。';
const B =
	'本年度重点推进乡村振兴和水利设施建设信息公开，及时发布高标准农田建设项目、河道整治工程的招标和验收结果，组织村务监督委员会开展现场核查。' +
	'对涉农补贴资金实行一卡通发放公示，公示期间收到群众咨询十九条，均已逐条答复并反馈到村。';

function ref(organ: string, s1: string, s5 = ''): ReportRef {
	const m = handBuilt(organ, 2023);
	m.sections['1'] = s1;
	m.sections['5'] = s5;
	return { organ, organName: organ, year: 2023, model: m };
}

describe('X6 copied from another organ', () => {
	it('finds a copy with small edits, names the other organ and marks the shared passages', () => {
		const copy = A.replace('四十二项', '三十八项').replace('停车难', '出行难');
		const found = checkCopiedFromOthers(ref('乙局', OPENING + copy), [
			ref('甲局', OPENING + A),
			ref('丙局', OPENING + B)
		]);
		expect(found).toHaveLength(1);
		expect(found[0].rule).toBe('X6');
		expect(found[0].message).toContain('甲局');
		expect(found[0].other?.organ).toBe('甲局');
		const p = found[0].passages![0];
		expect(p.self.length).toBeGreaterThan(0);
		const text = OPENING + copy;
		// The marked passages are real text of the report, and the statutory opening is not among them.
		for (const [s, e] of p.self) expect(e).toBeGreaterThan(s);
		expect(p.self.every(([s]) => s >= OPENING.length)).toBe(true);
		expect(text.slice(p.self[0][0], p.self[0][1]).length).toBeGreaterThan(10);
	});

	it('does not count the template boilerplate: two reports sharing only the statutory sentences are not copies', () => {
		const found = checkCopiedFromOthers(ref('乙局', OPENING + B), [ref('甲局', OPENING + A)]);
		expect(found).toEqual([]);
		expect(blankBoilerplate(OPENING).trim()).toBe('');
	});

	it('threshold is configurable', () => {
		const half = A.slice(0, 60) + B.slice(0, 60);
		const mine = ref('乙局', half);
		const theirs = ref('甲局', A.slice(0, 60) + B.slice(60, 120));
		expect(checkCopiedFromOthers(mine, [theirs], { threshold: 0.8 })).toEqual([]);
		expect(checkCopiedFromOthers(mine, [theirs], { threshold: 0.2 })).toHaveLength(1);
	});

	it('never compares an organ with itself or across years', () => {
		const other = ref('甲局', A);
		other.year = 2022;
		expect(checkCopiedFromOthers(ref('甲局', A), [ref('甲局', A)])).toEqual([]);
		expect(checkCopiedFromOthers(ref('乙局', A), [other])).toEqual([]);
	});

	it('the LSH index examines far fewer pairs than all pairs and still finds every copy', () => {
		const refs: ReportRef[] = [];
		// 200 distinct texts built from disjoint phrase choices; three copies hidden among them.
		for (let i = 0; i < 200; i++) {
			const rng = createRng(`text-${i}`);
			let t = '';
			for (let j = 0; j < 120; j++) t += String.fromCharCode(0x4e00 + rng.int(0, 300));
			refs.push(ref(`局${i}`, t + '。'));
		}
		refs.push(
			ref('抄甲', refs[5].model.sections['1']!),
			ref('抄乙', refs[77].model.sections['1']!),
			ref('抄丙', refs[150].model.sections['1']!)
		);
		const docs = refs.flatMap((r) => textDocs(r));
		const res = copiedPairs(docs);
		expect(res.pairs.map(([a, b]) => `${a.organ}-${b.organ}`).sort()).toEqual(['局150-抄丙', '局5-抄甲', '局77-抄乙']);
		expect(res.examined).toBeLessThan(res.allPairs / 10);
		const both = checkCopiedAcross(refs);
		expect(both).toHaveLength(6);
	});

	it('fold keeps offsets into the original text', () => {
		const f = fold('甲，乙 12丙');
		expect(f.chars).toBe('甲乙#丙');
		expect(f.pos).toEqual([0, 2, 4, 6]);
	});
});
