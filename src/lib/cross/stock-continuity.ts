// R-X4 (2021-format years): section 2's stock of rules and normative documents carries over —
// last year's 现行有效 + this year's 制发 − 废止 = this year's 现行有效. A heuristic (documents expire, counting
// differs), so a warning. Same organ, consecutive years: callable on a draft model and last year's stored report.
import type { Finding, Report } from '../report/model';
import { PROACTIVE_2021 } from '../report/template';
import { previousPath, proactivePath } from '../report/cell-path';

const ITEMS = PROACTIVE_2021.filter((d) => (d.fields as readonly string[]).includes('in_force'));

export function checkStockContinuity(previous: Report | null, current: Report): Finding[] {
	if (!previous || previous.template !== '2021' || current.template !== '2021') return [];
	if (typeof previous.year !== 'number' || typeof current.year !== 'number' || current.year - previous.year !== 1)
		return [];
	const out: Finding[] = [];
	for (const def of ITEMS) {
		const before = previous.proactive?.[def.key]?.in_force;
		const now = current.proactive?.[def.key];
		const [issued, repealed, inForce] = [now?.issued, now?.repealed, now?.in_force];
		if (![before, issued, repealed, inForce].every((v) => typeof v === 'number')) continue;
		const expected = before! + issued! - repealed!;
		if (expected === inForce) continue;
		const p = (f: string) => proactivePath(def.key, f);
		out.push({
			rule: 'X4',
			severity: 'warning',
			message: `表二${def.label}：上年现行有效${before}件＋本年制发${issued}件－本年废止${repealed}件＝${expected}件，但本年现行有效为${inForce}件，相差${Math.abs(inForce! - expected)}件。`,
			cells: [p('in_force'), p('issued'), p('repealed'), previousPath(p('in_force'))]
		});
	}
	return out;
}
