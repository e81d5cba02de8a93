// Bytes → text: sniff the container format, pick the character encoding, tell the script.
// Pure: no I/O. The decoded text is kept as it is for display; matching uses normalizeText on top.
import chardet from 'chardet';
import { toSimplified } from './normalize';
import type { Format, Script } from './model';

export const MAX_BYTES = 20 * 1024 * 1024;

export function sniffFormat(bytes: Uint8Array, fileName: string): Format | 'png' | 'jpeg' | 'gif' | 'zip' | 'unknown' {
	const b = bytes;
	if (b[0] === 0x25 && b[1] === 0x50 && b[2] === 0x44 && b[3] === 0x46) return 'pdf'; // %PDF
	if (b[0] === 0x89 && b[1] === 0x50 && b[2] === 0x4e && b[3] === 0x47) return 'png';
	if (b[0] === 0xff && b[1] === 0xd8 && b[2] === 0xff) return 'jpeg';
	if (b[0] === 0x47 && b[1] === 0x49 && b[2] === 0x46) return 'gif';
	if (b[0] === 0x50 && b[1] === 0x4b && b[2] === 0x03 && b[3] === 0x04) {
		// A DOCX is a zip holding word/document.xml; the name appears uncompressed in the local headers.
		const head = latin1(b.subarray(0, Math.min(b.length, 64 * 1024)));
		return head.includes('word/') || /\.docx$/i.test(fileName) ? 'docx' : 'zip';
	}
	// Text: look at the first few KB for markup (after an optional BOM and whitespace).
	const head = latin1(b.subarray(0, Math.min(b.length, 4096)))
		.replace(/^\xef\xbb\xbf/, '')
		.toLowerCase();
	if (/<!doctype html|<html[\s>]|<body[\s>]|<table[\s>]|<meta[^>]+charset/.test(head)) return 'html';
	if (/\.(html?|xhtml)$/i.test(fileName) && /<[a-z]/.test(head)) return 'html';
	return /\.(txt|md|text|csv|tsv)$/i.test(fileName) || looksLikeText(b) ? 'txt' : 'unknown';
}

// One code unit per byte: the bytes widened to 16 bits and read as UTF-16 (code units below 0x100 are never
// surrogates, so nothing is replaced). Not TextDecoder('latin1'): that label is windows-1252.
const utf16 = new TextDecoder('utf-16le');

function latin1(b: Uint8Array): string {
	return utf16.decode(new Uint16Array(b));
}

/** No NULs and few C0 controls in the first 64 KB: text in some byte encoding, or UTF-16 with a BOM. */
function looksLikeText(b: Uint8Array): boolean {
	if ((b[0] === 0xff && b[1] === 0xfe) || (b[0] === 0xfe && b[1] === 0xff)) return true;
	const n = Math.min(b.length, 65536);
	let bad = 0;
	for (let i = 0; i < n; i++) {
		const c = b[i];
		if (c === 0) return false;
		if (c < 0x20 && c !== 9 && c !== 10 && c !== 13 && c !== 12) bad++;
	}
	return bad <= n / 200;
}

