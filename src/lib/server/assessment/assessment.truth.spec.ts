// The quarter's scores over a generated district imported through the real import path, against the generator's
// truth: every expected deduction is computed here from truth.json and the generated publication log (silences
// counted day by day), with the rubric's own points, never read back from the database.
import { beforeAll, describe, expect, it } from 'vitest';
import { tempDatabaseForSuite } from '../../../../tests/helpers/temp-db';
import { importDistrict } from '../../../../tests/helpers/import-district';
import { getDb } from '../db';
import { importFiles } from '../import';
import * as organs from '../organs';
import { generateDistrict, type GeneratedDistrict, type TruthFile } from '../generate';
import { close, entries, getSheet, liveSheet, quarterPage, rectifications, reopen, rubrics } from './index';
import { DEFAULT_RUBRIC, type Rubric } from '../../assessment/rubric';
import { quarterRange, daysBetween } from '../../assessment/quarter';
import type { OrganScore } from '../../assessment/score';
import { ensureDemoOrgan, seedAccounts } from '../demo/accounts';
import { checkAgainstPrevious } from '../../report/checks/cross';

const YEARS = [2022, 2023, 2024];
const Q = { year: 2024, q: 1 as const };
let district: GeneratedDistrict;
let dbId: Map<string, number>;
let inspectorId: string;

tempDatabaseForSuite('dw-assessment-truth-');
beforeAll(async () => {
	district = await generateDistrict({
		organs: 14,
		years: YEARS,
		seed: 'assessment-truth',
		formats: ['txt'],
		mix: true,
		errorRate: 0.45,
		damageKinds: ['A1', 'A2', 'T1', 'C1', 'Y1'],
		traditionalRate: 0,
		publicationLog: true
	});
	dbId = await importDistrict(district);
	ensureDemoOrgan(); // the demo clerk is bound to a roster organ
	await seedAccounts();
	inspectorId = (getDb().$client.prepare("SELECT id FROM user WHERE role = 'inspector'").get() as { id: string }).id;
}, 180_000);

const ind = (r: Rubric, id: string) => r.indicators.find((i) => i.id === id)!;
const lostOf = (s: OrganScore, id: string) => s.indicators.find((i) => i.id === id)!.lost;
const truthFile = (organId: string, year: number): TruthFile | undefined =>
	district.truth.files.find((f) => f.organ_id === organId && f.year === year);
const rulesIn = (t: TruthFile | undefined, ids: string[]) =>
	new Set((t?.findings ?? []).filter((f) => ids.includes(f.rule)).map((f) => f.rule));

/** Days since the channel's last posting, worst day of the quarter, counted day by day from the generated log. */
function silentChannels(organId: string, rubric: Rubric): string[] {
	const { from, to } = quarterRange(Q);
	const rows = district.publicationLog.filter((r) => r.organ_id === organId && r.published_on <= to);
	const groups = (ind(rubric, 'web.updates').evidence as { groups: { match: string[]; maxSilentDays: number }[] })
		.groups;
	const out: string[] = [];
	for (const channel of new Set(rows.map((r) => r.channel))) {
		const g = groups.find((x) => x.match.some((m) => channel.includes(m)));
		if (!g) continue;
		const dates = rows.filter((r) => r.channel === channel).map((r) => r.published_on);
		let worst = -1;
		for (let d = from; d <= to; d = new Date(Date.parse(d + 'T00:00:00Z') + 86_400_000).toISOString().slice(0, 10)) {
			const prev = dates
				.filter((x) => x <= d)
				.sort()
				.pop();
			if (prev) worst = Math.max(worst, daysBetween(prev, d));
		}
		if (worst > g.maxSilentDays) out.push(channel);
	}
	return out;
}

