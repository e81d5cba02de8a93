// The generated district's roster (roster.csv beside truth.json): every organ under its current name, its old
// names as aliases dated by the years they were used, its district government as parent.
import type { RosterExportRow } from '../organs/roster-file';
import { rosterGrid, toCsv } from '../organs/roster-file';
import type { Organ } from './organs';

export function rosterRows(organs: Organ[], years: number[]): RosterExportRow[] {
	const first = Math.min(...years);
	const governments = new Map(
		organs.filter((o) => o.kind === 'government' && o.role === 'government').map((o) => [o.district, o])
	);
	return organs.map((o) => {
		const current = o.names[o.names.length - 1].name;
		const gov = governments.get(o.district);
		return {
			name: current,
			kind: o.kind,
			parent: gov && gov !== o ? gov.names[gov.names.length - 1].name : null,
			years: { from: null, to: null },
			aliases: o.names.slice(0, -1).map((n, i) => ({
				name: n.name,
				from: n.from > first ? n.from : null,
				to: o.names[i + 1].from - 1
			}))
		};
	});
}

export function rosterCsv(organs: Organ[], years: number[]): string {
	return toCsv(rosterGrid(rosterRows(organs, years)));
}
