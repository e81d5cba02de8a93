// Section 6's one figure: 信息处理费 in yuan; the whole text is read when section 6 is missing.
import type { Fees } from '../model';
import { FEE_PATH } from '../cell-path';
import { readFee } from './meta';
import type { SectionRange } from './sections';
import { provenanceAt, type MapInput, type SectionMapping } from './section';

export function mapFees(input: MapInput, range: SectionRange | undefined): SectionMapping<Fees> {
	const { doc, norm } = input;
	let fee = range ? readFee(norm, range.start, range.end) : { yuan: null, line: -1 };
	if (fee.yuan === null && !range) fee = readFee(norm, 0, norm.length);
	return {
		values: { info_processing_fee_yuan: fee.yuan },
		provenance: fee.line >= 0 ? { [FEE_PATH]: provenanceAt(doc, fee.line) } : {},
		warnings: []
	};
}
