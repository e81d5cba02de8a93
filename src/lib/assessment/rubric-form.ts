// The rubric as a form: one row per indicator (分值, 扣分上限, and the thresholds its evidence rule has), then the
// vetoes, grade bands and general figures. The rubric's shape (which indicators, which rules feed them) is kept;
// only its numbers and words change here (the JSON editor remains for the shape). Field names are stable: the page
// posts them, the errors name them.
import { validateRubric, type Indicator, type Rubric } from './rubric';

export interface RubricField {
	/** Form field name, e.g. `ind.report.timely.points`. */
	name: string;
	/** What the field is, in Chinese, for its label and its error message. */
	label: string;
	value: string;
	kind: 'number' | 'integer' | 'text' | 'date' | 'quarters';
}

export interface IndicatorRow {
	id: string;
	level1: string;
	level2: string;
	points: RubricField;
	cap: RubricField;
	rule: RubricField;
	/** The thresholds of the indicator's evidence rule (每项扣分, 栏目限天数 …). */
	extras: RubricField[];
}

export interface RubricFormModel {
	name: RubricField;
	indicators: IndicatorRow[];
	vetoes: RubricField[];
	bands: RubricField[];
	general: RubricField[];
}

export interface FieldError {
	field: string;
	message: string;
}

const KIND_NAMES: Record<string, string> = {
	government: '人民政府',
	street: '街道',
	town: '乡镇',
	default: '其他部门'
};

const f = (name: string, label: string, value: unknown, kind: RubricField['kind'] = 'number'): RubricField => ({
	name,
	label,
	value: value === undefined || value === null ? '' : String(value),
	kind
});

function extras(ind: Indicator): RubricField[] {
	const p = `ind.${ind.id}`;
	const e = ind.evidence;
	const title = `${ind.level1}·${ind.level2}`;
	switch (e.kind) {
		case 'findings':
			return [
				f(`${p}.perItem`, `${title}：每项扣分`, e.perItem),
				...Object.entries(e.weights ?? {}).map(([rule, w]) => f(`${p}.weight.${rule}`, `${title}：${rule}每项扣分`, w))
			];
		case 'timeliness':
			return [
				f(`${p}.perItem`, `${title}：逾期发布扣分`, e.perItem),
				f(`${p}.missingPerItem`, `${title}：期限后仍未发布扣分`, e.missingPerItem),
				...Object.entries(e.deadlines).map(([kind, d]) =>
					f(`${p}.deadline.${kind}`, `${title}：${KIND_NAMES[kind] ?? kind}发布期限（月-日）`, d, 'date')
				)
			];
		case 'channels':
			return [
				f(`${p}.perItem`, `${title}：每个栏目扣分`, e.perItem),
				...e.groups.map((g, i) =>
					f(`${p}.group.${i}.maxSilentDays`, `${title}：${g.label}最长未更新天数`, g.maxSilentDays, 'integer')
				)
			];
		case 'review-corrected':
			return [
				f(`${p}.perItem`, `${title}：每件扣分`, e.perItem),
				f(`${p}.quarters`, `${title}：计分季度（如 1 或 1,3）`, e.quarters.join(','), 'quarters')
			];
		case 'rectification-overdue':
			return [f(`${p}.perItem`, `${title}：每项扣分`, e.perItem)];
		case 'fee-review':
		case 'manual':
			return [];
	}
}

export function rubricForm(r: Rubric): RubricFormModel {
	return {
		name: f('name', '细则名称', r.name, 'text'),
		indicators: r.indicators.map((ind) => {
			const title = `${ind.level1}·${ind.level2}`;
			return {
				id: ind.id,
				level1: ind.level1,
				level2: ind.level2,
				points: f(`ind.${ind.id}.points`, `${title}：分值`, ind.points),
				cap: f(`ind.${ind.id}.cap`, `${title}：扣分上限`, ind.cap),
				rule: f(`ind.${ind.id}.rule`, `${title}：评分细则`, ind.rule, 'text'),
				extras: extras(ind)
			};
		}),
		vetoes: r.vetoes.map((v, i) => f(`veto.${i}.minItems`, `单项否决（${v.label}）：触发项数`, v.minItems, 'integer')),
		bands: r.bands.map((b, i) => f(`band.${i}.min`, `${b.grade}等次最低分`, b.min)),
		general: [
			f('base', '基础分', r.base),
			f('bonus.cap', '加分上限', r.bonus.cap),
			f('rankMinApplications', '参加排名的最少办理件数', r.rankMinApplications, 'integer')
		]
	};
}

/** Every field of the form, in page order. */
export function formFields(m: RubricFormModel): RubricField[] {
	return [
		m.name,
		...m.indicators.flatMap((i) => [i.points, i.cap, i.rule, ...i.extras]),
		...m.vetoes,
		...m.bands,
		...m.general
	];
}

