// R-H1: a government's report against the sum of its organs' reports, cell by matching cell (sections 3 and 4).
// Always a warning, never an error: a government may report only 本级, or include towns that are not loaded. When a
// child's report is missing or the parent says it covers only 本级 the finding is marked uncertain.
import type { Cell, Report } from '../report/model';
import { APPLICANT_COLUMNS, REVIEW_COLUMNS } from '../report/template';
import { getCell } from '../report/corrections';
import { applicationPath, cellLabel, reviewPath } from '../report/cell-path';
import type { CrossFinding, ReportRef } from './types';

/** Matching cells: every section 3 and 4 cell present in the parent. */
function cellsOf(model: Report): [string, Cell][] {
	const out: [string, Cell][] = [];
	for (const [row, cells] of Object.entries(model.applications?.rows ?? {}))
		if (Array.isArray(cells))
			APPLICANT_COLUMNS.forEach((c, i) => out.push([applicationPath(row, c), cells[i] ?? null]));
	for (const [group, cells] of Object.entries(model.review ?? {}))
		if (Array.isArray(cells)) REVIEW_COLUMNS.forEach((c, i) => out.push([reviewPath(group, c), cells[i] ?? null]));
	return out;
}

/** The parent says it reports only its own level (本级), so its figures need not equal the children's sum. */
export function reportsOnlyOwnLevel(model: Report): boolean {
	return /本级/.test(`${model.title ?? ''}\n${model.sections?.['1'] ?? ''}`);
}

export function checkParentSums(
	parent: ReportRef,
	children: ReportRef[],
	expected: { organ: string; organName: string }[] = children
): CrossFinding[] {
	const kids = children.filter((c) => c.year === parent.year && c.organ !== parent.organ);
	if (!kids.length) return [];
	const missing = expected.filter((e) => !kids.some((k) => k.organ === e.organ));
	const ownLevel = reportsOnlyOwnLevel(parent.model);
	const uncertain = missing.length > 0 || ownLevel;
	const wrong: { path: string; mine: number; sum: number }[] = [];
	for (const [path, mine] of cellsOf(parent.model)) {
		if (typeof mine !== 'number') continue;
		let sum = 0;
		let ok = true;
		for (const k of kids) {
			const v = getCell(k.model, path);
			if (typeof v !== 'number') {
				ok = false;
				break;
			}
			sum += v;
		}
		if (ok && Math.abs(sum - mine) > 1e-9) wrong.push({ path, mine, sum });
	}
	if (!wrong.length) return [];
	const values: Record<string, number> = {};
	for (const w of wrong) {
		values[w.path] = w.mine;
		values[`children:${w.path}`] = w.sum;
	}
	const shown = wrong
		.slice(0, 3)
		.map((w) => `${cellLabel(w.path)}本级报告为${w.mine}、下级合计为${w.sum}`)
		.join('；');
	const caveat = [
		missing.length
			? `${missing.length}个下级单位（${missing
					.slice(0, 3)
					.map((m) => m.organName)
					.join('、')}${missing.length > 3 ? '等' : ''}）缺少报告`
			: '',
		ownLevel ? '该报告注明只含本级' : ''
	]
		.filter(Boolean)
		.join('，');
	return [
		{
			rule: 'H1',
			severity: 'warning',
			organ: parent.organ,
			year: parent.year,
			message: `${uncertain ? '（不确定）' : ''}与${kids.length}个下级单位报告的合计不一致，共${wrong.length}个单元格：${shown}${wrong.length > 3 ? '等' : ''}。${caveat ? `${caveat}，结果仅供参考。` : ''}`,
			cells: wrong.map((w) => w.path),
			values,
			uncertain,
			children: kids.map((k) => ({ organ: k.organ, organName: k.organName })),
			missingChildren: missing
		}
	];
}
