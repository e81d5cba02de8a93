// `npm run bench:accuracy [-- --list]`: for every real report with hand-checked values, cells right / cells
// expected, per file and in total; unknowns (null with a warning) apart from silent nulls and from WRONG
// numbers. `--list` prints every cell that is not right.
import { measureAccuracy } from '../helpers/accuracy';

const list = process.argv.includes('--list');
const files = await measureAccuracy();
const pct = (a: number, b: number) => (b ? ((100 * a) / b).toFixed(1) : '—');
console.log(['file', 'right/expected', '%', 'unknown (null+warning)', 'silent null', 'WRONG'].join('\t'));
const total = { right: 0, unknown: 0, silent_null: 0, wrong: 0, n: 0 };
for (const f of files) {
	const n = f.cells.length;
	console.log(
		[f.file, `${f.count.right}/${n}`, pct(f.count.right, n), f.count.unknown, f.count.silent_null, f.count.wrong].join(
			'\t'
		)
	);
	total.right += f.count.right;
	total.unknown += f.count.unknown;
	total.silent_null += f.count.silent_null;
	total.wrong += f.count.wrong;
	total.n += n;
	if (list)
		for (const c of f.cells)
			if (c.status !== 'right') console.log(`   ${c.status}\t${c.path}\texpected ${c.expected}\tgot ${c.got}`);
}
console.log(
	['TOTAL', `${total.right}/${total.n}`, pct(total.right, total.n), total.unknown, total.silent_null, total.wrong].join(
		'\t'
	)
);
console.log(
	`accuracy: ${total.right}/${total.n} cells right in ${files.length} real files, ${total.unknown} unknown, ${total.silent_null} silent null, ${total.wrong} WRONG`
);
process.exitCode = total.wrong ? 1 : 0;
