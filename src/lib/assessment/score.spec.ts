import { describe, expect, it } from 'vitest';
import { DEFAULT_RUBRIC, validateRubric, type Rubric } from './rubric';
import { gradeFor, scoreOrgan, scoreQuarter } from './score';
import { channelActivity } from './channels';
import type { EvidenceFinding, ManualEntry, OrganEvidence } from './evidence';

const Q1 = { year: 2025, q: 1 as const };
const Q2 = { year: 2025, q: 2 as const };
const clone = (r: Rubric): Rubric => JSON.parse(JSON.stringify(r));

function ev(over: Partial<OrganEvidence> = {}, findings: EvidenceFinding[] = []): OrganEvidence {
	return {
		organId: 1,
		organName: '某区教育局',
		kind: 'department',
		report: {
			reportId: 10,
			year: 2024,
			publishedOn: '2025-01-20',
			findings,
			corrected: [],
			feeYuan: 0,
			applications: 40
		},
		channels: [],
		manual: [],
		overdue: [],
		...over
	};
}
const f = (rule: string, cells = ['applications.rows.new.total']): EvidenceFinding => ({
	rule,
	severity: 'error',
	message: `${rule} 不符`,
	cells
});
let nextId = 1;
const manual = (indicatorId: string, points: number, extra: Partial<ManualEntry> = {}): ManualEntry => ({
	id: nextId++,
	indicatorId,
	points,
	reason: '抽查发现',
	note: null,
	fileName: null,
	veto: false,
	author: 'inspector',
	createdAt: '2025-03-01',
	...extra
});
const lost = (s: ReturnType<typeof scoreOrgan>, id: string) => s.indicators.find((i) => i.id === id)!.lost;

describe('the default rubric', () => {
	it('is valid and its indicators add up to the base', () => {
		expect(validateRubric(DEFAULT_RUBRIC)).toEqual([]);
		expect(DEFAULT_RUBRIC.indicators.reduce((s, i) => s + i.points, 0)).toBe(DEFAULT_RUBRIC.base);
	});
	it('validation names what is wrong', () => {
		const r = clone(DEFAULT_RUBRIC);
		r.indicators[1].id = r.indicators[0].id;
		r.bands = [...r.bands].reverse();
		expect(validateRubric(r).join('\n')).toMatch(/重复[\s\S]*从高到低/);
	});
});

