// "No fee was charged", read by its parts: within one clause a negation, a charging verb after it, and a fee
// word anywhere (未发生…收费事项, 无收取…情况, 未收取…处理费, 没有收取, 不存在收费, 均未收费, 信息处理费未收取).
// Offices phrase it in endless ways; listing phrasings misses the next one, the parts do not change.

/** Negations, longest first; compounds that are not negations (不断, 无法 …) are excluded after the match. */
const NEGATION = /(没有|不存在|不曾|从未|并未|均未|暂未|尚未|未|无|不)/g;
const NOT_NEGATION = /^(不断|不仅|不足|不够|不同|不少|不但|不得|不定期|无法|无论|无需|未来|无其他|不属于)/;
const VERB = /收取|收缴|征收|收费|发生|产生|涉及|存在|有/;
const FEE = /处理费|收费|费用/;
/** Other fees a report mentions (section 2's 行政事业性收费), which are not the 信息处理费. */
const OTHER_FEE = /行政事业性收费/;
/** Charging verbs strict enough to carry a clause whose fee word is in another clause of the sentence. */
const CHARGE = /收取|收缴|征收|收费/;

const DISCLOSURE = /处理费|信息公开|申请/;

export const CLAUSE_SPLIT = /[，,。；;：:！!？?、]/;

/** Does the clause say that no fee was charged? */
export function saysNoneCharged(clause: string): boolean {
	if (!FEE.test(clause) || (OTHER_FEE.test(clause) && !clause.includes('处理费'))) return false;
	return negatedVerb(clause, VERB);
}

function negatedVerb(clause: string, verb: RegExp): boolean {
	for (const m of clause.matchAll(NEGATION)) {
		if (NOT_NEGATION.test(clause.slice(m.index))) continue;
		const after = clause.slice(m.index + m[0].length, m.index + m[0].length + 14);
		if (verb.test(after)) return true;
	}
	return false;
}

/** Zero stated as an amount: 信息处理费为零 / 为0元 / 零元 / 无. */
const ZERO_AMOUNT = /处理费[^，。；]{0,8}(为零|为0元?|零元|为无)|处理费[:：]?无(?![^，。；]*[\d])/;

/**
 * The offset in `sentence` of a statement that no fee was charged, or -1. A sentence about the 信息处理费
 * (处理费 named in any clause) also counts when another clause only says 未收取. `needInfoFee` (outside section
 * 6): the sentence must be about disclosure — name the 处理费, 信息公开 or 申请 — not any fee of the organ's.
 */
export function noneChargedAt(sentence: string, needInfoFee = false): number {
	if (needInfoFee && !DISCLOSURE.test(sentence)) return -1;
	const z = ZERO_AMOUNT.exec(sentence);
	if (z) return z.index;
	let pos = 0;
	const infoFee = sentence.includes('处理费');
	for (const clause of sentence.split(CLAUSE_SPLIT)) {
		if (saysNoneCharged(clause) || (infoFee && !OTHER_FEE.test(clause) && negatedVerb(clause, CHARGE))) {
			const f = clause.search(/处理费|收费|费用|收取/);
			return pos + Math.max(0, f);
		}
		pos += clause.length + 1;
	}
	return -1;
}
