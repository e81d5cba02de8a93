// The organs of fictional districts: a district government, its bureaus, streets and towns, with real-sounding
// names and kinds, some renamed between years (the alias problem). Past one district's worth of organs the list
// continues with further districts of the same fictional city, so any number of organs stays plausible.
import { inferOrganKind, type OrganKind } from '../report/organ';

export type Scale = 'heavy' | 'medium' | 'small' | 'tiny';

/** What an organ does, which drives its section 2 figures. */
export type Role =
	| 'government'
	| 'office'
	| 'approval'
	| 'market'
	| 'police'
	| 'urban'
	| 'natural_resources'
	| 'housing'
	| 'health'
	| 'environment'
	| 'transport'
	| 'education'
	| 'plain'
	| 'street'
	| 'town';

export interface OrganName {
	name: string;
	/** First report year the name is used in (inclusive). */
	from: number;
}

export interface Organ {
	id: string;
	district: string;
	kind: OrganKind;
	role: Role;
	scale: Scale;
	/** Names over time, oldest first. The name in force for year y is the last with from <= y. */
	names: OrganName[];
}

interface OrganSpec {
	id: string;
	role: Role;
	scale: Scale;
	/** `{d}` is the district's name, `{c}` the city's. Several entries = renamed in the given years. */
	names: [string, number][];
}

const CITY = '清河市';

const DISTRICTS: [string, string][] = [
	['yx', '云溪区'],
	['qs', '青山区'],
	['lj', '临江区'],
	['bs', '白石区'],
	['dh', '东湖区'],
	['np', '南屏区'],
	['xl', '西岭区'],
	['jc', '金川区'],
	['yq', '玉泉区'],
	['fl', '枫林区'],
	['hy', '和义区'],
	['cs', '长寿区'],
	['ts', '桃山区'],
	['lg', '龙岗区'],
	['sw', '松湾区'],
	['ht', '荷塘区']
];

const STREETS = ['城关', '东湖', '龙泉', '新华', '滨江', '凤凰', '文昌', '桂花', '望江', '朝阳', '白鹭', '金桥'];
const TOWNS = ['石桥', '白沙', '柳林', '清水', '马坪', '高桥', '青龙', '大塘', '黄土岭', '双河'];

/** One organ of the district's list; `renamed`: the name it takes from a year on. */
const organ = (id: string, role: Role, scale: Scale, name: string, renamed?: [string, number]): OrganSpec => ({
	id,
	role,
	scale,
	names: renamed ? [[name, 0], renamed] : [[name, 0]]
});

