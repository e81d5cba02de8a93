// The child process of the correction crash test: corrects one figure of a report to each value given, in turn,
// printing `committed <id> <value>` once each correction has returned (its transaction committed).
// Usage: node --import tsx tests/helpers/correction-child.ts <reportId> <cellPath> <value>...
import { correctFigure } from '../../src/lib/server/corrections';

const [reportId, cellPath, ...values] = process.argv.slice(2);
for (const value of values) {
	const c = correctFigure(
		{ reportId: Number(reportId), cellPath, value, reason: `崩溃测试：改为${value}` },
		{ id: 'insp', role: 'inspector', organId: null }
	);
	process.stdout.write(`committed ${c.id} ${value}\n`);
}
