// Section 6's one figure: 信息处理费 in yuan. When section 6 says nothing of it, sections 1 and 5 are read (some
// offices state it under 依申请公开 or among the problems); when section 6 is missing, the whole text — outside
// section 6 only sentences about disclosure (处理费, 信息公开, 申请) count, so the organ's other fees are not read as it.
import type { Fees } from '../model';
import { FEE_PATH } from '../cell-path';
import { readFee, type FeeInfo } from './meta';
import type { SectionRange } from './sections';
import { provenanceAt, type MapInput, type SectionMapping } from './section';

export function mapFees(
	input: MapInput,
	range: SectionRange | undefined,
	elsewhere: (SectionRange | undefined)[] = []
): SectionMapping<Fees> {
	const { doc, norm } = input;
	let fee: FeeInfo = range ? readFee(norm, range.start, range.end) : { yuan: null, line: -1 };
	for (const r of elsewhere) if (fee.yuan === null && r) fee = readFee(norm, r.start, r.end, true);
	if (fee.yuan === null && !range) fee = readFee(norm, 0, norm.length, true);
	return {
		values: { info_processing_fee_yuan: fee.yuan },
		provenance: fee.line >= 0 ? { [FEE_PATH]: provenanceAt(doc, fee.line) } : {},
		warnings: []
	};
}
