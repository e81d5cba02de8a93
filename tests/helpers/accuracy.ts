// Accuracy of the parser on the real reports that have hand-checked values (tests/fixtures/real/peer-samples/
// expected): every expected cell is right, an honest unknown (null with a warning that names the cell, its row
// or its table), a silent null, or WRONG (a number other than the expected one, or a number where the report
// printed no such row). Wrong numbers are what an inspector would act on, so they are counted apart.
import { readFileSync, readdirSync, existsSync } from 'node:fs';
import { join } from 'node:path';
import { parseReport } from '../../src/lib/report/parse';
import type { Report } from '../../src/lib/report/model';
import { applicationPath, FEE_PATH, isWithin, proactivePath, reviewPath } from '../../src/lib/report/cell-path';
import { APPLICANT_COLUMNS, REVIEW_COLUMNS } from '../../src/lib/report/template';
import { REAL } from './fixtures';

export type CellStatus = 'right' | 'unknown' | 'silent_null' | 'wrong';

export interface CellResult {
	path: string;
	expected: number | null;
	got: number | null | undefined;
	status: CellStatus;
}

export interface FileAccuracy {
	file: string;
	cells: CellResult[];
	count: Record<CellStatus, number>;
}

export interface Expected {
	organ?: string;
	year?: number;
	proactive?: Record<string, Record<string, number | null>>;
	applications?: { rows: Record<string, (number | null)[]> };
	review?: Record<string, (number | null)[]>;
	fees?: { info_processing_fee_yuan: number | null };
}

/** The real fixtures with expected values: [path of the report, path of its expected file]. */
export function realExpectedFiles(): { file: string; report: string; expected: string }[] {
	const dir = join(REAL, 'peer-samples/expected');
	if (!existsSync(dir)) return [];
	const byName = new Map<string, string>();
	const walk = (d: string) => {
		for (const e of readdirSync(d, { withFileTypes: true })) {
			if (e.isDirectory()) {
				if (e.name !== 'expected') walk(join(d, e.name));
			} else byName.set(e.name, join(d, e.name));
		}
	};
	walk(REAL);
	return readdirSync(dir)
		.filter((f) => f.endsWith('.expected.json'))
		.map((f) => {
			const file = f.replace(/\.expected\.json$/, '');
			return { file, report: byName.get(file) ?? '', expected: join(dir, f) };
		})
		.filter((x) => x.report);
}

/** Every expected cell of `exp` against the report, plus every figure the report has in a row `exp` lacks. */
export function scoreReport(file: string, r: Report, exp: Expected): FileAccuracy {
	const cells: CellResult[] = [];
	const warned = (path: string) => r.warnings.some((w) => w.where && isWithin(path, w.where));
	const add = (path: string, expected: number | null, got: number | null | undefined) => {
		let status: CellStatus;
		if (got === expected) status = 'right';
		else if (got === null || got === undefined) status = warned(path) ? 'unknown' : 'silent_null';
		else status = 'wrong';
		cells.push({ path, expected, got, status });
	};
	for (const [item, fields] of Object.entries(exp.proactive ?? {}))
		for (const [f, v] of Object.entries(fields)) add(proactivePath(item, f), v, r.proactive[item]?.[f]);
	const rows = r.applications.rows as Record<string, (number | null)[]>;
	for (const [key, row] of Object.entries(exp.applications?.rows ?? {}))
		APPLICANT_COLUMNS.forEach((_, i) => add(applicationPath(key, i), row[i], rows[key]?.[i]));
	for (const [key, row] of Object.entries(rows))
		if (!exp.applications?.rows[key]) row.forEach((v, i) => v !== null && add(applicationPath(key, i), null, v));
	const review = r.review as Record<string, (number | null)[]>;
	for (const [g, arr] of Object.entries(exp.review ?? {}))
		REVIEW_COLUMNS.forEach((_, i) => add(reviewPath(g, i), arr[i], review[g]?.[i]));
	if (exp.fees) add(FEE_PATH, exp.fees.info_processing_fee_yuan, r.fees.info_processing_fee_yuan);
	const count: Record<CellStatus, number> = { right: 0, unknown: 0, silent_null: 0, wrong: 0 };
	for (const c of cells) count[c.status]++;
	return { file, cells, count };
}

export async function measureAccuracy(): Promise<FileAccuracy[]> {
	const out: FileAccuracy[] = [];
	for (const f of realExpectedFiles()) {
		const exp = JSON.parse(readFileSync(f.expected, 'utf8')) as Expected;
		const r = await parseReport(new Uint8Array(readFileSync(f.report)), f.file);
		out.push(scoreReport(f.file, r, exp));
	}
	return out;
}

export interface ClassAccuracy extends FileAccuracy {
	cls: string;
}

/** The damage classes reproduced on the real reports (tests/helpers/class-fixtures.ts), each scored alike. */
export async function measureClassAccuracy(): Promise<ClassAccuracy[]> {
	const { classFixtures } = await import('./class-fixtures');
	const out: ClassAccuracy[] = [];
	for (const f of await classFixtures()) {
		const r = await parseReport(new TextEncoder().encode(f.text), `${f.name}.txt`);
		out.push({ cls: f.cls, ...scoreReport(f.name, r, f.expected) });
	}
	return out;
}