// Characters common in these reports and in Chinese prose; a wrong decoding of GB bytes as Big5 (or back) gives
// rare characters instead, so the share of these tells the two apart.
const COMMON =
	'的一是不了在人有我他这个们中来上大为和国地到以说时要就出会可也你对生能而子那得于着下自之年过发后作里用道行所然家种事成方多经么去法学如都同现当没动面起看定天分还进好小部其些主样理心她本前开但因只从想实日军者意无力它与长把机十民第公此已工使情明性知全三又关点正业外将两高间由问很最重并物手应战向头文体政美相见被利什二等产或新己制身果加西斯月话合回特代内信表化老给世位次度门任常先海通教儿原东声提立及比员解水名真论处走义各入几口认条平系气题活尔更别打女变四神总何电数安少报才结反受目太量再感建务做接必场件计管期市直德资命山金指克许统区保至队形社便空决治展马科司五基眼书非则听白却界达光放强即像难且权思王象完设式色路记南品住告类求据程北边死张该交规万取拉格望觉术领共确传师观清今切院让识候带导争运笑飞风步改收根干造言联持组每济车亲极林服快办议往元英士证近失转夫令准布始怎呢存未远叫台单影具罗字爱击流备兵连调深商算质团集百需价花党华城石级整府离况亚请技际约示复病息究线似官火断精满支视消越器容照须九增研写称企八功吗包片史委乎查轻易早曾除农找装广显吧阿李标谈吃图念六引历首医局突专费号尽另周较注语仅考落青随选列武红响虽推势参希古众构房半节土投某案黑维革划敌致陈律足态护七兴派孩验责营星够章音跟志底站严巴例防族供效续施留讲型料终答紧黄绝奇察母京段依批群项故按河米围江织害斗双境客纪采举杀攻父苏密低朝友诉止细愿千值仍男钱破网热助倒育属坐帝限船脸职速刻乐否刚威毛状率甚独球般普怕弹校苦创假久错承印晚兰试股拿脑预谁益阳若哪微尼继送急血惊伤素药适波夜省初喜卫源食险待述陆习置居劳财环排福纳欢雷警获模充负云停木游龙树疑层冷洲冲射略范竟句室异激汉村哈策演简卡罪判担州静退既衣您宗积余痛检差富灵协角占配征修皮挥胜降阶审沉坚善妈刘读啊超免压银买皇养伊怀执副乱抗犯追帮宣佛岁航优怪香著田铁控税左右份穿艺背阵草脚概恶块顿敢守酒岛托央户烈洋哥索胡款靠评版宝座释景顾弟登货互付伯慢欧换闻危忙核暗姐介坏讨丽良序升监临亮露永呼味野架域沙掉括舰鱼杂误湾吉减编楚肯测败屋跑梦散温困剑渐封救贵枪缺楼县尚毫移娘朋画班智亦耳恩短掌恐遗固席松秘谢鲁遇康虑幸均销钟诗藏赶剧票损忽巨炮旧端探湖录叶春乡附吸予礼港雨呀板庭妇归睛饭额含顺输摇招婚脱补谓督毒油疗旅泽材灭逐莫笔亡鲜词圣择寻厂睡博勒烟授诺伦岸奥唐卖俄炸载洛健堂旁宫喝借君禁阴园谋宋避抓荣姑孙逃牙束跳顶玉镇雪午练迫爷篇肉嘴馆遍凡础洞卷坦牛宁纸诸训私庄祖丝翻暴森塔默握戏隐熟骨访弱蒙歌店鬼软典欲萨伙遭盘爸扩盖弄雄稳忘亿刺拥徒姆杨齐赛趣曲刀床迎冰虚玩析窗醒妻透购替塞努休虎扬途侵刑绿兄迅套贸毕唯谷轮库迹尤竞街促延震弃甲伟麻川申缓潜闪售灯针哲络抵朱埃抱鼓植纯夏忍页杰筑折郑贝尊吴秀混臣雅振染盛怒舞圆搞狂措姓残秋培迷诚宽宇猛摆梅毁伸摩盟末乃悲拍丁赵硬麦蒋操耶阻订彩抽赞魔纷沿喊违妹浪汇币丰蓝殊献桌啦瓦莱援译夺汽烧距裁偏符勇触课敬哭懂墙袭召罚侠厅拜巧侧韩冒债曼融惯享戴童犹乘挂奖绍厚纵障讯涉彻刊丈爆乌役描洗玛患妙镜唱烦签仙彼弗症仿倾牌陷鸟轰咱菜闭奋庆撤泪茶疾缘播朗杜奶季丹狗尾仪偷奔珠虫驻孔宜艾桥淡翼恨繁寒伴叹旦愈潮粮缩罢聚径恰挑袋灰捕徐珍幕映裂泰隔启尖忠累炎暂估泛荒偿横拒瑞忆孤鼻闹羊呆厉衡胞零穷舍码赫婆魂灾洪腿胆津俗辩胸晓劲贫仁偶辑邦恢赖圈摸仰润堆碰艇稍迟辆废净凶署壁御奉旋冬矿抬蛋晨伏吹鸡倍糊秦盾杯租骑乏隆诊奴摄丧污渡旗甘耐凭扎抢绪粗肩梁幻菲皆碎宙叔岩荡综爬荷悉蒂返井壮薄悄扫敏碍殖详迪矛霍允幅撒剩凯颗骂赏液番箱贴漫酸郎腰舒眉忧浮辛恋餐吓挺励辞艘键伍峰尺昨黎辈贯侦滑券崇扰宪绕趋慈乔阅汗枝拖墨胁插箭腊粉泥氏彭拔骗凤慧媒佩愤扑龄驱惜豪掩兼跃尸肃帕驶堡届欣惠册储飘桑闲惨洁踪勃宾频仇磨递邪撞拟滚奏巡颜剂绩贡疯坡瞧截燃焦殿伪柳锁逼颇昏劝呈搜勤戒驾漂饮曹朵仔柔俩孟腐幼践籍牧凉牲佳娜浓芳稿竹腹跌逻垂遵脉貌柏狱猜怜惑陶兽帐饰贷昌叙躺钢沟寄扶铺邓寿惧询汤盗肥尝匆辉奈扣廷澳嘛董迁凝慰厌脏腾幽怨鞋丢埋泉涌辖躲晋紫艰魏吾慌祝邮吐狠鉴曰械咬邻赤挤弯椅陪割揭韦悟聪雾锋梯猫祥阔誉筹丛牵鸣沈阁穆屈旨袖猎臂蛇贺柱抛鼠瑟戈牢逊迈欺吨琴衰瓶恼燕仲诱狼池疼卢仗冠粒遥吕玄尘冯抚浅敦纠钻晶岂峡苍喷耗凌敲菌赔涂粹扁亏寂煤熊恭湿循暖糖赋抑秩帽哀宿踏烂袁侯抖夹昆肝擦猪炼恒慎搬纽纹玻渔磁铜齿跨押怖漠疲叛遣兹祭醉拳弥斜档稀捷肤疫肿豆削岗晃吞宏癌肚隶履涨耀扭坛拨沃绘伐堪仆郭牺歼墓雇廉契拼惩捉覆刷劫嫌瓜歇雕闷乳串娃缴唤赢莲霸桃妥瘦搭赴岳嘉舱俊址庞耕锐缝悔邀玲惟斥宅添挖呵讼氧浩羽斤酷掠妖祸侍乙妨贪挣汪尿莉悬唇翰仓轨枚盐览傅帅庙芬屏寺胖璃愚滴疏萧姿颤丑劣柯寸扔盯辱匹俱辨饿蜂哦腔郁溃谨糟葛苗肠忌溜鸿爵鹏鹰笼丘桂滋聊挡纲肌茨壳痕碗穴膀卓贤卧膜毅锦欠哩函茫昂薛皱夸豫胃舌剥傲拾窝睁携陵哼棉晴铃填饲渴吻扮逆脆喘罩卜炉柴愉绳胎蓄眠竭喂傻慕浑奸扇柜悦拦诞饱乾泡贼亭夕爹酬儒姻卵氛泄杆挨僧蜜吟猩遂狭肖甜霜揽弃';
