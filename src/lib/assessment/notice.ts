// The 通报 on a quarter's assessment, as blocks of text in the plain official style offices publish: the summary,
// the grades with the organs in each, the problems by organ, the rectification requirement. Pure: the DOCX writer
// only lays these out.
import type { Rubric } from './rubric';
import type { OrganScore } from './score';
import { gradeCounts, indicatorLosses } from './summary';

export type NoticeBlock =
	| { kind: 'title'; text: string }
	| { kind: 'heading'; text: string }
	| { kind: 'paragraph'; text: string }
	| { kind: 'signature'; text: string };

const NUMERALS = ['一', '二', '三', '四', '五', '六', '七', '八', '九', '十'];

export interface NoticeInput {
	district: string;
	label: string;
	asOf: string;
	rubric: Rubric;
	scores: OrganScore[];
	/** Rectification deadlines by organ id (the earliest open one), if requests were issued. */
	deadlines: Map<number, string>;
}

const dateCn = (iso: string) => `${Number(iso.slice(0, 4))}年${Number(iso.slice(5, 7))}月${Number(iso.slice(8, 10))}日`;

export function noticeBlocks(n: NoticeInput): NoticeBlock[] {
	const out: NoticeBlock[] = [{ kind: 'title', text: `关于${n.district}${n.label}政务公开工作考核情况的通报` }];
	const total = n.scores.length;
	const avg = total ? Math.round((n.scores.reduce((s, x) => s + x.total, 0) / total) * 10) / 10 : 0;
	const grades = gradeCounts(n.rubric, n.scores).filter((g) => g.organs > 0);
	const vetoed = n.scores.filter((s) => s.vetoes.length).length;
	out.push({ kind: 'paragraph', text: '各单位：' });
	out.push({
		kind: 'paragraph',
		text: `根据政务公开工作考核评分细则，${n.district}政务公开办公室对${total}个单位${n.label}政务公开工作进行了考核，考核依据为各单位年度报告、政府网站发布记录及日常督查情况。现将考核情况通报如下：`
	});
	out.push({ kind: 'heading', text: '一、总体情况' });
	out.push({
		kind: 'paragraph',
		text: `本季度参加考核单位${total}个，平均得分${avg}分。其中${grades.map((g) => `“${g.grade}”等次${g.organs}个`).join('，') || '暂无等次'}${vetoed ? `；${vetoed}个单位触发单项否决` : ''}。`
	});
	const losses = indicatorLosses(n.rubric, n.scores).slice(0, 3);
	if (losses.length)
		out.push({
			kind: 'paragraph',
			text: `失分较多的指标依次为：${losses.map((l) => `${l.indicator}（${l.organs}个单位，合计扣${l.points}分）`).join('；')}。`
		});
	out.push({ kind: 'heading', text: '二、考核结果' });
	for (const g of grades) {
		const names = n.scores
			.filter((s) => s.grade === g.grade)
			.sort((a, b) => b.total - a.total)
			.map((s) => s.organName);
		out.push({ kind: 'paragraph', text: `${g.grade}（${g.organs}个）：${names.join('、')}。` });
	}
	out.push({ kind: 'heading', text: '三、存在的主要问题' });
	const withProblems = n.scores
		.filter((s) => s.vetoes.length || s.indicators.some((i) => i.items.length))
		.sort((a, b) => a.total - b.total);
	if (!withProblems.length) out.push({ kind: 'paragraph', text: '本季度考核未发现扣分问题。' });
	withProblems.forEach((s, k) => {
		const items = [
			...s.vetoes.map((v) => `单项否决：${v.label}`),
			...s.indicators.flatMap((i) => i.items.map((it) => it.what))
		];
		out.push({
			kind: 'paragraph',
			text: `（${NUMERALS[k] ?? k + 1}）${s.organName}（${s.total}分，${s.grade}）：${items.join('；')}。`
		});
	});
	out.push({ kind: 'heading', text: '四、整改要求' });
	const dated = withProblems.filter((s) => n.deadlines.has(s.organId));
	out.push({
		kind: 'paragraph',
		text: `请存在问题的单位对照本通报逐项整改${dated.length ? `，并按以下时限报送整改情况：${dated.map((s) => `${s.organName}${dateCn(n.deadlines.get(s.organId)!)}前`).join('；')}` : '，并在规定时限内报送整改情况'}。整改情况将纳入下一季度考核，逾期未整改的按细则扣分。`
	});
	out.push({ kind: 'signature', text: `${n.district}政务公开办公室` });
	out.push({ kind: 'signature', text: dateCn(n.asOf) });
	return out;
}
