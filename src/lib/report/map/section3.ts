// Section 3 (依申请公开): the printed rows aligned to the template's rows, or the rows by their labels in a run
// of text when too few rows came out with their seven figures.
import type { Applications, Row7, Warning } from '../model';
import { applicationPath, applicationRowPath } from '../cell-path';
import {
	APPLICANT_COLUMNS,
	APPLICANT_COLUMN_LABELS,
	applicationRowKeys,
	outcomeRowKeys,
	type TemplateVersion
} from '../template';
import { collectRows, type Fig, type ValueRow } from './rows';
import { alignBest, labelScores, rowName } from './applications';
import { trimFigs } from './proactive';
import { mostlyOneValuePerLine, sevenSums, soleReading } from './flat-row';
import { readSection3RunTogether } from './run-together';
import { splitSequence } from './split';
import { columnXs, placeByX } from './columns-x';
import type { SectionRange } from './sections';
import { deriveTotal, provenanceAt, type MapInput, type SectionMapping } from './section';

const ROW_FIGURES = APPLICANT_COLUMNS.length;
/** Fewer rows read with exactly their seven figures than this: try the run-together reading. */
export const MIN_FULL_ROWS = 8;

export interface Section3Mapping extends SectionMapping<Applications> {
	/** Row （六） as printed: the 2019 single row, the 2021 sub-rows, or null when neither was read. */
	otherLayout: TemplateVersion | null;
}

/** `prefer`: the layout to align to when both fit equally (section 2's, else the year's). */
export function mapSection3(
	input: MapInput,
	range: SectionRange | undefined,
	prefer: TemplateVersion
): Section3Mapping {
	const { doc, norm } = input;
	const out: Section3Mapping = {
		values: { columns: [...APPLICANT_COLUMNS], rows: {} },
		provenance: {},
		warnings: [],
		otherLayout: null
	};
	if (!range) return out;
	// A row printed with every cell blank is a row of nulls, not a missing row, where its own label names it.
	const rows = collectRows(doc, norm, range.start, range.end, ROW_FIGURES, { blankRows: true }).filter(
		(r) => !r.blank || namesOneRow(r)
	);
	Object.assign(out, readAligned(doc, rows, prefer, 'label'));
	const isPdf = doc.lines.some((l) => l.y !== undefined);
	if (rows.length > 0 && !isPdf && !orderSettled(out, prefer)) {
		// Labels detached from their figures (PDF-to-Markdown): read again with the rows' own labels only, the
		// others by the template's row order; kept only where every row is filled and the sums agree.
		const footers: number[] = [];
		const again = readAligned(
			doc,
			collectRows(doc, norm, range.start, range.end, ROW_FIGURES, { detached: { footers } }),
			prefer,
			'sums'
		);
		if (orderComplete(again, prefer) && sumsHold(again, prefer)) {
			Object.assign(out, again);
			for (const f of footers)
				out.warnings.push({
					code: 'page_footer',
					message: `第三部分第 ${f + 1} 行的“${doc.lines[f].text.trim()}”夹在表格行之间，视为页码或页脚，已忽略`,
					where: `line ${f + 1}`
				});
		} else distrustOrder(out);
	}

	// Figures left unplaced (a row with more or fewer than seven, a row belonging to none) may hold a row that was
	// not found by itself: that row is unknown, not silently absent.
	if (out.warnings.some((w) => UNPLACED.has(w.code)))
		for (const key of applicationRowKeys(out.otherLayout ?? prefer))
			if (!out.values.rows[key])
				out.warnings.push({
					code: 'row_unread',
					message: `第三部分未单独读出“${rowName(key)}”一行，表中另有数字未能归位，该行的数字可能在其中，请核对原文`,
					where: applicationRowPath(key)
				});

	// Cells run together with no separator: read the rows by their labels and let the sums split the digits.
	// Rows read with exactly seven figures (blanks included) count as full; run-together rows come out short.
	const misfit = new Set(
		out.warnings.filter((w) => w.code === 'short_row' || w.code === 'long_row').map((w) => w.where)
	);
	const full = Object.keys(out.values.rows).filter((k) => !misfit.has(applicationRowPath(k))).length;
	// Digits printed one a line are not run together: that reading would split 14 into 1 and 4.
	if (full < MIN_FULL_ROWS && !mostlyOneValuePerLine(rows)) {
		const rt = readSection3RunTogether(doc, norm, range.start, range.end);
		if (rt && rt.found > full)
			return {
				values: { ...out.values, rows: rt.rows },
				provenance: rt.provenance,
				warnings: rt.warnings,
				otherLayout: rt.layout
			};
	}
	return out;
}