describe('scoring one organ', () => {
	it('a clean organ scores the base and the top grade', () => {
		const s = scoreOrgan(DEFAULT_RUBRIC, Q1, ev());
		expect(s.total).toBe(100);
		expect(s.deductions).toBe(0);
		expect(s.grade).toBe('优秀');
		expect(s.reasons).toBe('');
	});

	it('accuracy: one point per failed rule group, not per finding; capped at 5', () => {
		const one = scoreOrgan(DEFAULT_RUBRIC, Q1, ev({}, [f('A1'), f('A1'), f('A1')]));
		expect(lost(one, 'report.accuracy')).toBe(1);
		const many = scoreOrgan(
			DEFAULT_RUBRIC,
			Q1,
			ev(
				{},
				['A1', 'A2', 'A3', 'A4', 'A5', 'Y1'].map((r) => f(r))
			)
		);
		const acc = many.indicators.find((i) => i.id === 'report.accuracy')!;
		expect(acc.raw).toBe(6);
		expect(acc.lost).toBe(5);
		expect(many.total).toBe(95);
		expect(many.reasons).toMatch(/数据准确扣5分.*已达扣分上限5分/);
	});

	it('a wrong template version (F2) weighs its own points', () => {
		expect(lost(scoreOrgan(DEFAULT_RUBRIC, Q1, ev({}, [f('F2')])), 'report.format')).toBe(5);
		expect(lost(scoreOrgan(DEFAULT_RUBRIC, Q1, ev({}, [f('F8')])), 'report.format')).toBe(1);
	});

	it('T1: late report deducted from the deadline quarter on, carried while the finding stands', () => {
		const late = ev({}, [f('T1', ['published_on'])]);
		expect(lost(scoreOrgan(DEFAULT_RUBRIC, Q1, late), 'report.timely')).toBe(5);
		expect(lost(scoreOrgan(DEFAULT_RUBRIC, Q2, late), 'report.timely')).toBe(5);
		expect(lost(scoreOrgan(DEFAULT_RUBRIC, Q2, ev()), 'report.timely')).toBe(0);
		// No report at all after the deadline.
		const missing = scoreOrgan(DEFAULT_RUBRIC, Q1, ev({ report: null }));
		expect(lost(missing, 'report.timely')).toBe(5);
		expect(missing.unranked).toBe('无年报');
		// A deadline moved after the quarter: nothing is due yet.
		const r = clone(DEFAULT_RUBRIC);
		const t = r.indicators.find((i) => i.id === 'report.timely')!.evidence as { deadlines: Record<string, string> };
		t.deadlines.default = '04-30';
		expect(lost(scoreOrgan(r, Q1, late), 'report.timely')).toBe(0);
		expect(lost(scoreOrgan(r, Q2, late), 'report.timely')).toBe(5);
	});

	it('review: 3 points per 结果纠正 case, capped at 10, in Q1 only', () => {
		const e = ev();
		e.report!.corrected = [
			{ group: 'reconsideration', cases: 2 },
			{ group: 'litigation_direct', cases: 2 }
		];
		const s = scoreOrgan(DEFAULT_RUBRIC, Q1, e);
		expect(s.indicators.find((i) => i.id === 'request.corrected')).toMatchObject({ raw: 12, lost: 10 });
		expect(lost(scoreOrgan(DEFAULT_RUBRIC, Q2, e), 'request.corrected')).toBe(0);
	});

	it('信息处理费 is listed for review and never deducted', () => {
		const e = ev();
		e.report!.feeYuan = 300;
		const s = scoreOrgan(DEFAULT_RUBRIC, Q1, e);
		expect(s.total).toBe(100);
		expect(s.reviews).toHaveLength(1);
		expect(s.reviews[0].what).toMatch(/300元/);
	});

	it('silent channels: 3 points each over the group limit; five such channels veto whatever the points', () => {
		const news = (name: string, last: string) =>
			last >= '2025-01-01' ? channelActivity(Q1, name, [last], null) : channelActivity(Q1, name, [], last);
		const two = scoreOrgan(
			DEFAULT_RUBRIC,
			Q1,
			ev({
				channels: [
					news('工作动态', '2025-01-05'),
					channelActivity(Q1, '通知公告', ['2025-03-01'], null),
					news('政策解读', '2024-01-01')
				]
			})
		);
		// 工作动态 silent 85 days (> 14); 通知公告 29 days (< 183); 政策解读 matches no group.
		expect(lost(two, 'web.updates')).toBe(3);
		expect(two.vetoes).toEqual([]);
		const five = scoreOrgan(
			DEFAULT_RUBRIC,
			Q1,
			ev({ channels: ['工作动态', '部门动态', '乡镇动态', '图片新闻', '要闻'].map((n) => news(n, '2025-02-01')) })
		);
		expect(lost(five, 'web.updates')).toBe(15);
		expect(five.total).toBe(85);
		expect(five.vetoes.map((v) => v.id)).toEqual(['veto.channels']);
		expect(five.grade).toBe('不合格');
		// The thresholds are rubric fields.
		const r = clone(DEFAULT_RUBRIC);
		(
			r.indicators.find((i) => i.id === 'web.updates')!.evidence as { groups: { maxSilentDays: number }[] }
		).groups[0].maxSilentDays = 90;
		expect(lost(scoreOrgan(r, Q1, ev({ channels: [news('工作动态', '2025-01-05')] })), 'web.updates')).toBe(0);
		r.vetoes[0].minItems = 6;
		expect(
			scoreOrgan(
				r,
				Q1,
				ev({ channels: ['工作动态', '部门动态', '乡镇动态', '图片新闻', '要闻'].map((n) => news(n, '2024-10-01')) })
			).vetoes
		).toEqual([]);
	});

	it('manual entries deduct with their reason, share the cap, and a manual veto forces the veto grade', () => {
		const s = scoreOrgan(
			DEFAULT_RUBRIC,
			Q1,
			ev({ manual: [manual('request.ontime', 5), manual('request.ontime', 5), manual('request.ontime', 10)] })
		);
		expect(s.indicators.find((i) => i.id === 'request.ontime')).toMatchObject({ raw: 20, lost: 15, score: 0 });
		expect(s.total).toBe(85);
		const v = scoreOrgan(
			DEFAULT_RUBRIC,
			Q1,
			ev({ manual: [manual('web.media', 0, { veto: true, reason: '政务微博两周无更新' })] })
		);
		expect(v.total).toBe(100);
		expect(v.grade).toBe('不合格');
		expect(v.vetoes[0].label).toMatch(/政务微博/);
		// Not a veto indicator: the flag is ignored.
		expect(
			scoreOrgan(DEFAULT_RUBRIC, Q1, ev({ manual: [manual('request.ontime', 1, { veto: true })] })).vetoes
		).toEqual([]);
	});

	it('total = base − deductions + bonus, the bonus capped', () => {
		const s = scoreOrgan(
			DEFAULT_RUBRIC,
			Q1,
			ev({ manual: [manual('bonus', 6), manual('bonus', 6), manual('proactive.elements', 2)] }, [f('A1'), f('X5')])
		);
		expect(s.bonus).toBe(10);
		expect(s.deductions).toBe(1 + 5 + 2);
		expect(s.total).toBe(100 - 8 + 10);
		expect(s.indicators.reduce((a, i) => a + i.score, 0) + s.bonus).toBe(s.total);
	});

	it('an overdue rectification deducts under 整改未落实, beyond the indicator points', () => {
		const s = scoreOrgan(
			DEFAULT_RUBRIC,
			Q2,
			ev({ overdue: [{ id: 7, quarter: '2025Q1', request: '更正表三', deadline: '2025-04-30', status: '待答复' }] })
		);
		expect(lost(s, 'report.unfixed')).toBe(5);
		expect(s.total).toBe(95);
	});
});

