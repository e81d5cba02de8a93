import { describe, expect, it } from 'vitest';
import { handBuilt } from '../../../tests/helpers/hand-built-report';
import { pendingSideBySide } from './pending-cases';
import { fingerprint, reportFindingFingerprint } from './fingerprint';

describe('X2 pending cases side by side', () => {
	it('last year’s 尚未审结 beside this year’s row', () => {
		const prev = handBuilt('甲局', 2022);
		prev.review.reconsideration = [0, 0, 0, 4, 4];
		const rows = pendingSideBySide(prev, handBuilt('甲局', 2023));
		expect(rows[0]).toMatchObject({ group: 'reconsideration', previousPending: 4, current: [1, 0, 0, 0, 1] });
		expect(rows[2].previousPending).toBeUndefined();
		expect(pendingSideBySide(null, handBuilt('甲局', 2023))[0].previousPending).toBeUndefined();
	});
});

describe('fingerprint', () => {
	it('same rule, cells and values → same identity; a changed value → a new one', () => {
		const a = fingerprint('H1', '1', 2023, ['x', 'y'], { x: 1, y: 2 });
		expect(fingerprint('H1', '1', 2023, ['y', 'x'], { y: 2, x: 1 })).toBe(a);
		expect(fingerprint('H1', '1', 2023, ['x', 'y'], { x: 1, y: 3 })).not.toBe(a);
		expect(fingerprint('H1', '2', 2023, ['x', 'y'], { x: 1, y: 2 })).not.toBe(a);
	});

	it('a report finding reads its cells from the model and last year’s', () => {
		const m = handBuilt('甲局', 2023);
		const prev = handBuilt('甲局', 2022, 0, 1);
		const f = {
			rule: 'Y1',
			severity: 'error' as const,
			message: 'm',
			cells: ['applications.rows.carried_over.total', 'previous.applications.rows.carried_forward.total']
		};
		const a = reportFindingFingerprint(f, '1', 2023, m, prev);
		expect(reportFindingFingerprint({ ...f, message: 'other words' }, '1', 2023, m, prev)).toBe(a);
		const prev2 = handBuilt('甲局', 2022, 0, 2);
		expect(reportFindingFingerprint(f, '1', 2023, m, prev2)).not.toBe(a);
	});
});
