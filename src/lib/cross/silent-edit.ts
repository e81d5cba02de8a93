// R-D3: a new revision of a report that was already published (its earlier revision carries a publication date)
// whose figures differ from the earlier one: the document changed after it went out. One finding per such step,
// with the cells the revision history's diff names.
import type { Report } from '../report/model';
import { diffModels } from '../report/diff';
import type { CrossFinding } from './types';

export interface RevisionInfo {
	id: string;
	/** When the app first saw it (YYYY-MM-DD). */
	seenOn: string;
	model: Report;
}

/** `revisions` oldest first. */
export function checkSilentEdits(subject: { organ: string; year: number }, revisions: RevisionInfo[]): CrossFinding[] {
	const out: CrossFinding[] = [];
	for (let i = 1; i < revisions.length; i++) {
		const before = revisions[i - 1];
		const after = revisions[i];
		if (!before.model.published_on) continue;
		const cells = diffModels(before.model, after.model).cells;
		if (!cells.length) continue;
		const changes = cells.map((c) => ({ path: c.path, before: c.before ?? null, after: c.after ?? null }));
		const values: Record<string, number | null | string> = { revision: after.id };
		for (const c of changes) {
			values[c.path] = c.after;
			values[`other:${c.path}`] = c.before;
		}
		out.push({
			rule: 'D3',
			severity: 'warning',
			organ: subject.organ,
			year: subject.year,
			message: `报告已于${before.model.published_on}发布，${after.seenOn}导入的新版本改动了${changes.length}个数字（未见更正说明），请核实发布后的改动。`,
			cells: changes.map((c) => c.path),
			values,
			changes
		});
	}
	return out;
}
