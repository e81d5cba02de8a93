// A fresh installation: no reports, no logs. The dashboard must still load and draw, saying there is nothing yet.
import { expect, it } from 'vitest';
import { tempDatabaseForSuite } from '../../../tests/helpers/temp-db';
import { availableYears } from './metrics';
import { loadDashboard, renderAll } from './dashboard';
import { CHARTS } from '../charts';

tempDatabaseForSuite('dw-metrics-empty-');

it('loads and renders every chart on an empty database', () => {
	const y = availableYears();
	expect(y.minYear).toBe(y.maxYear);
	const view = loadDashboard({ fromYear: y.minYear, toYear: y.maxYear, kind: null, organId: null });
	expect(view.data.volume.total).toEqual([0]);
	expect(view.data.updates.organs).toEqual([]);
	const svgs = renderAll(view.data);
	for (const c of CHARTS) for (const svg of svgs[c.id]) expect(svg, c.id).toMatch(/^<svg/);
	expect(svgs.volume[0]).toContain('没有新收申请数据');
	expect(svgs.updates[0]).toContain('没有导入发布记录');
	expect(view.headline.applications).toEqual({ value: 0, prev: null, reports: 0 });
	expect(view.headline.attention).toEqual([]);
});
