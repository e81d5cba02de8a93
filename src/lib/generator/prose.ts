// The prose of sections 1, 5 and 6, assembled from phrases real reports use. Section 1 covers the five aspects the
// template asks for (主动公开, 依申请公开, 政府信息管理, 平台建设, 监督保障), section 5 names problems and measures,
// section 6 states the 信息处理费. No figure from the tables is quoted, so a damaged table never contradicts the text.
import type { Organ } from './organs';
import { selfReference } from './organs';
import type { Rng } from './prng';

const GUIDES = [
	'以习近平新时代中国特色社会主义思想为指导',
	'在区委、区政府的正确领导下',
	'在上级主管部门的指导下',
	'坚持以人民为中心的发展思想'
];

const PROACTIVE = [
	'严格落实“公开为常态、不公开为例外”原则，围绕重点领域及时公开政策文件、规划计划、财政预决算等信息，主动公开工作有序推进。',
	'坚持应公开尽公开，及时更新政府信息公开专栏，做好政策文件发布与解读工作，主动回应社会关切。',
	'加强主动公开内容建设，重点公开与群众切身利益密切相关的政策措施和办事服务信息，全年信息发布及时准确。'
];
const ON_REQUEST = [
	'畅通依申请公开渠道，规范受理、登记、审核、答复、归档等工作流程，依法保障申请人合法权益。',
	'严格按照《条例》规定的时限和程序办理依申请公开事项，加强与申请人的沟通，答复内容规范、依据充分。',
	'健全依申请公开工作机制，落实首问负责制，对疑难申请组织法律审查，确保答复合法合规。'
];
const MANAGEMENT = [
	'加强政府信息管理，严格执行公开前保密审查制度，动态更新政府信息公开目录和指南。',
	'落实政府信息公开属性源头认定机制，规范发文公开属性标注，定期清理和更新已公开信息。',
	'建立健全信息发布审核机制，坚持“先审查、后公开”和“一事一审”，确保信息安全准确。'
];
const PLATFORM = [
	'依托区政府门户网站信息公开平台开展公开工作，加强政务新媒体管理，拓宽信息发布渠道。',
	'持续优化政府信息公开专栏设置，规范栏目内容更新，提升平台的便民性和易用性。',
	'用好政府网站、政务新媒体和公开查阅点等平台，推动信息公开平台规范化建设。'
];
const OVERSIGHT = [
	'将政务公开工作纳入年度考核，定期开展业务培训和自查整改，落实责任追究制度，强化监督保障。',
	'明确分管领导和专职人员，加强业务培训，开展日常监督检查，监督保障措施落实到位。',
	'健全政务公开工作考核、社会评议和责任追究制度，定期通报工作情况，推动各项要求落地见效。'
];

const PROBLEMS = [
	'政策解读形式较为单一，图解、视频等多样化解读运用不足',
	'部分栏目信息更新不够及时，公开内容的深度和广度有待拓展',
	'工作人员业务能力有待提升，对《条例》的理解把握还不够精准',
	'依申请公开答复的规范化水平仍需进一步提高',
	'政务公开与政务服务融合不够，公众参与和互动回应有待加强'
];
const MEASURES = [
	'加强业务培训，组织工作人员深入学习《条例》及相关文件，提高依法公开能力',
	'丰富政策解读形式，推行图文、音视频等多种解读方式，增强解读的针对性和可读性',
	'完善信息发布审核机制，定期检查栏目更新情况，确保信息公开及时、准确、全面',
	'规范依申请公开办理流程，加强疑难案件会商和法律审核，提升答复质量',
	'加强政务新媒体和网站平台建设，畅通互动渠道，及时回应社会关切'
];

/** Ways real reports say no 信息处理费 was charged (issue 15: 未发生…收费事项, 无收取…情况, 没有收取, 不存在收费 …). */
export const FEE_PHRASES_NONE: ((me: string, year: number) => string)[] = [
	(me, year) => `${year}年，${me}未收取信息处理费。`,
	() => `本年度未向申请人收取信息处理费。`,
	(me) => `${me}本年度未收取任何信息处理费。`,
	(me) => `${me}本年度未发生政府信息公开收费事项。`,
	() => `本年度无收取信息处理费情况。`,
	(me) => `${me}没有收取政府信息公开信息处理费。`,
	() => `本年度不存在政府信息公开收费情况。`,
	() => `本年度办理的政府信息公开申请均未收费。`,
	(_, year) => `${year}年度信息处理费未收取。`,
	() => `本年度未产生信息处理费。`
];

export interface Prose {
	'1': string;
	'5': string;
	'6': string;
}

export function writeProse(organ: Organ, organName: string, year: number, feeYuan: number, rng: Rng): Prose {
	const me = selfReference(organ);
	const intro =
		`本报告根据《中华人民共和国政府信息公开条例》（以下简称《条例》）要求编制，本报告所列数据的统计期限自${year}年1月1日起至${year}年12月31日止。` +
		`本报告电子版可在区政府门户网站“政府信息公开”专栏查阅。如对本报告有疑问，请与${organName}联系。`;
	const lead = `${year}年，${me}${rng.pick(GUIDES)}，认真贯彻落实《条例》和上级关于政务公开工作的部署要求，扎实推进政府信息公开工作。`;
	const s1 = [
		intro,
		lead,
		`（一）主动公开情况。${rng.pick(PROACTIVE)}`,
		`（二）依申请公开情况。${rng.pick(ON_REQUEST)}`,
		`（三）政府信息管理情况。${rng.pick(MANAGEMENT)}`,
		`（四）政府信息公开平台建设情况。${rng.pick(PLATFORM)}`,
		// People's governments must report 工作考核、社会评议和责任追究 (条例第五十条第（四）项).
		`（五）监督保障情况。${organ.kind === 'government' || organ.kind === 'town' ? OVERSIGHT[2] : rng.pick(OVERSIGHT)}`
	].join('\n');
	const problems = rng.shuffle([...PROBLEMS]).slice(0, 2);
	const measures = rng.shuffle([...MEASURES]).slice(0, 3);
	const ordinals = ['一', '二', '三'];
	const s5 = [
		`${year}年，${me}政府信息公开工作取得了一定成效，但仍存在一些问题：一是${problems[0]}；二是${problems[1]}。`,
		`下一步，${me}将重点做好以下工作：${measures.map((m, i) => `${ordinals[i]}是${m}`).join('；')}。`
	].join('\n');
	// A zero fee is stated in one of the phrasings real reports use, now and then under 依申请公开 in section 1 or in
	// section 5 instead of section 6 (its own draw, so the rest of the prose stays as it was for a seed).
	const place = rng.fork('fee-place');
	const fee = feeYuan > 0 ? `${year}年，${me}共收取信息处理费${feeYuan}元。` : rng.pick(FEE_PHRASES_NONE)(me, year);
	const where = feeYuan > 0 ? '6' : place.pick(['6', '6', '6', '1', '5'] as const);
	const s6 = where !== '6' ? '无其他需要报告的事项。' : rng.chance(0.5) ? `${fee}\n无其他需要报告的事项。` : fee;
	const out = { '1': s1, '5': s5, '6': s6 };
	if (where !== '6') out[where] += `\n${where === '1' ? '依申请公开工作中，' : ''}${fee}`;
	return out;
}
