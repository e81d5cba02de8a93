// `npm run bench`: every benchmark in turn, each printing its own figures and ratios against a baseline measured
// in the same run. Run one alone with `npm run bench:<name>`.
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';

const BENCHES = [
	'accuracy',
	'parse',
	'import',
	'dashboard',
	'generate',
	'similarity',
	'assessment',
	'findings',
	'fuzz',
	'load'
];
let failed = 0;
for (const name of BENCHES) {
	const file = `tests/bench/${name}.ts`;
	if (!existsSync(file)) continue;
	console.log(`\n━━ bench:${name} ━━`);
	const r = spawnSync(process.execPath, ['--import', 'tsx', file, ...process.argv.slice(2)], { stdio: 'inherit' });
	if (r.status !== 0) failed++;
}
process.exitCode = failed ? 1 : 0;
