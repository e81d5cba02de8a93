// What other parts of the app feed into the inbox. Each source is read here, not in its own module, so the
// inbox depends on them and not the other way round.
//
// - Confirmed findings (issue 16, confirm/dismiss on findings): once that lands, `syncExternalItems` inserts one
//   'finding' item per confirmed finding with `source_key` = the confirmation's stable key (the unique index
//   (kind, source_key) keeps it to one), so the organ answers it like a note.
// - Rectification requests of the quarterly assessment (issue 13): those keep their own thread (request, answer,
//   accept/reject) on the assessment page, so they are listed here as `ExternalEntry`s linking there, with their
//   deadline, rather than copied.
// Neither table exists on this branch yet: both functions are the seam, and return nothing.

export interface ExternalEntry {
	kind: 'rectification';
	key: string;
	organId: number;
	organName: string;
	title: string;
	body: string;
	deadline: string | null;
	/** Where it is answered. */
	link: string;
	state: 'open' | 'answered' | 'closed';
	unread: boolean;
	createdAt: number;
}

/** Feeds items kept elsewhere into inbox_item (idempotent). */
export function syncExternalItems(): void {}

/** Entries answered where they live, for one organ (a clerk) or all (null: inspectors). */
export function externalEntries(organId: number | null): ExternalEntry[] {
	void organId;
	return [];
}
