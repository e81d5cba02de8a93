// `npm run bench:accuracy [-- --list]`: for every real report with hand-checked values, cells right / cells
// expected, per file and in total; unknowns (null with a warning) apart from silent nulls and from WRONG
// numbers. Then the same per damage class of issue 15, reproduced on those reports (tests/helpers/
// class-fixtures.ts). `--list` prints every cell that is not right.
import { measureAccuracy, measureClassAccuracy, type FileAccuracy } from '../helpers/accuracy';
import { CLASSES } from '../helpers/class-fixtures';

const list = process.argv.includes('--list');
const pct = (a: number, b: number) => (b ? ((100 * a) / b).toFixed(1) : '—');

interface Total {
	right: number;
	unknown: number;
	silent_null: number;
	wrong: number;
	n: number;
}
const zero = (): Total => ({ right: 0, unknown: 0, silent_null: 0, wrong: 0, n: 0 });
function add(t: Total, f: FileAccuracy): void {
	t.right += f.count.right;
	t.unknown += f.count.unknown;
	t.silent_null += f.count.silent_null;
	t.wrong += f.count.wrong;
	t.n += f.cells.length;
}
const cols = (t: Total) => [`${t.right}/${t.n}`, pct(t.right, t.n), t.unknown, t.silent_null, t.wrong];
function listCells(f: FileAccuracy): void {
	if (list)
		for (const c of f.cells)
			if (c.status !== 'right') console.log(`   ${c.status}\t${c.path}\texpected ${c.expected}\tgot ${c.got}`);
}

const files = await measureAccuracy();
console.log(['file', 'right/expected', '%', 'unknown (null+warning)', 'silent null', 'WRONG'].join('\t'));
const total = zero();
for (const f of files) {
	const t = zero();
	add(t, f);
	add(total, f);
	console.log([f.file, ...cols(t)].join('\t'));
	listCells(f);
}
console.log(['TOTAL', ...cols(total)].join('\t'));

const classes = await measureClassAccuracy();
console.log();
console.log(['class', 'damage', 'fixtures', 'right/expected', '%', 'unknown', 'silent null', 'WRONG'].join('\t'));
const byClass = new Map<string, { t: Total; files: number }>();
for (const f of classes) {
	const c = byClass.get(f.cls) ?? { t: zero(), files: 0 };
	add(c.t, f);
	c.files++;
	byClass.set(f.cls, c);
	if (list && f.count.right !== f.cells.length) {
		console.log(`  ${f.file}`);
		listCells(f);
	}
}
const classTotal = zero();
for (const [cls, c] of [...byClass].sort()) {
	for (const k of Object.keys(classTotal) as (keyof Total)[]) classTotal[k] += c.t[k];
	console.log([cls, CLASSES[cls], c.files, ...cols(c.t)].join('\t'));
}
console.log(['TOTAL', '', classes.length, ...cols(classTotal)].join('\t'));

console.log(
	`accuracy: ${total.right}/${total.n} cells right in ${files.length} real files, ${total.unknown} unknown, ${total.silent_null} silent null, ${total.wrong} WRONG; ` +
		`damage classes ${[...byClass.keys()].sort().join('/')} on them: ${classTotal.right}/${classTotal.n} right in ${classes.length} fixtures, ${classTotal.unknown} unknown, ${classTotal.silent_null} silent null, ${classTotal.wrong} WRONG`
);
process.exitCode = total.wrong || classTotal.wrong ? 1 : 0;
