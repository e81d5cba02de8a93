// Adds up vitest JSON reports into the one closing line CI reads: "tests: N passed, M failed".
import { existsSync, readFileSync } from 'node:fs';

let passed = 0,
	failed = 0,
	skipped = 0,
	missing = 0;
for (const file of process.argv.slice(2)) {
	if (!existsSync(file)) {
		missing++;
		continue;
	}
	const r = JSON.parse(readFileSync(file, 'utf8'));
	passed += r.numPassedTests ?? 0;
	failed += (r.numFailedTests ?? 0) + (r.numFailedTestSuites ?? 0);
	skipped += (r.numPendingTests ?? 0) + (r.numTodoTests ?? 0);
}
failed += missing;
console.log(`tests: ${passed} passed, ${failed} failed` + (skipped ? `, ${skipped} skipped` : ''));