describe('grades and ranks', () => {
	it('bands: ≥90 优秀, 80–89 良好, 60–79 合格, <60 不合格; a veto overrides', () => {
		const cases: [number, string][] = [
			[100, '优秀'],
			[90, '优秀'],
			[89.5, '良好'],
			[80, '良好'],
			[79, '合格'],
			[60, '合格'],
			[59.5, '不合格'],
			[-3, '不合格']
		];
		for (const [t, g] of cases) expect(gradeFor(DEFAULT_RUBRIC, t, false)).toBe(g);
		expect(gradeFor(DEFAULT_RUBRIC, 100, true)).toBe('不合格');
		const r = clone(DEFAULT_RUBRIC);
		r.bands[0].min = 95;
		expect(gradeFor(r, 92, false)).toBe('良好');
	});
	it('ties share a rank; organs with too few applications are not ranked', () => {
		const a = ev({ organId: 1 });
		const b = ev({ organId: 2 }, [f('A1')]);
		const c = ev({ organId: 3 }, [f('A2')]);
		const d = ev({ organId: 4 });
		d.report!.applications = 3;
		const s = scoreQuarter(DEFAULT_RUBRIC, Q1, [a, b, c, d]);
		expect(s.map((x) => x.rank)).toEqual([1, 2, 2, null]);
		expect(s[3].unranked).toBe('样本不足');
	});
});