// Order matters: `--organs N` takes the first N, so the most useful (government, the heavy bureaus) come first.
const SPECS: OrganSpec[] = [
	organ('gov', 'government', 'heavy', '{d}人民政府'),
	organ('zrzy', 'natural_resources', 'heavy', '{d}自然资源局', ['{d}自然资源和规划局', 2022]),
	organ('zjj', 'housing', 'heavy', '{d}住房和城乡建设局'),
	organ('gaj', 'police', 'heavy', '{c}公安局{ds}分局'),
	organ('zsb', 'plain', 'heavy', '{d}房屋征收与补偿管理办公室'),
	organ('jyj', 'education', 'medium', '{d}教育局'),
	organ('wjj', 'health', 'medium', '{d}卫生健康局'),
	organ('scj', 'market', 'medium', '{d}市场和质量监督管理局', ['{d}市场监督管理局', 2020]),
	organ('rsj', 'plain', 'medium', '{d}人力资源和社会保障局'),
	organ('sthj', 'environment', 'medium', '{c}生态环境局{ds}分局'),
	organ('cgj', 'urban', 'medium', '{d}城市管理局', ['{d}城市管理和综合执法局', 2021]),
	organ('spj', 'approval', 'small', '{d}行政审批服务局', ['{d}政务服务和数据管理局', 2022]),
	organ('bgs', 'office', 'small', '{d}人民政府办公室'),
	organ('fgj', 'plain', 'small', '{d}发展和改革局'),
	organ('kgx', 'plain', 'small', '{d}科工信局', ['{d}科学技术和工业信息化局', 2021]),
	organ('mzj', 'plain', 'small', '{d}民政局'),
	organ('sfj', 'plain', 'small', '{d}司法局'),
	organ('czj', 'plain', 'small', '{d}财政局'),
	organ('jtj', 'transport', 'small', '{d}交通运输局'),
	organ('slj', 'plain', 'small', '{d}水利局', ['{d}水务局', 2023]),
	organ('nyj', 'plain', 'small', '{d}农业农村局'),
	organ('swj', 'plain', 'tiny', '{d}商务局', ['{d}商务和投资促进局', 2021]),
	organ('wlj', 'plain', 'tiny', '{d}文化和旅游局', ['{d}文化旅游体育局', 2021]),
	organ('tyjr', 'plain', 'tiny', '{d}退役军人事务局'),
	organ('yjj', 'plain', 'small', '{d}应急管理局'),
	organ('sjj', 'plain', 'tiny', '{d}审计局'),
	organ('tjj', 'plain', 'tiny', '{d}统计局'),
	organ('ybj', 'plain', 'small', '{d}医疗保障局'),
	organ('xfj', 'plain', 'small', '{d}信访局'),
	organ('lyj', 'plain', 'tiny', '{d}林业局'),
	organ('jgsw', 'plain', 'tiny', '{d}机关事务服务中心'),
	organ('st1', 'street', 'small', '{d}{s1}街道办事处'),
	organ('tw1', 'town', 'small', '{d}{t1}镇人民政府'),
	organ('st2', 'street', 'tiny', '{d}{s2}街道办事处'),
	organ('tw2', 'town', 'tiny', '{d}{t2}乡人民政府', ['{d}{t2}镇人民政府', 2022]),
	organ('st3', 'street', 'tiny', '{d}{s3}街道办事处'),
	organ('tw3', 'town', 'tiny', '{d}{t3}镇人民政府'),
	organ('st4', 'street', 'tiny', '{d}{s4}街道办事处'),
	organ('st5', 'street', 'tiny', '{d}{s5}街道办事处'),
	organ('tw4', 'town', 'tiny', '{d}{t4}镇人民政府')
];

export const ORGANS_PER_DISTRICT = SPECS.length;

/** The first `count` organs, district after district. Deterministic; no randomness needed. */
export function buildOrgans(count: number): Organ[] {
	const out: Organ[] = [];
	for (let i = 0; i < count; i++) {
		const di = Math.floor(i / SPECS.length);
		const spec = SPECS[i % SPECS.length];
		const [code, districtBase] = DISTRICTS[di % DISTRICTS.length];
		// Beyond the named districts, number them (a city with many districts is fictional anyway).
		const round = Math.floor(di / DISTRICTS.length);
		const district =
			round === 0 ? districtBase : districtBase.replace('区', `${'一二三四五六七八九十'[(round - 1) % 10]}区`);
		const fill = (t: string) =>
			t
				.replace('{c}', CITY)
				.replace('{ds}', district.replace(/区$/, ''))
				.replace('{d}', district)
				.replace(/\{s(\d)\}/, (_m, k: string) => STREETS[(Number(k) - 1 + di) % STREETS.length])
				.replace(/\{t(\d)\}/, (_m, k: string) => TOWNS[(Number(k) - 1 + di * 3) % TOWNS.length]);
		const names = spec.names.map(([t, from]) => ({ name: fill(t), from }));
		out.push({
			id: `${code}${round || ''}-${spec.id}`,
			district: CITY + district,
			kind: inferOrganKind(names[names.length - 1].name),
			role: spec.role,
			scale: spec.scale,
			names
		});
	}
	return out;
}

export function organNameIn(organ: Organ, year: number): string {
	let name = organ.names[0].name;
	for (const n of organ.names) if (n.from <= year) name = n.name;
	return name;
}

/** The body's short name as its prose calls itself ("我局", "区教育局"). */
export function selfReference(organ: Organ): string {
	switch (organ.kind) {
		case 'government':
			return '我区';
		case 'street':
			return '我街道';
		case 'town':
			return organ.names[organ.names.length - 1].name.includes('乡') ? '我乡' : '我镇';
		default:
			return organ.role === 'office' ? '我办' : organ.names[0].name.endsWith('中心') ? '我中心' : '我局';
	}
}
