// The pure draft check: the import's findings (own + cross-year + T1), the reasons an import would refuse, and the
// fix list ordered blocking → errors → warnings, with cells named in words.
import { describe, expect, it } from 'vitest';
import { handBuilt } from '../../../tests/helpers/hand-built-report';
import { runChecks } from '../report/checks';
import { checkDraft } from './check';
import { fixList } from './fix-list';

const organ = { id: 1, name: '天元区测试局', kind: 'department' as const };
const parsed = (m: ReturnType<typeof handBuilt>) => ({ ...m, findings: runChecks(m) });

describe('checkDraft', () => {
	it('adds Y1 against last year only when last year is the year just before', () => {
		const prev = handBuilt(organ.name, 2022, 0, 1);
		const draft = parsed(handBuilt(organ.name, 2023, 2, 0));
		const own = draft.findings.filter((f) => f.severity === 'error').length;
		const c = checkDraft({ model: draft, organ, previous: prev });
		expect(c.comparedWith).toBe(2022);
		expect(c.findings.filter((f) => f.rule === 'Y1').map((f) => f.cells[0])).toEqual([
			'applications.rows.carried_over.natural_person',
			'applications.rows.carried_over.total'
		]);
		expect(c.errors).toBe(own + 2);
		const older = checkDraft({ model: draft, organ, previous: handBuilt(organ.name, 2021, 0, 1) });
		expect(older.comparedWith).toBeNull();
		expect(older.findings.some((f) => f.rule === 'Y1')).toBe(false);
	});

	it('blocks a draft without a year or an organ, as the import refuses it', () => {
		const m = parsed(handBuilt('', 2023));
		m.year = null;
		const c = checkDraft({ model: m, organ: null, previous: null });
		expect(c.blocking).toHaveLength(2);
		expect(c.clean).toBe(false);
		expect(c.fixes.slice(0, 2).map((f) => f.severity)).toEqual(['blocking', 'blocking']);
	});

	it('a draft with warnings only is clean', () => {
		// The parse's own findings, errors left out: what stays are warnings (A7, F-rules).
		const m = handBuilt(organ.name, 2023);
		m.findings = runChecks(m).filter((f) => f.severity !== 'error');
		expect(m.findings.length).toBeGreaterThan(0);
		const c = checkDraft({ model: m, organ, previous: null });
		expect(c.errors).toBe(0);
		expect(c.warnings).toBe(c.findings.length);
		expect(c.clean).toBe(true);
	});
});

describe('fixList', () => {
	it('orders by severity, keeps the message, names cells and last year’s cells in words', () => {
		const items = fixList([
			{
				rule: 'X3',
				severity: 'warning',
				message: 'jump',
				cells: ['applications.rows.new.total', 'previous.applications.rows.new.total']
			},
			{ rule: 'A1', severity: 'error', message: 'sum', cells: ['applications.rows.new.total'] }
		]);
		expect(items.map((i) => i.rule)).toEqual(['A1', 'X3']);
		expect(items[0].problem).toBe('sum');
		expect(items[1].where[1]).toMatch(/^上年报告 表三/);
		expect(items[1].cells).toEqual(['applications.rows.new.total']);
	});
});