/** What the rubric says each organ loses, from the truth alone. */
function expected(organId: string, rubric: Rubric): Record<string, number> {
	const t = truthFile(organId, Q.year - 1);
	const cap = (id: string, raw: number) => Math.min(raw, ind(rubric, id).cap);
	const per = (id: string) => (ind(rubric, id).evidence as { perItem: number }).perItem;
	const fmt = ind(rubric, 'report.format').evidence as {
		rules: string[];
		perItem: number;
		weights?: Record<string, number>;
	};
	const corrected = t
		? ['reconsideration', 'litigation_direct', 'litigation_after_reconsideration'].reduce(
				(s, g) => s + ((t.review as Record<string, (number | null)[] | undefined>)[g]?.[1] ?? 0),
				0
			)
		: 0;
	return {
		'report.timely': !t || t.findings.some((f) => f.rule === 'T1') ? per('report.timely') : 0,
		'report.format': cap(
			'report.format',
			[...rulesIn(t, fmt.rules)].reduce((s, r) => s + (fmt.weights?.[r] ?? fmt.perItem), 0)
		),
		'report.accuracy': cap(
			'report.accuracy',
			rulesIn(t, ['A1', 'A2', 'A3', 'A4', 'A5', 'Y1']).size * per('report.accuracy')
		),
		// X5 is a cross-year check the truth does not list: evaluated here on the truth's own texts.
		'report.similarity':
			t && checkAgainstPrevious(truthFile(organId, Q.year - 2) ?? null, t).some((f) => f.rule === 'X5')
				? cap('report.similarity', per('report.similarity'))
				: 0,
		'request.corrected': cap('request.corrected', corrected * per('request.corrected')),
		'web.updates': cap('web.updates', silentChannels(organId, rubric).length * per('web.updates'))
	};
}

describe('scores against the generated district', () => {
	it('the district holds a late report, an A1 error and a silent channel in the assessed year', () => {
		const files = district.truth.files.filter((f) => f.year === Q.year - 1);
		expect(files.some((f) => f.damage?.kind === 'T1')).toBe(true);
		expect(files.some((f) => f.damage?.kind === 'A1')).toBe(true);
		expect(district.truth.organs.some((o) => silentChannels(o.id, DEFAULT_RUBRIC).length > 0)).toBe(true);
	});

	it('every organ loses exactly the rubric points its truth calls for, and total = 100 − deductions', () => {
		const sheet = liveSheet(Q);
		expect(sheet.scores).toHaveLength(
			district.truth.organs.length + (organs.list().length - district.truth.organs.length)
		);
		for (const o of district.truth.organs) {
			const s = sheet.scores.find((x) => x.organId === dbId.get(o.id))!;
			const want = expected(o.id, sheet.rubric);
			const got = Object.fromEntries(Object.keys(want).map((k) => [k, lostOf(s, k)]));
			expect({ organ: o.id, ...got }).toEqual({ organ: o.id, ...want });
			const sum = Object.values(want).reduce((a, b) => a + b, 0);
			expect(s.total).toBe(100 - sum);
		}
	});

	it('a known late report, a known A1 error and a silent channel each cost their points, with evidence links', () => {
		const sheet = liveSheet(Q);
		const late = district.truth.files.find((f) => f.year === Q.year - 1 && f.damage?.kind === 'T1')!;
		const s1 = sheet.scores.find((x) => x.organId === dbId.get(late.organ_id))!;
		expect(lostOf(s1, 'report.timely')).toBe(5);
		expect(s1.indicators.find((i) => i.id === 'report.timely')!.items[0].evidence[0]).toMatchObject({
			kind: 'finding',
			rule: 'T1',
			reportYear: 2023
		});
		const a1 = district.truth.files.find((f) => f.year === Q.year - 1 && f.damage?.kind === 'A1')!;
		const s2 = sheet.scores.find((x) => x.organId === dbId.get(a1.organ_id))!;
		const acc = s2.indicators.find((i) => i.id === 'report.accuracy')!;
		expect(
			acc.items.some((i) =>
				i.evidence.some(
					(e) => e.kind === 'finding' && e.rule === 'A1' && e.cells.some((c) => a1.damage!.cells.includes(c))
				)
			)
		).toBe(true);
		const silent = district.truth.organs.find((o) => silentChannels(o.id, DEFAULT_RUBRIC).length > 0)!;
		const s3 = sheet.scores.find((x) => x.organId === dbId.get(silent.id))!;
		const web = s3.indicators.find((i) => i.id === 'web.updates')!;
		expect(web.items.map((i) => (i.evidence[0] as { channel: string }).channel).sort()).toEqual(
			silentChannels(silent.id, DEFAULT_RUBRIC).sort()
		);
	});
});