// The common characters as a table over U+4E00–U+9FFF (all of COMMON lies there: checked when built).
const COMMON_TABLE = (() => {
	const t = new Uint8Array(0x9fff - 0x4e00 + 1);
	for (const ch of COMMON) {
		const c = ch.charCodeAt(0);
		if (c < 0x4e00 || c > 0x9fff) throw new Error(`COMMON holds ${ch} outside U+4E00–U+9FFF`);
		t[c - 0x4e00] = 1;
	}
	return t;
})();

function commonShare(s: string): number {
	let cjk = 0;
	let common = 0;
	// Big5 text is traditional: compare in simplified script.
	const t = toSimplified(s.slice(0, 4000));
	for (let i = 0; i < t.length; i++) {
		const c = t.charCodeAt(i);
		if (c >= 0x4e00 && c <= 0x9fff) {
			cjk++;
			common += COMMON_TABLE[c - 0x4e00];
		} else if (c === 0xfffd) cjk += 2;
	}
	return cjk === 0 ? 0 : common / cjk;
}

// One fatal decoder per label, reused: opening the ICU converter of a GB18030 or Big5 decoder cost about as
// much as decoding a report. decode() without { stream } starts afresh each call, also after an error.
const fatalDecoders = new Map<string, TextDecoder>();

// Node's UTF-8 validator, reached without importing a Node module (as parse.ts reaches its hash): a GB18030 or
// Big5 file then fails the UTF-8 test without the decoder's exception. Elsewhere the fatal decoder decides.
const isUtf8 = (
	(globalThis as { process?: { getBuiltinModule?: (id: string) => unknown } }).process?.getBuiltinModule?.(
		'node:buffer'
	) as { isUtf8?: (b: Uint8Array) => boolean } | undefined
)?.isUtf8;

function tryDecode(label: string, bytes: Uint8Array): string | null {
	if (label === 'utf-8' && isUtf8 && !isUtf8(bytes)) return null;
	let d = fatalDecoders.get(label);
	if (!d) fatalDecoders.set(label, (d = new TextDecoder(label, { fatal: true })));
	try {
		return d.decode(bytes);
	} catch {
		return null;
	}
}