type Parsed = number | string | number[];

function parse(field: RubricField, raw: string | null): { value?: Parsed; error?: string } {
	const text = (raw ?? '').trim();
	const said = `“${field.label}”`;
	if (!text) return { error: `${said}未填写` };
	switch (field.kind) {
		case 'text':
			return text.length > 500 ? { error: `${said}超过500字` } : { value: text };
		case 'date': {
			const m = /^(\d{2})-(\d{2})$/.exec(text);
			const ok = m && Number(m[1]) >= 1 && Number(m[1]) <= 12 && Number(m[2]) >= 1 && Number(m[2]) <= 31;
			return ok ? { value: text } : { error: `${said}须写成“月-日”，如 03-31（填写的是“${text}”）` };
		}
		case 'quarters': {
			const parts = text.split(/[,，、\s]+/).filter(Boolean);
			const qs = parts.map(Number);
			if (!qs.length || qs.some((q) => !Number.isInteger(q) || q < 1 || q > 4))
				return { error: `${said}须为1至4的季度，用逗号分隔（填写的是“${text}”）` };
			return { value: [...new Set(qs)].sort() };
		}
		case 'number':
		case 'integer': {
			const n = Number(text);
			if (!Number.isFinite(n) || n < 0) return { error: `${said}须为不小于0的数（填写的是“${text}”）` };
			if (field.kind === 'integer' && !Number.isInteger(n)) return { error: `${said}须为整数（填写的是“${text}”）` };
			return { value: n };
		}
	}
}

/**
 * The rubric with the form's values applied, or the errors (each naming its field). `get` reads a posted field.
 * The base rubric is not changed.
 */
export function applyRubricForm(
	base: Rubric,
	get: (name: string) => string | null
): { rubric: Rubric; errors: FieldError[] } {
	const r = structuredClone(base);
	const model = rubricForm(base);
	const errors: FieldError[] = [];
	const values = new Map<string, Parsed>();
	for (const field of formFields(model)) {
		const { value, error } = parse(field, get(field.name));
		if (error) errors.push({ field: field.name, message: error });
		else values.set(field.name, value!);
	}
	if (errors.length) return { rubric: base, errors };
	const num = (name: string) => values.get(name) as number;
	const str = (name: string) => values.get(name) as string;
	r.name = str('name');
	for (const ind of r.indicators) {
		const p = `ind.${ind.id}`;
		ind.points = num(`${p}.points`);
		ind.cap = num(`${p}.cap`);
		ind.rule = str(`${p}.rule`);
		const e = ind.evidence;
		if ('perItem' in e) e.perItem = num(`${p}.perItem`);
		if (e.kind === 'findings' && e.weights)
			for (const rule of Object.keys(e.weights)) e.weights[rule] = num(`${p}.weight.${rule}`);
		if (e.kind === 'timeliness') {
			e.missingPerItem = num(`${p}.missingPerItem`);
			for (const kind of Object.keys(e.deadlines)) e.deadlines[kind] = str(`${p}.deadline.${kind}`);
		}
		if (e.kind === 'channels') e.groups.forEach((g, i) => (g.maxSilentDays = num(`${p}.group.${i}.maxSilentDays`)));
		if (e.kind === 'review-corrected') e.quarters = values.get(`${p}.quarters`) as number[];
	}
	r.vetoes.forEach((v, i) => (v.minItems = num(`veto.${i}.minItems`)));
	r.bands.forEach((b, i) => (b.min = num(`band.${i}.min`)));
	r.base = num('base');
	r.bonus.cap = num('bonus.cap');
	r.rankMinApplications = num('rankMinApplications');
	for (const [i, v] of r.vetoes.entries())
		if (v.minItems < 1)
			errors.push({ field: `veto.${i}.minItems`, message: `“单项否决（${v.label}）：触发项数”至少为1` });
	for (let i = 1; i < r.bands.length; i++)
		if (!(r.bands[i].min < r.bands[i - 1].min))
			errors.push({
				field: `band.${i}.min`,
				message: `“${r.bands[i].grade}等次最低分”须低于${r.bands[i - 1].grade}等次的最低分${r.bands[i - 1].min}`
			});
	if (r.bands.length && r.bands[0].min > r.base)
		errors.push({ field: 'band.0.min', message: `“${r.bands[0].grade}等次最低分”不能高于基础分${r.base}` });
	if (!(r.base > 0)) errors.push({ field: 'base', message: '“基础分”须大于0' });
	if (errors.length) return { rubric: base, errors };
	// The model's own checks last (what the JSON path also runs).
	for (const message of validateRubric(r)) errors.push({ field: '', message });
	return errors.length ? { rubric: base, errors } : { rubric: r, errors };
}
