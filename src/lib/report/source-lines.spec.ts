import { describe, expect, it } from 'vitest';
import { figuresByLine, linesOfCells, nextFigureOnLine } from './source-lines';
import type { Provenance } from './model';

const prov = {
	'applications.rows.new.natural_person': { line: 12 },
	'applications.rows.new.total': { line: 12 },
	'applications.rows.granted.total': { line: 14 },
	'sections.1': { line: 3 }
} as unknown as Record<string, Provenance>;

describe('source lines', () => {
	it('indexes figure cells by line, leaving out cells that are not figures', () => {
		const m = figuresByLine(prov);
		expect([...m.keys()]).toEqual([12, 14]);
		expect(m.get(12)).toEqual(['applications.rows.new.natural_person', 'applications.rows.new.total']);
	});
	it('cycles through the figures of a line, wrapping, and gives null for a line without figures', () => {
		const m = figuresByLine(prov);
		expect(nextFigureOnLine(m, 12, null)).toBe('applications.rows.new.natural_person');
		expect(nextFigureOnLine(m, 12, 'applications.rows.new.natural_person')).toBe('applications.rows.new.total');
		expect(nextFigureOnLine(m, 12, 'applications.rows.new.total')).toBe('applications.rows.new.natural_person');
		expect(nextFigureOnLine(m, 3, null)).toBeNull();
	});
	it('gives the lines of cells, skipping cells without a line', () => {
		expect([...linesOfCells(['applications.rows.granted.total', 'nowhere'], prov)]).toEqual([14]);
	});
});
