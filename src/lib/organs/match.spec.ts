import { describe, expect, it } from 'vitest';
import { closestOrgans, editDistance, normalizeOrganName, organSuffix, type Candidate } from './match';

const roster = (names: string[]): Candidate[] =>
	names.map((name, i) => ({ id: i + 1, name, key: normalizeOrganName(name) }));

describe('closest roster names', () => {
	it('measures edits over code points', () => {
		expect(editDistance('云溪区教肓局', '云溪区教育局')).toBe(1);
		expect(editDistance('', '局')).toBe(1);
		expect(editDistance('kitten', 'sitting')).toBe(3);
		expect(editDistance('街道', '街道')).toBe(0);
	});

	it('knows the kind-of-body suffix', () => {
		expect(organSuffix('云溪区教育局')).toBe('局');
		expect(organSuffix('公安局云溪分局')).toBe('局');
		expect(organSuffix('城关街道办事处')).toBe('街道');
		expect(organSuffix('城关街道')).toBe('街道');
		expect(organSuffix('石桥镇人民政府')).toBe('人民政府');
		expect(organSuffix('区政府办公室')).toBe('办');
		expect(organSuffix('某某')).toBe('');
	});

	it('puts the typo first, same suffix before a different one at equal distance', () => {
		const r = roster(['云溪区教育局', '云溪区教育办', '云溪区卫生健康局', '城关街道办事处']);
		const c = closestOrgans('云溪区教肓局', r);
		expect(c[0]).toMatchObject({ name: '云溪区教育局', distance: 1, sameSuffix: true });
		expect(c[1]).toMatchObject({ name: '云溪区教育办', distance: 2, sameSuffix: false });
		expect(c.map((x) => x.name)).not.toContain('城关街道办事处');
	});

	it('matches on aliases, one entry per organ, at most `limit`', () => {
		const r: Candidate[] = [
			{ id: 1, name: '云溪区科学技术和工业信息化局', key: normalizeOrganName('云溪区科学技术和工业信息化局') },
			{ id: 1, name: '云溪区科学技术和工业信息化局', key: normalizeOrganName('云溪区科工信局') },
			{ id: 2, name: '云溪区工信局', key: normalizeOrganName('云溪区工信局') },
			{ id: 3, name: '云溪区科技局', key: normalizeOrganName('云溪区科技局') }
		];
		const c = closestOrgans('云溪区科工信息局', r, 2);
		expect(c).toHaveLength(2);
		expect(c[0]).toMatchObject({ id: 1, distance: 1 });
		expect(new Set(c.map((x) => x.id)).size).toBe(2);
	});

	it('leaves out names that are no near miss', () => {
		expect(closestOrgans('清河市人民政府', roster(['云溪区城关街道办事处']))).toEqual([]);
	});
});
