import { describe, expect, it } from 'vitest';
import { handBuilt } from '../../../tests/helpers/hand-built-report';
import { applyCorrections, setCell } from './effective';

describe('setCell and applyCorrections', () => {
	it('address cells by the provenance paths, dotted row keys included, without touching the original', () => {
		const m = handBuilt('甲局', 2022);
		const c = applyCorrections(m, [
			{ cellPath: 'applications.rows.refused.state_secret.total', newValue: 4 },
			{ cellPath: 'review.reconsideration.pending', newValue: 2 },
			{ cellPath: 'proactive.rules.in_force', newValue: 6 },
			{ cellPath: 'fees.info_processing_fee_yuan', newValue: 120 },
			{ cellPath: 'review.litigation_after_reconsideration.total', newValue: 1 },
			{ cellPath: 'proactive.rules.in_force', newValue: 8 }
		]);
		expect(c.applications.rows['refused.state_secret']![6]).toBe(4);
		expect(c.review.reconsideration![3]).toBe(2);
		expect(c.review.litigation_after_reconsideration).toEqual([null, null, null, null, 1]);
		expect(c.proactive.rules.in_force).toBe(8);
		expect(c.fees.info_processing_fee_yuan).toBe(120);
		expect(m.applications.rows['refused.state_secret']![6]).toBe(0);
		expect(m.proactive.rules.in_force).toBe(5);
		expect(setCell(m, 'applications.rows.new.nobody', 1)).toBe(false);
		expect(setCell(m, 'title', 1)).toBe(false);
		expect(setCell(m, 'applications.rows.new.0', 9)).toBe(true);
		expect(m.applications.rows.new![0]).toBe(9);
	});
});
