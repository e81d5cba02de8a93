import { describe, expect, it } from 'vitest';
import { handBuilt } from '../../../tests/helpers/hand-built-report';
import { computeFindings } from './effective-findings';
import type { Finding } from './model';

const rules = (fs: Finding[]) => fs.map((f) => f.rule);
const stale: Finding = { rule: 'A1', severity: 'error', message: '旧的检查结果', cells: [] };

describe('computeFindings', () => {
	it('keeps the parser findings when fresh, runs the single-report checks again when not', () => {
		const eff = handBuilt('甲局', 2022);
		eff.findings = [stale];
		expect(computeFindings(eff, null, 'department', true)).toContainEqual(stale);
		// The hand-built report adds up: checked again, the stale finding is gone.
		expect(computeFindings(eff, null, 'department', false)).not.toContainEqual(stale);
	});

	it('reads last year for Y1, and only when there is a last year', () => {
		const previous = handBuilt('甲局', 2021, 0, 1);
		const eff = handBuilt('甲局', 2022, 2, 0);
		expect(rules(computeFindings(eff, previous, 'department', false))).toContain('Y1');
		expect(rules(computeFindings(eff, null, 'department', false))).not.toContain('Y1');
		expect(rules(computeFindings(eff, handBuilt('甲局', 2021, 0, 2), 'department', false))).not.toContain('Y1');
	});

	it('checks the deadline of the organ kind when the publication date is known, and not otherwise', () => {
		const eff = handBuilt('甲局', 2022);
		eff.published_on = '2023-03-01';
		expect(rules(computeFindings(eff, null, 'department', false))).toContain('T1');
		expect(rules(computeFindings(eff, null, 'government', false))).not.toContain('T1');
		eff.published_on = null;
		const none = computeFindings(eff, null, 'department', false);
		expect(rules(none)).not.toContain('T1');
		expect(rules(none)).not.toContain('A0');
	});
});