describe('the quarter page data', () => {
	it('sorts, filters by kind and grade, pages, and narrows to one organ', () => {
		const base = { sort: 'total', dir: 'desc' as const, kind: '', grade: '', page: 1 };
		const all = quarterPage(Q, base);
		const totals = all.rows.map((r) => r.total);
		expect(totals).toEqual([...totals].sort((a, b) => b - a));
		expect(quarterPage(Q, { ...base, dir: 'asc' }).rows.map((r) => r.total)).toEqual([...totals].sort((a, b) => a - b));
		const byName = quarterPage(Q, { ...base, sort: 'name', dir: 'asc' }).rows.map((r) => r.name);
		expect(byName).toEqual([...byName].sort());
		const grade = all.rows[0].grade;
		const graded = quarterPage(Q, { ...base, grade });
		expect(graded.rows.length).toBe(all.rows.filter((r) => r.grade === grade).length);
		expect(graded.rows.every((r) => r.grade === grade)).toBe(true);
		const deps = quarterPage(Q, { ...base, kind: 'department' });
		expect(deps.filtered).toBe(all.rows.filter((r) => r.kind === 'department').length);
		expect(quarterPage(Q, { ...base, page: 99 }).page).toBe(all.pages);
		const one = quarterPage(Q, { ...base, organIds: [all.rows[2].organId] });
		expect(one.rows.map((r) => r.organId)).toEqual([all.rows[2].organId]);
		expect(one.total).toBe(1);
		const g = all.chart.grades.reduce((a, x) => a + x.organs, 0);
		expect(g).toBe(all.total);
	});
});

