// The checks live in ./checks (another part of the code base); this keeps the parser working, with no findings
// and a warning, while that module is absent or fails.
import type { Finding, Report } from './model';

type RunChecks = (report: Report) => Finding[];
let loaded: RunChecks | null | undefined;

async function load(): Promise<RunChecks | null> {
	if (loaded !== undefined) return loaded;
	try {
		// A computed specifier: bundlers must not fail when the module is not there yet.
		const spec = './checks';
		const mod = (await import(/* @vite-ignore */ spec)) as { runChecks?: RunChecks };
		loaded = typeof mod.runChecks === 'function' ? mod.runChecks : null;
	} catch {
		loaded = null;
	}
	return loaded;
}

export async function runChecksSafely(report: Report): Promise<Finding[]> {
	const run = await load();
	if (!run) {
		report.warnings.push({ code: 'checks_unavailable', message: '检查模块不可用，未运行检查' });
		return [];
	}
	try {
		return run(report);
	} catch (e) {
		report.warnings.push({ code: 'checks_failed', message: `检查出错：${e instanceof Error ? e.message : String(e)}` });
		return [];
	}
}