/** The `<meta charset>` an HTML page declares, mapped to a safe decoder label. */
function declaredCharset(bytes: Uint8Array): string | null {
	const head = latin1(bytes.subarray(0, Math.min(bytes.length, 4096))).toLowerCase();
	const m = /<meta[^>]+charset\s*=\s*["']?\s*([a-z0-9_-]+)/.exec(head);
	return m ? safeLabel(m[1]) : null;
}

/** Never the 'gbk' label: Node's gbk decoder loses the 4-byte sequences GB18030 has. */
function safeLabel(label: string): string | null {
	const l = label.toLowerCase();
	if (/^(gbk|gb2312|gb_2312|gb18030|x-gbk|cp936|euc-cn)/.test(l)) return 'gb18030';
	if (/^(big5|big5-hkscs|cp950|x-big5)/.test(l)) return 'big5';
	if (/^utf-?8$/.test(l)) return 'utf-8';
	if (/^utf-?16(le)?$/.test(l)) return 'utf-16le';
	if (/^utf-?16be$/.test(l)) return 'utf-16be';
	return null;
}

export interface Decoded {
	text: string;
	encoding: string;
}

/** Bytes of a text or HTML file → text: BOM, strict UTF-8, the declared charset, then GB18030 vs Big5. */
export function decodeText(bytes: Uint8Array, isHtml = false): Decoded {
	if (bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf)
		return { text: new TextDecoder('utf-8').decode(bytes.subarray(3)), encoding: 'utf-8' };
	if (bytes[0] === 0xff && bytes[1] === 0xfe)
		return { text: new TextDecoder('utf-16le').decode(bytes.subarray(2)), encoding: 'utf-16le' };
	if (bytes[0] === 0xfe && bytes[1] === 0xff)
		return { text: new TextDecoder('utf-16be').decode(bytes.subarray(2)), encoding: 'utf-16be' };
	const utf8 = tryDecode('utf-8', bytes);
	if (utf8 !== null) return { text: utf8, encoding: 'utf-8' };
	if (isHtml) {
		const declared = declaredCharset(bytes);
		if (declared && declared !== 'utf-8') {
			const t = tryDecode(declared, bytes);
			if (t !== null) return { text: t, encoding: declared };
		}
	}
	// Both GB18030 and Big5 accept most byte strings; judge by how Chinese the result reads.
	const gb = tryDecode('gb18030', bytes);
	const big5 = tryDecode('big5', bytes);
	if (gb !== null && big5 === null) return { text: gb, encoding: 'gb18030' };
	if (big5 !== null && gb === null) return { text: big5, encoding: 'big5' };
	if (gb !== null && big5 !== null) {
		const sg = commonShare(gb);
		const sb = commonShare(big5);
		if (sg !== sb) return sg > sb ? { text: gb, encoding: 'gb18030' } : { text: big5, encoding: 'big5' };
	}
	// Damaged bytes: let chardet choose among the safe labels, decode leniently.
	const guess = safeLabel(chardet.detect(bytes) ?? '') ?? 'gb18030';
	const lenient = new TextDecoder(guess === 'utf-8' ? 'gb18030' : guess).decode(bytes);
	const utf8Lenient = new TextDecoder('utf-8').decode(bytes);
	// Mostly-UTF-8 text with a few broken bytes reads better as UTF-8.
	const bad = (s: string) => (s.match(/\ufffd/g)?.length ?? 0) / Math.max(1, s.length);
	if (bad(utf8Lenient) < 0.01 && bad(utf8Lenient) <= bad(lenient)) return { text: utf8Lenient, encoding: 'utf-8' };
	return { text: lenient, encoding: guess === 'utf-8' ? 'gb18030' : guess };
}

/** Traditional when a fair share of the CJK characters change under t→s conversion. */
export function detectScript(text: string): Script {
	const sample = text.slice(0, 4000);
	const simplified = toSimplified(sample);
	// toSimplified hands back the very string when nothing changes: no character changed, simplified.
	if (simplified === sample) return 'simplified';
	let cjk = 0;
	let changed = 0;
	for (let i = 0; i < sample.length && i < simplified.length; i++) {
		const c = sample.charCodeAt(i);
		if (c >= 0x4e00 && c <= 0x9fff) {
			cjk++;
			if (c !== simplified.charCodeAt(i)) changed++;
		}
	}
	return cjk > 0 && changed / cjk > 0.03 ? 'traditional' : 'simplified';
}

/** Share of characters that are neither readable text nor whitespace: a measure of binary junk. */
export function junkShare(text: string): number {
	const n = Math.min(text.length, 20000);
	if (n === 0) return 1;
	let junk = 0;
	// U+FFFD, C0 controls but tab and line ends, DEL and C1 controls, private use: the regex engine scans a
	// character class faster than a loop of charCodeAt.
	// eslint-disable-next-line no-control-regex -- control characters are what is counted
	const re = /[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f\ue000-\uf8ff\ufffd]/g;
	const sample = n < text.length ? text.slice(0, n) : text;
	while (re.exec(sample) !== null) junk++;
	return junk / n;
}
