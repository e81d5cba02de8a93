// A model spread into the rows of the `figure` table, which the charts and medians sum: section 3 rows (7 columns),
// section 4 groups (5), section 2 items (their fields in the template's order). Values go to c0…c6 in order.
import type { Cell, Report as Model } from './model';
import { proactiveItems } from './template';

export type FigureSection = 'applications' | 'review' | 'proactive';

/** One row of the `figure` table: values go to c0…c6 in order. */
export interface FigureRow {
	section: FigureSection;
	rowKey: string;
	values: Cell[];
}

/**
 * The field order of a section 2 item, which decides its figure columns: c0… in the order of the template the
 * report's `template` names (2021: issued, repealed, in_force; 2019: made, published, total_public; …).
 * Fields a template does not know come after, in the model's order.
 */
export function proactiveFields(template: string, itemKey: string, present: string[] = []): string[] {
	const def = proactiveItems(template === '2019' ? '2019' : '2021').find((d) => d.key === itemKey);
	const known = def ? [...def.fields] : [];
	return [...known, ...present.filter((f) => !known.includes(f))].slice(0, 7);
}

/** The figure rows of a model: section 3 rows (7 columns), section 4 groups (5), section 2 items (their fields). */
export function figureRows(model: Model): FigureRow[] {
	const rows: FigureRow[] = [];
	for (const [rowKey, cells] of Object.entries(model.applications?.rows ?? {}))
		if (Array.isArray(cells)) rows.push({ section: 'applications', rowKey, values: cells.slice(0, 7) });
	for (const [rowKey, cells] of Object.entries(model.review ?? {}))
		if (Array.isArray(cells)) rows.push({ section: 'review', rowKey, values: cells.slice(0, 5) });
	for (const [rowKey, item] of Object.entries(model.proactive ?? {})) {
		if (!item || typeof item !== 'object') continue;
		const fields = proactiveFields(model.template, rowKey, Object.keys(item));
		rows.push({ section: 'proactive', rowKey, values: fields.map((f) => item[f] ?? null) });
	}
	return rows;
}
