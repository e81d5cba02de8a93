// The issue-15 damage classes reproduced on the real reports that have hand-checked values: each report's text
// (a PDF's as its text layer gives it), damaged the way offices and converters damage it, parsed as a .txt,
// against the same expected values. Built in memory from tests/fixtures/real on every run (nothing stored).
import { readFileSync } from 'node:fs';
import { extractPdf } from '../../src/lib/report/extract/pdf';
import { decodeText } from '../../src/lib/report/decode';
import { createRng } from '../../src/lib/generator/prng';
import {
	damageHeading,
	detachLabels,
	runTogetherZeros,
	type HeadingDamage
} from '../../src/lib/generator/render/print-damage';
import { realExpectedFiles, type Expected } from './accuracy';

export interface ClassFixture {
	/** The class number and what was done. */
	cls: string;
	name: string;
	text: string;
	expected: Expected;
}

export const CLASSES: Record<string, string> = {
	'2': 'heading with a typo, a stray character or lost',
	'3': 'row of zeros run together, next heading on the line',
	'6': 'PDF-to-Markdown: labels detached, page numbers inside'
};

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
		for (const id of ['1', '2', '3', '4', '5', '6'])
			for (const kind of ['stray', 'typo', 'lost'] as HeadingDamage[]) {
				if (kind === 'lost' && !['2', '3', '4'].includes(id)) continue;
				add('2', `heading ${id} ${kind}`, damageHeading(base, id, kind, createRng(`${f.file}-${id}-${kind}`)));
			}
		add('3', 'zeros run together', runTogetherZeros(base, false));
		add('3', 'zeros run together + heading', runTogetherZeros(base, true));
		for (let seed = 0; seed < 4; seed++)
			add('6', `detached labels #${seed}`, detachLabels(base, createRng(`${f.file}-detach-${seed}`)));
	}
	return out;
}
