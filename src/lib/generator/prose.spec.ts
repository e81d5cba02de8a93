import { describe, expect, it } from 'vitest';
import { FEE_PHRASES_NONE, writeProse } from './prose';
import { readFee } from '../report/map/meta';
import { createRng } from './prng';
import { buildOrgans } from './organs';

describe('the fee statements the generator writes', () => {
	it('every no-fee phrasing reads as 0, in section 6 and (naming disclosure) outside it', () => {
		for (const p of FEE_PHRASES_NONE) {
			const s = p('本局', 2023);
			expect(readFee([s], 0, 1).yuan, s).toBe(0);
			expect(readFee([`依申请公开工作中，${s}`], 0, 1, true).yuan, s).toBe(0);
		}
	});
	it('puts a zero fee in section 1 or 5 now and then, and section 6 then says nothing of it', () => {
		const where = new Set<string>();
		for (let i = 0; i < 60; i++) {
			const p = writeProse(buildOrgans(3)[1], '某区某局', 2022, 0, createRng(`fee-${i}`));
			const six = readFee([p['6']], 0, 1).yuan;
			where.add(
				six === 0
					? '6'
					: readFee([p['1']], 0, 1, true).yuan === 0
						? '1'
						: readFee([p['5']], 0, 1, true).yuan === 0
							? '5'
							: 'none'
			);
		}
		expect([...where].sort()).toEqual(['1', '5', '6']);
	});
});
