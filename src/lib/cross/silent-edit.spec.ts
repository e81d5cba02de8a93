import { describe, expect, it } from 'vitest';
import { handBuilt } from '../../../tests/helpers/hand-built-report';
import { checkSilentEdits } from './silent-edit';

describe('D3 silent edits after publication', () => {
	it('a new revision of a published report whose figures changed', () => {
		const a = handBuilt('甲局', 2023);
		const b = handBuilt('甲局', 2023);
		b.applications.rows.granted![0] = 2;
		const found = checkSilentEdits({ organ: '1', year: 2023 }, [
			{ id: '1', seenOn: '2024-01-20', model: a },
			{ id: '2', seenOn: '2024-03-01', model: b }
		]);
		expect(found).toHaveLength(1);
		expect(found[0].changes).toEqual([{ path: 'applications.rows.granted.natural_person', before: 3, after: 2 }]);
		expect(found[0].message).toContain('2024-03-01');
	});

	it('nothing when only the text changed, or the earlier revision was never published', () => {
		const a = handBuilt('甲局', 2023);
		const b = handBuilt('甲局', 2023);
		b.sections['5'] = '改过的文字';
		expect(
			checkSilentEdits({ organ: '1', year: 2023 }, [
				{ id: '1', seenOn: 'x', model: a },
				{ id: '2', seenOn: 'y', model: b }
			])
		).toEqual([]);
		const draft = handBuilt('甲局', 2023);
		draft.published_on = null;
		b.applications.rows.granted![0] = 2;
		expect(
			checkSilentEdits({ organ: '1', year: 2023 }, [
				{ id: '1', seenOn: 'x', model: draft },
				{ id: '2', seenOn: 'y', model: b }
			])
		).toEqual([]);
	});
});
