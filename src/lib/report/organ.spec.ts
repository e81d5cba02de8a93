import { describe, expect, it } from 'vitest';
import { ORGAN_KINDS, isOrganKind } from './organ';

describe('isOrganKind', () => {
	it('accepts the five kinds and nothing else', () => {
		for (const k of ORGAN_KINDS) expect(isOrganKind(k)).toBe(true);
		for (const v of ['', 'Government', 'bureau', null, undefined, 1]) expect(isOrganKind(v)).toBe(false);
	});
});
