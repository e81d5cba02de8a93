// The synthetic district generator (pure): organs, truth, damage, renderings of the plain formats.
export { createRng, hashSeed, type Rng } from './prng';
export { buildOrgans, organNameIn, ORGANS_PER_DISTRICT, type Organ, type OrganName } from './organs';
export { generateTruth, GENERATOR_VERSION, type DistrictTruth, type TruthReport, type TruthOptions } from './district';
export {
	injectCrossCases,
	distinctiveParagraph,
	type CrossOptions,
	type CrossTruth,
	type SilentEdit
} from './cross-cases';
export { DAMAGE_KINDS, injectDamage, type Damage, type DamageKind } from './damage';
export { reportFindings, carryOverFindings, timelinessFindings, deadlineFor } from './truth-checks';
export {
	planFiles,
	fileName,
	renderText,
	renderTextFile,
	truthFor,
	FORMATS,
	type FilePlan,
	type FileVariant,
	type PlanOptions
} from './files';
export { publicationLog, publicationLogCsv, type PublicationRow } from './publication-log';
export { rosterCsv, rosterRows } from './roster';
export * from './render/index';
