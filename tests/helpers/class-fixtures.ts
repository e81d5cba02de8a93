// The issue-15 damage classes reproduced on the real reports that have hand-checked values: each report's text
// (a PDF's as its text layer gives it), damaged the way offices and converters damage it — or, for class 5, as a web
// page's markup in a script or saved as text — parsed as a .txt,
// against the same expected values. Built in memory from tests/fixtures/real on every run (nothing stored).
import { readFileSync } from 'node:fs';
import { extractPdf } from '../../src/lib/report/extract/pdf';
import { decodeText } from '../../src/lib/report/decode';
import { createRng } from '../../src/lib/generator/prng';
import { FEE_PHRASES_NONE } from '../../src/lib/generator/prose';
import { breakNumbers, dropRepeatedLines } from '../../src/lib/generator/render/crawl';
import {
	damageHeading,
	detachLabels,
	runTogetherZeros,
	type HeadingDamage
} from '../../src/lib/generator/render/print-damage';
import { htmlInJsString } from '../../src/lib/generator/render/wrapped';
import { looksLikeMarkup, markupInScript } from '../../src/lib/report/extract/markup';
import { splitCells } from '../../src/lib/report/extract/txt';
import { realExpectedFiles, type Expected } from './accuracy';

export interface ClassFixture {
	/** The issue's class number and what was done. */
	cls: string;
	name: string;
	text: string;
	expected: Expected;
}

export const CLASSES: Record<string, string> = {
	'1': 'no fee charged, in other words',
	'2': 'heading with a typo, a stray character or lost',
	'3': 'row of zeros run together, next heading on the line',
	'4': 'blank totals beside printed parts',
	'5': 'HTML not in an .html file: in a JS string, saved as .txt',
	'6': 'PDF-to-Markdown: labels detached, page numbers inside',
	'7': 'one value a line, repeated lines dropped',
	'8': 'one value a line, numbers broken over two lines'
};

/** A no-fee sentence (…收取…信息处理费0元。) said in another of the ways reports say it. */
function rephraseNoFee(text: string, phrase: string): string {
	return text.replace(/全年收取[^。\n]*?处理费\s*0\s*元。/, phrase);
}

/** Every section 3 row's 总计 (its 7th figure) left blank, as PDF-to-Markdown prints it: `| a | … | f |  |`. */
function blankTotals(text: string): string {
	return text
		.split('\n')
		.map((l) => {
			const cells = l.split(' | ');
			const figs = cells.filter((c) => /^\d+$/.test(c.trim())).length;
			return figs === 7 && /^\d+$/.test(cells[cells.length - 1].trim())
				? `| ${cells.slice(0, -1).join(' | ')} |  |`
				: l;
		})
		.join('\n');
}

/** Every table cell on a line of its own (a table's outer border is no cell), a blank cell as a dash (as scraped
 * one-value-per-line text). */
function oneValueALine(text: string): string {
	return text
		.split('\n')
		.flatMap((l) => (l.includes(' | ') ? (splitCells(l) ?? []).map((c) => c.trim() || '—') : [l]))
		.join('\n');
}

const esc = (t: string) => t.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');

/**
 * The report as a web page's markup: a report that is markup already as it is (HTML in a script's string literal:
 * the literal); else each text line a paragraph and each run of cell lines (pipes, tabs) a table, one row a line.
 */
function asMarkup(text: string): string {
	const inScript = markupInScript(text);
	if (inScript !== null) return inScript;
	if (looksLikeMarkup(text)) return text;
	const out: string[] = [];
	let table: string[] | null = null;
	for (const line of text.split('\n')) {
		const cells = splitCells(line.trimEnd());
		if (cells) {
			table ??= [];
			table.push(`<tr>${cells.map((c) => `<td>${esc(c)}</td>`).join('')}</tr>`);
			continue;
		}
		if (table) out.push(`<table border="1"><tbody>${table.join('')}</tbody></table>`);
		table = null;
		if (line.trim()) out.push(`<p>${esc(line.trim())}</p>`);
	}
	if (table) out.push(`<table border="1"><tbody>${table.join('')}</tbody></table>`);
	return out.join('\n');
}

/** The markup in a single-quoted literal of a script, as `let content = '…'` pages carry it. */
function inSingleQuotes(html: string): string {
	const lit = html.replace(/\\/g, '\\\\').replace(/'/g, "\\'").replace(/\n/g, '\\n').replace(/<\//g, '<\\/');
	return `var menu = [{ "id": "1", "name": "政府信息公开年报" }];\nlet content = '${lit}';\n`;
}

async function baseText(report: string): Promise<string> {
	const bytes = new Uint8Array(readFileSync(report));
	if (report.endsWith('.pdf')) return (await extractPdf(bytes)).doc.lines.map((l) => l.text).join('\n') + '\n';
	return decodeText(bytes).text;
}

export async function classFixtures(): Promise<ClassFixture[]> {
	const out: ClassFixture[] = [];
	for (const f of realExpectedFiles()) {
		const expected = JSON.parse(readFileSync(f.expected, 'utf8')) as Expected;
		const base = await baseText(f.report);
		const seen = new Set([base]);
		const add = (cls: string, what: string, text: string) => {
			if (seen.has(text)) return; // the damage found nothing to change here
			seen.add(text);
			out.push({ cls, name: `${f.file} ${what}`, text, expected });
		};
		FEE_PHRASES_NONE.forEach((say, k) => {
			if (expected.fees?.info_processing_fee_yuan === 0)
				add('1', `no-fee phrasing ${k}`, rephraseNoFee(base, say(expected.organ ?? '本机关', expected.year ?? 2024)));
		});
		for (const id of ['1', '2', '3', '4', '5', '6'])
			for (const kind of ['stray', 'typo', 'lost'] as HeadingDamage[]) {
				if (kind === 'lost' && !['2', '3', '4'].includes(id)) continue;
				add('2', `heading ${id} ${kind}`, damageHeading(base, id, kind, createRng(`${f.file}-${id}-${kind}`)));
			}
		add('3', 'zeros run together', runTogetherZeros(base, false));
		add('3', 'zeros run together + heading', runTogetherZeros(base, true));
		add('4', 'blank totals', blankTotals(base));
		const html = asMarkup(base);
		add('5', 'markup saved as .txt', `<html><body>\n${html}\n</body></html>\n`);
		add('5', 'markup in a JS object literal', htmlInJsString(html, '网站管理员'));
		add('5', 'markup in a single-quoted JS string', inSingleQuotes(html));
		for (let seed = 0; seed < 4; seed++)
			add('6', `detached labels #${seed}`, detachLabels(base, createRng(`${f.file}-detach-${seed}`)));
		const flat = oneValueALine(base);
		add('7', 'repeated lines dropped', dropRepeatedLines(flat));
		for (let seed = 0; seed < 3; seed++) {
			const rng = createRng(`${f.file}-broken-${seed}`);
			add(
				'8',
				`numbers broken #${seed}`,
				breakNumbers(flat, () => rng.chance(0.1))
			);
		}
	}
	return out;
}