/** A header row of the applicant columns (自然人 | 法人或其他组织 | 总计), never a blank table row. */
const COLUMN_HEADER = /^\s*(?:自然人|法人或其他(?:组织|組織)|申(?:请|請)人情(?:况|況))\s*$/;

/**
 * A blank row is kept where it is a row's label (a group cell and the row's own, at most) naming exactly one
 * template row with the full score, and not the columns' header row, whose cells below 总计 are blank too.
 */
function namesOneRow(row: ValueRow): boolean {
	if (row.label.length > 2 || row.label.some((p) => COLUMN_HEADER.test(p))) return false;
	let own = 0;
	for (const s of labelScores(row).values()) if (s === 3) own++;
	return own === 1;
}

const UNPLACED = new Set(['long_row', 'short_row', 'extra_row', 'order_unverified']);

/** A figure with a leading zero (0000000, 00) is never one number: it is cells run together. */
const LEADING_ZERO_RUN = /^0\d+$/;

/** Cells run together: separated figures stay one cell each, leading-zero runs split where A3 leaves one way. */
function splitRun(figs: Fig[]): { values: number[] | null; candidates: number } {
	if (!figs.every((f) => /^\d+$/.test(f.raw))) return { values: null, candidates: 0 };
	const tokens = figs.map((f) => (LEADING_ZERO_RUN.test(f.raw) ? f.raw : { digits: f.raw, cells: 1 }));
	const r = splitSequence(tokens, ROW_FIGURES, [{ parts: [0, 1, 2, 3, 4, 5], total: 6 }]);
	return { values: r.values ? (r.values as number[]) : null, candidates: r.candidates };
}

/**
 * The printed rows aligned to the template: values, provenance and warnings. `byOrder` says how a row placed
 * by the template's order is reported: its label was not recognised, or it was detached and the sums checked.
 */
