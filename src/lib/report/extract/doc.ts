// What every format reader produces: display lines in reading order, with table cells where the source had them.

export interface DocLine {
	/** Display text in the original script (table rows as cells joined by ` | `). */
	text: string;
	/** Table cells when the source marked them (pipes, tabs, HTML/DOCX cells, PDF column gaps); else null. */
	cells: string[] | null;
	/** PDF: 1-based page. */
	page?: number;
	/** PDF: baseline height on the page (larger is higher), to pair a label with the numbers beside it. */
	y?: number;
	/** PDF: left x of each cell. */
	xs?: number[];
	/** A full grid row (tab-separated): positions covered by a merged label are blank cells after it. */
	grid?: boolean;
}

export interface Doc {
	lines: DocLine[];
	/** A title the container states (HTML <title>, DOCX core title), used when the text has none. */
	title?: string;
}

export function line(text: string, cells: string[] | null = null): DocLine {
	return { text, cells };
}
