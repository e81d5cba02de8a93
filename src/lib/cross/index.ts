// Checks that only a database of many reports can make (docs/domain-rules.md §7: R-X2, R-X4, R-X6, R-X7, R-H1,
// R-D2, R-D3), pure: each takes the reports it compares as arguments, so the importer, the draft checks and the
// generator's truth all call the same code.
export type { CrossFinding, ReportRef, OtherSide, Span } from './types';
export { fold, blankBoilerplate, BOILERPLATE, shingleIds, jaccardIds, sharedSpans, hash32, type Folded } from './fold';
export { signature, estimate, bandKeys, LshIndex, DEFAULT_MINHASH, type MinHashOptions } from './minhash';
export {
	textDoc,
	textDocs,
	verify,
	copiedFinding,
	copiedPairs,
	checkCopiedFromOthers,
	checkCopiedAcross,
	COMPARED_SECTIONS,
	type ComparedSection,
	type TextDoc,
	type SimilarityOptions,
	type PairsResult
} from './copied-from-other';
export { checkMissingReports, heldKey, type OrganInfo, type MissingInput } from './missing-report';
export { checkParentSums, reportsOnlyOwnLevel } from './parent-sums';
export { checkStockContinuity } from './stock-continuity';
export { pendingSideBySide, type PendingRow } from './pending-cases';
export { checkSilentEdits, type RevisionInfo } from './silent-edit';
export { checkLocalDeadline, type LocalDeadline } from './local-deadline';
export { statutoryDeadline } from './deadlines';
export { fingerprint, findingValues, reportFindingFingerprint, type Values } from './fingerprint';