function readAligned(
	doc: MapInput['doc'],
	rows: ValueRow[],
	prefer: TemplateVersion,
	byOrder: 'label' | 'sums'
): Section3Mapping {
	const out: Section3Mapping = {
		values: { columns: [...APPLICANT_COLUMNS], rows: {} },
		provenance: {},
		warnings: [],
		otherLayout: null
	};
	if (rows.length === 0) return out;
	const al = alignBest(rows, prefer);
	const cols = columnXs(rows, ROW_FIGURES);
	out.otherLayout = al.assigned.some((a) => a.key === 'other')
		? '2019'
		: al.assigned.some((a) => a.key?.startsWith('other.'))
			? '2021'
			: null;
	al.assigned.forEach((a, i) => {
		const row = rows[i];
		if (!a.key) {
			out.warnings.push({
				code: 'extra_row',
				message: `第三部分第 ${row.line + 1} 行不属于模板中的任何一行，已忽略：“${labelText(row)}”`,
				where: `line ${row.line + 1}`
			});
			return;
		}
		const path = applicationRowPath(a.key);
		if (!a.byLabel)
			out.warnings.push(
				byOrder === 'label'
					? {
							code: 'label_by_order',
							message: `第 ${row.line + 1} 行标签“${labelText(row)}”无法识别，按模板行序归入“${rowName(a.key)}”`,
							where: path
						}
					: {
							code: 'placed_by_order',
							message: `第 ${row.line + 1} 行的数字与其标签分离，按模板行序归入“${rowName(a.key)}”，各行齐全且合计（A1、A2）相符，请核对原文`,
							where: path
						}
			);
		const figs = rowFigures(row, path, out.warnings, cols);
		out.values.rows[a.key] = figs.map((f) => f?.value ?? null) as Row7;
		figs.forEach((f, c) => {
			if (!f) return;
			const where = applicationPath(a.key!, c);
			out.provenance[where] = provenanceAt(doc, f.line);
			if (f.note)
				out.warnings.push({ code: 'cell_note', message: `单元格带注释“${f.raw}”，取其前导数字 ${f.value}`, where });
		});
		// A blank 总计 printed beside six printed parts: their sum, marked as derived.
		const total = figs[ROW_FIGURES - 1];
		if (total && total.value === null) {
			const parts = figs.slice(0, ROW_FIGURES - 1).map((f) => f?.value ?? null);
			const d = deriveTotal(
				parts,
				parts.map((_, c) => applicationPath(a.key!, c)),
				applicationPath(a.key, ROW_FIGURES - 1),
				provenanceAt(doc, total.line),
				rowName(a.key)
			);
			if (d) {
				out.values.rows[a.key]![ROW_FIGURES - 1] = d.value;
				out.provenance[applicationPath(a.key, ROW_FIGURES - 1)] = d.provenance;
				out.warnings.push(d.warning);
			}
		}
	});
	return out;
}

const MISFIT = new Set(['extra_row', 'short_row', 'long_row']);

/** Every row of the layout read once with its seven figures, and no printed row left over. */
function orderComplete(m: Section3Mapping, prefer: TemplateVersion): boolean {
	if (m.warnings.some((w) => MISFIT.has(w.code))) return false;
	const rows = m.values.rows as Record<string, (number | null)[]>;
	return applicationRowKeys(m.otherLayout ?? prefer).every((k) => rows[k]?.length === ROW_FIGURES);
}

/** No row rests on the template's order alone, or the order leaves one placement (every row there once). */
function orderSettled(m: Section3Mapping, prefer: TemplateVersion): boolean {
	return !m.warnings.some((w) => w.code === 'label_by_order') || orderComplete(m, prefer);
}

/** A1 (new + carried over = results + carried forward) and A2 (results = Σ outcomes) in every applicant column. */
function sumsHold(m: Section3Mapping, prefer: TemplateVersion): boolean {
	const rows = m.values.rows as Record<string, (number | null)[]>;
	const outcomes = outcomeRowKeys(m.otherLayout ?? prefer);
	for (let c = 0; c < ROW_FIGURES - 1; c++) {
		const v = (k: string) => rows[k]?.[c];
		const all = ['new', 'carried_over', 'results_total', 'carried_forward', ...outcomes].map(v);
		if (!all.every((x) => typeof x === 'number')) return false;
		const [n, co, rt, cf] = all as number[];
		if (n + co !== rt + cf) return false;
		if (outcomes.reduce((a, k) => a + (v(k) as number), 0) !== rt) return false;
	}
	return true;
}

/** Rows placed by order where neither the order nor the sums settle it: blank, with a warning each. */
function distrustOrder(m: Section3Mapping): void {
	for (const w of m.warnings.filter((x) => x.code === 'label_by_order')) {
		const key = w.where!.replace(/^applications\.rows\./, '');
		const row = m.values.rows[key as keyof typeof m.values.rows];
		if (!row) continue;
		row.fill(null);
		for (let c = 0; c < ROW_FIGURES; c++) delete m.provenance[applicationPath(key as never, c)];
		m.warnings.push({
			code: 'order_unverified',
			message: `${w.message}；但表中有缺行或多出的行，合计也无法印证这一归属，该行记为空，请核对原文`,
			where: w.where
		});
	}
}

