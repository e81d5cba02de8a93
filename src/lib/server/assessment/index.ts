// The quarterly assessment's I/O side: evidence from the database, rubric versions, quarters and their freezing,
// manual entries, rectification. Import as a namespace: `import * as assessment from '$lib/server/assessment'`.
export { assessedOrgans, districtName, type AssessedOrgan } from './roster';
export { gatherEvidence } from './evidence';
export * as rubrics from './rubrics';
export * as entries from './entries';
export * as rectifications from './rectifications';
export {
	getSheet,
	getSheets,
	forgetSheets,
	liveSheet,
	close,
	reopen,
	isClosed,
	listStates,
	QuarterRefusal,
	type QuarterSheet
} from './quarters';
export { quarterPage, organPage, quarterList, PAGE_SIZE, type QuarterRow, type QuarterQuery } from './pages';
