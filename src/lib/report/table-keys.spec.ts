// Arrow keys over the national template's merged cells: each move lands on the figure printed that way.
import { describe, expect, it } from 'vitest';
import { applicationsTable, proactiveTable, reviewTable } from './layout';
import { figurePaths, moveInTable } from './table-keys';
import { sampleReport } from '../../../tests/oracles/sample-report';

const A = (row: string, col: string) => `applications.rows.${row}.${col}`;

describe('moving between figures with the keyboard', () => {
	const apps = applicationsTable(sampleReport());

	it('walks a row left and right, stopping at its ends', () => {
		expect(moveInTable(apps, A('new', 'natural_person'), 'ArrowRight')).toBe(A('new', 'commercial'));
		expect(moveInTable(apps, A('new', 'commercial'), 'ArrowLeft')).toBe(A('new', 'natural_person'));
		expect(moveInTable(apps, A('new', 'natural_person'), 'ArrowLeft')).toBeNull();
		expect(moveInTable(apps, A('new', 'total'), 'ArrowRight')).toBeNull();
	});

	it('walks a column down past rows whose labels are merged (三、本年度办理结果 spans 22 rows)', () => {
		expect(moveInTable(apps, A('new', 'total'), 'ArrowDown')).toBe(A('carried_over', 'total'));
		expect(moveInTable(apps, A('carried_over', 'total'), 'ArrowDown')).toBe(A('granted', 'total'));
		expect(moveInTable(apps, A('partial', 'research'), 'ArrowDown')).toBe(A('refused.state_secret', 'research'));
		expect(moveInTable(apps, A('refused.state_secret', 'research'), 'ArrowUp')).toBe(A('partial', 'research'));
		expect(moveInTable(apps, A('new', 'total'), 'ArrowUp')).toBeNull();
	});

	it('Home and End go to the row ends, with Ctrl to the table ends', () => {
		expect(moveInTable(apps, A('granted', 'research'), 'Home')).toBe(A('granted', 'natural_person'));
		expect(moveInTable(apps, A('granted', 'research'), 'End')).toBe(A('granted', 'total'));
		const all = figurePaths(apps);
		expect(moveInTable(apps, A('granted', 'research'), 'Home', true)).toBe(all[0]);
		expect(moveInTable(apps, A('granted', 'research'), 'End', true)).toBe(all[all.length - 1]);
	});

	it('crosses the section-two sub-tables, where one figure spans three columns', () => {
		const t = proactiveTable(sampleReport());
		expect(moveInTable(t, 'proactive.normative_docs.in_force', 'ArrowDown')).toBe('proactive.licensing.decisions');
		expect(moveInTable(t, 'proactive.licensing.decisions', 'ArrowDown')).toBe('proactive.penalty.decisions');
		expect(moveInTable(t, 'proactive.licensing.decisions', 'ArrowUp')).toBe('proactive.normative_docs.issued');
		expect(moveInTable(t, 'proactive.licensing.decisions', 'ArrowRight')).toBeNull();
	});

	it('walks the one figure row of section four and answers null for a path not in the table', () => {
		const t = reviewTable(sampleReport());
		expect(moveInTable(t, 'review.reconsideration.total', 'ArrowRight')).toBe('review.litigation_direct.upheld');
		expect(moveInTable(t, 'review.reconsideration.total', 'ArrowUp')).toBeNull();
		expect(moveInTable(t, A('new', 'total'), 'ArrowRight')).toBeNull();
	});
});
