// R-X6: sections 1 and 5 compared with other organs' reports of the same year. Texts are folded (boilerplate the
// template dictates blanked out), cut into character shingles, and indexed by MinHash + LSH banding: only pairs that
// share a band are verified, first by the signature estimate, then by the exact shingle Jaccard.
import type { Report } from '../report/model';
import { sectionPath } from '../report/cell-path';
import type { CrossFinding, ReportRef } from './types';
import { fold, jaccardIds, sharedSpans, shingleIds, type Folded } from './fold';
import { DEFAULT_MINHASH, LshIndex, estimate, signature, type MinHashOptions } from './minhash';

export interface SimilarityOptions {
	/** Jaccard at or above which a text counts as copied (default 0.8; configurable). */
	threshold?: number;
	/** Shingle length in folded characters (default 4). */
	shingle?: number;
	/** Texts shorter than this many folded characters (after boilerplate) are not compared (default 80). */
	minChars?: number;
	minhash?: MinHashOptions;
}

const defaults = (o: SimilarityOptions) => ({
	threshold: o.threshold ?? 0.8,
	shingle: o.shingle ?? 4,
	minChars: o.minChars ?? 80,
	minhash: o.minhash ?? DEFAULT_MINHASH
});

export const COMPARED_SECTIONS = ['1', '5'] as const;
export type ComparedSection = (typeof COMPARED_SECTIONS)[number];
const SECTION_NAME: Record<ComparedSection, string> = {
	'1': '第一部分“总体情况”',
	'5': '第五部分“存在的主要问题及改进情况”'
};

export interface TextDoc {
	organ: string;
	organName: string;
	year: number;
	section: ComparedSection;
	text: string;
	folded: Folded;
	ids: Set<number>;
	sig: Uint32Array;
}

/** The comparable form of one section of a report, or null when it is absent or too short to judge. */
export function textDoc(
	ref: Omit<ReportRef, 'model'> & { model: Pick<Report, 'sections'> },
	section: ComparedSection,
	opts: SimilarityOptions = {}
): TextDoc | null {
	const o = defaults(opts);
	const text = ref.model.sections?.[section];
	if (typeof text !== 'string') return null;
	const folded = fold(text);
	if (folded.chars.length < o.minChars) return null;
	const ids = shingleIds(folded.chars, o.shingle);
	return {
		organ: ref.organ,
		organName: ref.organName,
		year: ref.year,
		section,
		text,
		folded,
		ids,
		sig: signature(ids, o.minhash)
	};
}

export function textDocs(ref: ReportRef, opts: SimilarityOptions = {}): TextDoc[] {
	return COMPARED_SECTIONS.map((s) => textDoc(ref, s, opts)).filter((d): d is TextDoc => d !== null);
}

/** Exact similarity of two docs when the signature estimate makes it plausible; 0 otherwise. */
export function verify(a: TextDoc, b: TextDoc, opts: SimilarityOptions = {}): number {
	const o = defaults(opts);
	if (estimate(a.sig, b.sig) < o.threshold - 0.2) return 0;
	return jaccardIds(a.ids, b.ids);
}

/** The finding on `self`'s side, naming `other`, with the shared passages of both texts. */
export function copiedFinding(
	self: TextDoc,
	other: TextDoc,
	similarity: number,
	opts: SimilarityOptions = {}
): CrossFinding {
	const o = defaults(opts);
	const cell = sectionPath(self.section);
	return {
		rule: 'X6',
		severity: 'warning',
		organ: self.organ,
		year: self.year,
		message: `${SECTION_NAME[self.section]}与“${other.organName}”${other.year}年报告的相似度为${(similarity * 100).toFixed(1)}%（达到${(o.threshold * 100).toFixed(0)}%），疑与其他单位雷同。`,
		cells: [cell],
		// The texts themselves identify the finding: an edit on either side brings it back for review.
		values: { [cell]: self.folded.chars, [`other:${cell}`]: other.folded.chars },
		other: { organ: other.organ, organName: other.organName, year: other.year, cells: [sectionPath(other.section)] },
		passages: [
			{
				section: self.section,
				self: sharedSpans(self.folded, other.ids, o.shingle),
				other: sharedSpans(other.folded, self.ids, o.shingle)
			}
		]
	};
}

export interface PairsResult {
	/** Pairs at or above the threshold: [a, b, similarity], a before b in input order. */
	pairs: [TextDoc, TextDoc, number][];
	/** Candidate pairs the index produced (each verified). */
	examined: number;
	/** What comparing all pairs would have cost (same year and section, different organs). */
	allPairs: number;
}

/** Every copied pair among the docs (one year or several: only same year, same section, different organs pair up). */
export function copiedPairs(docs: TextDoc[], opts: SimilarityOptions = {}): PairsResult {
	const o = defaults(opts);
	const groups = new Map<string, TextDoc[]>();
	for (const d of docs) {
		const key = `${d.year}/${d.section}`;
		const g = groups.get(key);
		if (g) g.push(d);
		else groups.set(key, [d]);
	}
	const pairs: [TextDoc, TextDoc, number][] = [];
	let examined = 0;
	let allPairs = 0;
	for (const group of groups.values()) {
		allPairs += (group.length * (group.length - 1)) / 2;
		const index = new LshIndex<number>(o.minhash);
		group.forEach((d, i) => {
			for (const j of index.candidates(d.sig)) {
				const other = group[j];
				if (other.organ === d.organ) continue;
				examined++;
				const sim = verify(other, d, opts);
				if (sim >= o.threshold) pairs.push([other, d, sim]);
			}
			index.add(i, d.sig);
		});
	}
	return { pairs, examined, allPairs };
}

/**
 * X6 for one report against other organs' reports of its year (the draft checks and the re-check of one import call
 * this with the candidates only). Findings are on `subject`'s side.
 */
export function checkCopiedFromOthers(
	subject: ReportRef,
	others: ReportRef[],
	opts: SimilarityOptions = {}
): CrossFinding[] {
	const o = defaults(opts);
	const out: CrossFinding[] = [];
	const mine = textDocs(subject, opts);
	for (const other of others) {
		if (other.organ === subject.organ || other.year !== subject.year) continue;
		for (const theirs of textDocs(other, opts)) {
			const self = mine.find((d) => d.section === theirs.section);
			if (!self) continue;
			const sim = verify(self, theirs, opts);
			if (sim >= o.threshold) out.push(copiedFinding(self, theirs, sim, opts));
		}
	}
	return out;
}

/** Both sides' findings of every copied pair among the reports (a whole district, a bench). */
export function checkCopiedAcross(
	refs: ReportRef[],
	opts: SimilarityOptions = {}
): CrossFinding[] & { examined?: number; allPairs?: number } {
	const docs = refs.flatMap((r) => textDocs(r, opts));
	const res = copiedPairs(docs, opts);
	const out: CrossFinding[] & { examined?: number; allPairs?: number } = [];
	for (const [a, b, sim] of res.pairs) out.push(copiedFinding(a, b, sim, opts), copiedFinding(b, a, sim, opts));
	out.examined = res.examined;
	out.allPairs = res.allPairs;
	return out;
}
