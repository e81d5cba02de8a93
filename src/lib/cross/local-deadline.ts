// R-D2: a district's own deadlines beside the statutory one, e.g. filing with the district office by 01-26 and
// publication by 01-28 of the next year. Configured per deployment; nothing is checked when none is set.
import type { Finding, Report } from '../report/model';

export interface LocalDeadline {
	/** MM-DD of year+1 to file the report with the district office. */
	filing?: string | null;
	/** MM-DD of year+1 to publish it. */
	publication?: string | null;
}

/**
 * `filedOn`: the filing date when filing records are kept (null: kept, but none for this report); undefined when the
 * deployment keeps no filing records, so the filing deadline is not checked.
 */
export function checkLocalDeadline(report: Report, local: LocalDeadline, filedOn?: string | null): Finding[] {
	if (typeof report.year !== 'number') return [];
	const out: Finding[] = [];
	const y = report.year + 1;
	if (local.publication && report.published_on && /^\d{4}-\d{2}-\d{2}$/.test(report.published_on)) {
		const deadline = `${y}-${local.publication}`;
		if (report.published_on > deadline)
			out.push({
				rule: 'D2',
				severity: 'warning',
				message: `报告发布于${report.published_on}，晚于本地规定的发布期限${deadline}。`,
				cells: ['published_on']
			});
	}
	if (local.filing && filedOn !== undefined) {
		const deadline = `${y}-${local.filing}`;
		if (filedOn === null)
			out.push({
				rule: 'D2',
				severity: 'warning',
				message: `未见报送记录（本地规定${deadline}前向区政务公开办报送）。`,
				cells: ['filed_on']
			});
		else if (filedOn > deadline)
			out.push({
				rule: 'D2',
				severity: 'warning',
				message: `报送于${filedOn}，晚于本地规定的报送期限${deadline}。`,
				cells: ['filed_on']
			});
	}
	return out;
}
