// What crawlers do to a page's text, as renderings of a report: drop every line equal to the line before it (a
// common "dedup" that collapses a run of equal cells printed one per line), and break a number over two lines.
// Pure functions of the text; `pick` decides (from a seeded draw) which numbers break.

export function dropRepeatedLines(text: string): string {
	const lines = text.split('\n');
	return lines.filter((l, i) => i === 0 || l.trim() === '' || l !== lines[i - 1]).join('\n');
}

/** Numbers of two digits or more standing alone on a line, broken after their first digit where `pick` says. */
export function breakNumbers(text: string, pick: () => boolean): string {
	return text
		.split('\n')
		.map((l) => (/^\d{2,}$/.test(l) && pick() ? `${l[0]}\n${l.slice(1)}` : l))
		.join('\n');
}