function labelText(row: ValueRow): string {
	const s = (row.label.length ? row.label : row.near).join(' ');
	return s.length > 40 ? s.slice(0, 40) + '…' : s;
}

/**
 * A row's seven figures: padding trimmed. A row with too few or too many is never filled or cut by position:
 * one-value-per-line rows are read again as collapsed runs or broken numbers where the row's sum leaves one
 * reading (flat-row.ts); otherwise every cell is blank, with a warning that sends the reader to the source.
 */
function rowFigures(row: ValueRow, path: string, warnings: Warning[], cols: Map<number, number[]>): (Fig | null)[] {
	const figs = trimFigs(row.figs, ROW_FIGURES, row.grid);
	// Seven figures one of which has a leading zero (2, 01, … for a 201 broken over two lines): not seven cells.
	if (figs.length === ROW_FIGURES && !(row.oneALine && figs.some((f) => LEADING_ZERO_RUN.test(f.raw)))) return figs;
	const blank = (): null[] => new Array<null>(ROW_FIGURES).fill(null);
	const printed = figs.map((f) => f.raw).join(' ');
	const placed = placeByX(row, figs, cols, ROW_FIGURES);
	if (placed) {
		const blanks = placed
			.map((f, c) => (f.raw === '' ? APPLICANT_COLUMN_LABELS[APPLICANT_COLUMNS[c]] : null))
			.filter((c) => c);
		warnings.push({
			code: 'blank_cells',
			message: `“${labelText(row)}”印出 ${figs.length} 个数字（${printed}），按各列的横坐标归位；空白单元格（${blanks.join('、')}）记为空`,
			where: path
		});
		return placed;
	}
	if (figs.length < ROW_FIGURES && !row.oneALine && figs.some((f) => LEADING_ZERO_RUN.test(f.raw))) {
		const r = splitRun(figs);
		if (r.values) {
			warnings.push({
				code: 'run_together',
				message: `“${labelText(row)}”的数字连在一起（${printed}），拆分方式唯一且满足本行总计，读作 ${r.values.join(' ')}，请核对原文`,
				where: path
			});
			return r.values.map((value) => ({ value, line: figs[0].line, raw: String(value) }));
		}
		warnings.push({
			code: 'short_row',
			message: `“${labelText(row)}”的数字连在一起（${printed}），${r.candidates > 1 ? `满足本行总计的拆分有 ${r.candidates} 种` : '没有满足本行总计的拆分'}，全行记为空`,
			where: path
		});
		return blank();
	}
	if (row.oneALine) {
		const short = figs.length < ROW_FIGURES;
		const r = soleReading(figs, ROW_FIGURES, sevenSums);
		if (r.values) {
			warnings.push(
				r.kind === 'collapsed_run'
					? {
							code: 'collapsed_run',
							message: `“${labelText(row)}”只印出 ${figs.length} 个数字（${printed}），相同数字连续的行似被删去；按本行总计唯一可能的读法展开为 ${r.values.join(' ')}，请核对原文`,
							where: path
						}
					: {
							code: 'number_broken',
							message: `“${labelText(row)}”有 ${figs.length} 个数字（${printed}），似有数字被断成两行；按本行总计唯一可能的读法合并为 ${r.values.join(' ')}，请核对原文`,
							where: path
						}
			);
			return r.figs;
		}
		warnings.push({
			code: short ? 'short_row' : 'long_row',
			message: `“${labelText(row)}”应有 ${ROW_FIGURES} 个数字，读到 ${figs.length} 个（${printed}），${r.readings ? `按本行总计有 ${r.readings} 种读法` : '按本行总计无法还原'}，全行记为空`,
			where: path
		});
		return blank();
	}
	warnings.push({
		code: figs.length > ROW_FIGURES ? 'long_row' : 'short_row',
		message: `“${labelText(row)}”应有 ${ROW_FIGURES} 个数字，读到 ${figs.length} 个（${printed}），无法确定各数字所在的列，全行记为空`,
		where: path
	});
	return blank();
}
