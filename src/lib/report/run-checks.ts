// Runs the report's own checks; a check that throws must not cost the user the parsed report.
import { runChecks } from './checks';
import type { Finding, Report } from './model';

export async function runChecksSafely(report: Report): Promise<Finding[]> {
	try {
		return runChecks(report);
	} catch (e) {
		report.warnings.push({ code: 'checks_failed', message: `检查出错：${e instanceof Error ? e.message : String(e)}` });
		return [];
	}
}
