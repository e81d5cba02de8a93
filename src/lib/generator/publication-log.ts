// Each organ's proactive-disclosure postings over the years, with realistic rhythms: some post several times a
// week, some weekly, some go silent for months. Rows: organ, published_on, title, channel, url.
import type { Organ } from './organs';
import { organNameIn } from './organs';
import { createRng, type Rng } from './prng';
import { addDays } from './dates';
import type { TruthReport } from './district';

export interface PublicationRow {
	organ: string;
	organ_id: string;
	published_on: string;
	title: string;
	channel: string;
	url: string;
}

type Rhythm = 'busy' | 'weekly' | 'sporadic' | 'lapsing';

const CHANNELS: { name: string; slug: string; weight: number }[] = [
	{ name: '工作动态', slug: 'gzdt', weight: 0.55 },
	{ name: '通知公告', slug: 'tzgg', weight: 0.2 },
	{ name: '政策文件', slug: 'zcwj', weight: 0.08 },
	{ name: '政策解读', slug: 'zcjd', weight: 0.05 },
	{ name: '人事信息', slug: 'rsxx', weight: 0.05 },
	{ name: '财政信息', slug: 'czxx', weight: 0.07 }
];

const ACTIVITY = ['召开', '开展', '部署', '推进', '举办', '组织'];
const TOPICS = [
	'安全生产专项检查',
	'政务公开业务培训',
	'优化营商环境工作',
	'党风廉政建设工作会议',
	'防汛抗旱工作',
	'文明城市创建工作',
	'重点项目建设调度会',
	'“双随机、一公开”监管',
	'民生实事项目推进会',
	'法治政府建设工作',
	'信访维稳工作',
	'乡村振兴工作'
];
const NOTICES = ['关于开展{t}的通知', '关于{t}有关事项的公告', '关于做好{t}的通知'];
const POLICIES = ['{o}关于印发{t}实施方案的通知', '{o}关于进一步加强{t}的意见'];
const READINGS = ['《{t}实施方案》政策解读', '图解：{t}'];
const STAFF = ['{o}干部任前公示', '{o}{y}年公开招聘工作人员公告', '{o}关于拟任职人员的公示'];
const FINANCE = ['{o}{y}年部门预算公开', '{o}{yp}年部门决算公开', '{o}{y}年“三公”经费预算情况说明'];

function domainOf(organ: Organ): string {
	// Fictional hosts under the reserved .example top-level domain.
	return `https://www.${organ.id.split('-')[0]}.gov.example`;
}

function rhythmOf(rng: Rng): Rhythm {
	return rng.pick<Rhythm>(['busy', 'weekly', 'weekly', 'sporadic', 'sporadic', 'lapsing']);
}

/** Mean days between postings for a rhythm; `lapsing` alternates active spells and months of silence. */
const GAP: Record<Rhythm, number> = { busy: 1.8, weekly: 7, sporadic: 20, lapsing: 10 };

export function publicationLog(
	organs: Organ[],
	years: number[],
	seed: string | number,
	reports: TruthReport[] = []
): PublicationRow[] {
	const rows: PublicationRow[] = [];
	const first = Math.min(...years);
	const last = Math.max(...years);
	for (const organ of organs) {
		const rng = createRng(`${seed}/publog/${organ.id}`);
		const rhythm = rhythmOf(rng);
		const host = domainOf(organ);
		let day = `${first}-01-0${rng.int(2, 9)}`;
		let seq = 1000 + rng.int(0, 8999);
		let silentUntil = '';
		const end = `${last}-12-31`;
		while (day <= end) {
			const year = Number(day.slice(0, 4));
			if (rhythm === 'lapsing' && !silentUntil && rng.chance(0.04)) silentUntil = addDays(day, rng.int(60, 200));
			if (silentUntil && day < silentUntil) {
				day = silentUntil;
				silentUntil = '';
				continue;
			}
			const wd = new Date(day + 'T00:00:00Z').getUTCDay();
			if (wd !== 0 && wd !== 6) {
				const name = organNameIn(organ, year);
				const ch = pickChannel(rng);
				const title = titleFor(ch.name, name, year, rng);
				seq += rng.int(1, 40);
				const yyyymm = day.slice(0, 7).replace('-', '');
				rows.push({
					organ: name,
					organ_id: organ.id,
					published_on: day,
					title,
					channel: ch.name,
					url: `${host}/${organ.id.split('-')[1]}/${ch.slug}/${yyyymm}/t${day.replace(/-/g, '')}_${seq}.html`
				});
			}
			day = addDays(day, Math.max(1, Math.round(-Math.log(Math.max(rng.next(), 1e-9)) * GAP[rhythm])));
		}
	}
	// The annual reports themselves are postings too, in their own column.
	for (const t of reports) {
		if (!t.report.published_on) continue;
		const organ = organs.find((o) => o.id === t.organ_id);
		if (!organ) continue;
		rows.push({
			organ: t.report.organ,
			organ_id: t.organ_id,
			published_on: t.report.published_on,
			title: t.report.title,
			channel: '政府信息公开年报',
			url: `${domainOf(organ)}/${organ.id.split('-')[1]}/ndbg/${t.report.published_on.slice(0, 7).replace('-', '')}/t${t.report.published_on.replace(/-/g, '')}_nb${t.report.year}.html`
		});
	}
	rows.sort((a, b) =>
		a.organ_id < b.organ_id
			? -1
			: a.organ_id > b.organ_id
				? 1
				: a.published_on < b.published_on
					? -1
					: a.published_on > b.published_on
						? 1
						: 0
	);
	return rows;
}

function pickChannel(rng: Rng) {
	let x = rng.next();
	for (const c of CHANNELS) {
		if (x < c.weight) return c;
		x -= c.weight;
	}
	return CHANNELS[0];
}

function titleFor(channel: string, organ: string, year: number, rng: Rng): string {
	const t = rng.pick(TOPICS).replace(/工作会议$|推进会$|调度会$/, '工作');
	const fill = (s: string) =>
		s
			.replace('{o}', organ)
			.replace('{t}', t)
			.replace('{y}', String(year))
			.replace('{yp}', String(year - 1));
	switch (channel) {
		case '通知公告':
			return fill(rng.pick(NOTICES));
		case '政策文件':
			return fill(rng.pick(POLICIES));
		case '政策解读':
			return fill(rng.pick(READINGS));
		case '人事信息':
			return fill(rng.pick(STAFF));
		case '财政信息':
			return fill(rng.pick(FINANCE));
		default:
			return `${organ}${rng.pick(ACTIVITY)}${rng.pick(TOPICS)}`;
	}
}

const csvField = (s: string) => (/[",\n]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s);

export function publicationLogCsv(rows: PublicationRow[]): string {
	const head = 'organ,published_on,title,channel,url';
	return (
		[head, ...rows.map((r) => [r.organ, r.published_on, r.title, r.channel, r.url].map(csvField).join(','))].join(
			'\n'
		) + '\n'
	);
}
