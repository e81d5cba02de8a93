// A crawl source that fails leaves an organ's postings unknown: the headline's silent count, the attention list, the
// update-frequency ranking and the update chart's headline never show such an organ as silent or least updated.
// Pairs of organs with the same log, one with a broken source and one without, so each figure is told apart only
// by the broken state; every expected figure is counted from the dates below.
import { beforeAll, describe, expect, it } from 'vitest';
import { tempDatabaseForSuite } from '../../../../tests/helpers/temp-db';
import { getDb } from '../db';
import * as table from '../db/schema';
import { rebuildSummaries } from '../summaries';
import { headline } from './headline';
import { rankings } from './rankings';
import { updates } from './updates';
import { ranked, rankingValue, rankingsPanels } from '../../charts/rankings';
import { updatesPanels } from '../../charts/updates';
import { SILENCE_THRESHOLD_DAYS } from '../../charts/headline';
import type { DashboardFilter } from '../../charts/filters';

function days(from: string, to: string, step: number): string[] {
	const out: string[] = [];
	for (let t = Date.parse(from); t <= Date.parse(to); t += step * 86_400_000)
		out.push(new Date(t).toISOString().slice(0, 10));
	return out;
}

const STALE = days('2023-01-02', '2023-10-01', 7).filter((d) => d <= '2023-10-01');
/** name → its postings and its crawl source's state (none: no source, only an imported log). */
const ORGANS: Record<string, { posts: string[]; source?: { status: 'ok' | 'broken'; enabled: boolean } }> = {
	测试区活跃局: { posts: days('2023-01-01', '2023-12-31', 1), source: { status: 'ok', enabled: true } },
	测试区沉默局: { posts: STALE, source: { status: 'ok', enabled: true } },
	测试区故障局: { posts: STALE, source: { status: 'broken', enabled: true } },
	// Nothing at all in 2023 (a log of 2022 only): the longest silence of all, were it judged.
	测试区断档局: { posts: days('2022-01-03', '2022-06-30', 7), source: { status: 'broken', enabled: true } },
	// A broken source switched off no longer vouches for anything: judged on its log like any other.
	测试区停用局: { posts: days('2023-01-02', '2023-11-01', 7), source: { status: 'broken', enabled: false } }
};
const END = '2023-12-31';
const F: DashboardFilter = { fromYear: 2023, toYear: 2023, kind: null, organId: null };
const ids = new Map<string, number>();
const daysSince = (d: string) => Math.round((Date.parse(END) - Date.parse(d)) / 86_400_000);

tempDatabaseForSuite('dw-broken-source-');
beforeAll(() => {
	const db = getDb();
	for (const [name, o] of Object.entries(ORGANS)) {
		const id = db.insert(table.organ).values({ name, normalizedName: name, kind: 'department' }).returning().get().id;
		ids.set(name, id);
		for (const d of o.posts)
			db.insert(table.publication)
				.values({ organId: id, publishedOn: d, title: `通知${d}`, dedupKey: d })
				.run();
		if (o.source)
			db.insert(table.crawlSource)
				.values({
					organId: id,
					channel: '通知公告',
					startUrl: `http://127.0.0.1/${id}/index.html`,
					enabled: o.source.enabled,
					lastStatus: o.source.status,
					lastError: o.source.status === 'broken' ? 'HTTP 500：网站服务器内部错误' : null
				})
				.run();
	}
	rebuildSummaries(db.$client);
});

const last = (name: string) => ORGANS[name].posts.filter((d) => d <= END).at(-1)!;
const isBroken = (name: string) => !!ORGANS[name].source?.enabled && ORGANS[name].source?.status === 'broken';
/** Silent by the stated rule, counted from the dates: last posting more than the threshold before the end. */
const silentByDates = Object.keys(ORGANS).filter((n) => {
	const l = ORGANS[n].posts.filter((d) => d <= END && d >= '2023-01-01').at(-1);
	return l === undefined || daysSince(l) > SILENCE_THRESHOLD_DAYS;
});

describe('a broken crawl source is never shown as silent', () => {
	it('the fixture has silent organs with and without a broken source', () => {
		expect(silentByDates.sort()).toEqual(['测试区停用局', '测试区故障局', '测试区断档局', '测试区沉默局'].sort());
		expect(silentByDates.filter(isBroken).sort()).toEqual(['测试区故障局', '测试区断档局'].sort());
	});

	it('headline: the silent count leaves broken-source organs out and counts them apart', () => {
		const h = headline(F);
		expect(h.silent.end).toBe(END);
		expect(h.silent.count).toBe(silentByDates.filter((n) => !isBroken(n)).length);
		expect(h.silent.broken).toBe(Object.keys(ORGANS).filter(isBroken).length);
		expect(h.silent.organs).toBe(Object.keys(ORGANS).length);
	});

	it('attention: a broken-source organ is never named for its silence', () => {
		const h = headline(F, undefined, 10);
		const named = new Map(h.attention.map((a) => [a.organ.name, a]));
		for (const n of Object.keys(ORGANS).filter(isBroken)) expect(named.has(n), n).toBe(false);
		expect(named.get('测试区沉默局')?.silentDays).toBe(daysSince(last('测试区沉默局')));
		expect(named.get('测试区停用局')?.silentDays).toBe(daysSince(last('测试区停用局')));
	});

	it('update-frequency ranking: 来源故障, not ranked among the least updated', () => {
		const r = rankings(F);
		const byName = new Map(r.measures.update_frequency.map((x) => [x.organ.name, x]));
		for (const n of Object.keys(ORGANS).filter(isBroken)) {
			expect(byName.get(n), n).toMatchObject({ value: null, broken: true, enough: false });
			expect(rankingValue('update_frequency', byName.get(n)!, r.minSample)).toBe('来源故障');
		}
		// The same log without a broken source is ranked, on its postings.
		expect(byName.get('测试区沉默局')).toMatchObject({ numerator: STALE.length, enough: true });
		const shown = ranked(r, 'update_frequency').map((x) => x.organ.name);
		expect(shown).toContain('测试区沉默局');
		for (const n of Object.keys(ORGANS).filter(isBroken)) expect(shown).not.toContain(n);
		const panel = rankingsPanels(r).find((p) => p.key === 'rankings-update_frequency')!;
		const option = panel.option as { yAxis: { data: string[] }; title: { subtext: string }[] | { subtext: string } };
		for (const n of Object.keys(ORGANS).filter(isBroken)) expect(option.yAxis.data).not.toContain(n);
		expect(JSON.stringify(option.title)).toContain('来源故障的不排名（2个');
	});

	it('update chart: its headline names the longest proven silence, broken ones flagged apart', () => {
		const u = updates(F);
		for (const n of Object.keys(ORGANS).filter(isBroken)) {
			const s = u.silences.find((x) => x.organ.name === n);
			if (s) expect(s.broken, n).toBe(true);
		}
		expect(u.broken.map((b) => b.organ.name).sort()).toEqual(Object.keys(ORGANS).filter(isBroken).sort());
		const title = JSON.stringify((updatesPanels(u)[0].option as { title: unknown }).title);
		// 断档局 has the longest silence by its dates, but it is unknown: the headline names 沉默局 (the longest proven).
		expect(title).toContain(`最长沉默${daysSince(last('测试区沉默局'))}天（测试区沉默局）`);
		for (const n of Object.keys(ORGANS).filter(isBroken)) expect(title).not.toContain(`（${n}）`);
		expect(title).toContain('2个栏目来源故障');
	});
});