describe('freezing, versions and the rectification loop', () => {
	it('a new rubric version re-scores an open quarter and leaves a closed one as it was', () => {
		const open = { year: 2024, q: 2 as const };
		close(Q, inspectorId);
		const closedBefore = getSheet(Q);
		const openBefore = getSheet(open);
		const r: Rubric = JSON.parse(JSON.stringify(DEFAULT_RUBRIC));
		(ind(r, 'report.timely').evidence as { perItem: number }).perItem = 2;
		const v = rubrics.save(r, inspectorId, 'T1 改为扣2分');
		expect(v).toBeGreaterThan(1);
		const closedAfter = getSheet(Q);
		const openAfter = getSheet(open);
		expect(closedAfter.rubricVersion).toBe(closedBefore.rubricVersion);
		expect(closedAfter.scores).toEqual(closedBefore.scores);
		expect(openAfter.rubricVersion).toBe(v);
		const lateOrgan = openBefore.scores.find((s) => lostOf(s, 'report.timely') === 5);
		expect(lateOrgan).toBeDefined();
		expect(
			lostOf(
				openAfter.scores.find((s) => s.organId === lateOrgan!.organId)!,
				'report.timely'
			)
		).toBe(2);
		rubrics.save(DEFAULT_RUBRIC, inspectorId, '恢复默认');
	});

	it('a closed quarter keeps its scores after a new import; reopening scores live again', async () => {
		const before = getSheet(Q);
		// A new publication log that silences nothing and adds a posting in every channel on the quarter's first day.
		const extra = district.truth.organs
			.map((o) => `${o.names[o.names.length - 1].name},2024-02-15,补录动态${o.id},工作动态,https://x.example/${o.id}`)
			.join('\n');
		const res = await importFiles(
			[{ name: 'more.csv', bytes: new TextEncoder().encode(`organ,published_on,title,channel,url\n${extra}\n`) }],
			{ id: null, role: 'admin', organId: null }
		);
		expect(res.every((r) => r.status !== 'refused')).toBe(true);
		expect(getSheet(Q).scores).toEqual(before.scores);
		const live = liveSheet(Q);
		expect(live.scores).not.toEqual(before.scores);
		expect(() =>
			entries.add(
				Q,
				before.rubric,
				{ organId: before.scores[0].organId, indicatorId: 'request.ontime', points: 5, reason: '逾期答复' },
				inspectorId
			)
		).toThrow(/定稿/);
		reopen(Q, null, '更正发布记录');
		expect(getSheet(Q).status).toBe('open');
		const audit = getDb()
			.$client.prepare("SELECT action FROM audit_log WHERE action LIKE 'assessment.%' ORDER BY id")
			.all() as { action: string }[];
		expect(audit.map((a) => a.action)).toEqual(
			expect.arrayContaining(['assessment.close', 'assessment.reopen', 'assessment.rubric'])
		);
	});

	it('manual entries need a reason and count; a rectification request not met by its deadline deducts next quarter', () => {
		const organId = getSheet(Q).scores[0].organId;
		const rubric = rubrics.latest().rubric;
		expect(() =>
			entries.add(Q, rubric, { organId, indicatorId: 'request.ontime', points: 5, reason: ' ' }, inspectorId)
		).toThrow(/理由/);
		expect(() =>
			entries.add(Q, rubric, { organId, indicatorId: 'web.updates', points: 99, reason: 'x' }, inspectorId)
		).toThrow(/最多/);
		const before = getSheet(Q).scores.find((s) => s.organId === organId)!;
		const entryId = entries.add(
			Q,
			rubric,
			{
				organId,
				indicatorId: 'request.ontime',
				points: 5,
				reason: '1件申请逾期答复',
				note: '申请编号2024-017',
				file: { name: '答复记录.png', bytes: new Uint8Array([137, 80, 78, 71, 1, 2, 3]) }
			},
			inspectorId
		);
		expect(entries.attachment(entryId, organId)?.name).toBe('答复记录.png');
		expect(entries.attachment(entryId, organId + 1000)).toBeUndefined();
		expect(() =>
			entries.add(
				Q,
				rubric,
				{
					organId,
					indicatorId: 'request.ontime',
					points: 1,
					reason: 'x',
					file: { name: 'empty.txt', bytes: new Uint8Array() }
				},
				inspectorId
			)
		).toThrow(/空文件/);
		entries.add(Q, rubric, { organId, indicatorId: 'bonus', points: 2, reason: '年报图解' }, inspectorId);
		const after = getSheet(Q).scores.find((s) => s.organId === organId)!;
		expect(after.total).toBe(before.total - 5 + 2);
		expect(after.bonus).toBe(before.bonus + 2);

		const id = rectifications.request(
			{
				quarter: '2024Q1',
				organId,
				itemKey: 'manual#1',
				indicatorId: 'request.ontime',
				problem: '逾期答复',
				request: '说明原因并整改',
				deadline: '2024-04-30'
			},
			inspectorId
		);
		const q2 = { year: 2024, q: 2 as const };
		expect(
			lostOf(
				getSheet(q2).scores.find((s) => s.organId === organId)!,
				'report.unfixed'
			)
		).toBe(5);
		expect(() => rectifications.answer(id, '已整改', { id: null, organId: organId + 1000 })).toThrow(/本单位/);
		rectifications.answer(
			id,
			'已建立答复台账',
			{ id: null, organId },
			{ name: '台账.pdf', bytes: new TextEncoder().encode('%PDF-1.4') }
		);
		const answerMsg = rectifications.get(id)!.messages.find((m) => m.kind === 'answer')!;
		expect(answerMsg.fileName).toBe('台账.pdf');
		expect(rectifications.attachment(answerMsg.id, organId)?.name).toBe('台账.pdf');
		expect(rectifications.get(id)!.status).toBe('answered');
		rectifications.review(id, 'accept', '', inspectorId);
		expect(rectifications.get(id)!.status).toBe('accepted');
		// Answered today, after the deadline: still not met in time.
		expect(
			lostOf(
				getSheet(q2).scores.find((s) => s.organId === organId)!,
				'report.unfixed'
			)
		).toBe(5);
		expect(rectifications.openBefore('2024Q2', organId)).toEqual([]);
	});
});
