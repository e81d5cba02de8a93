// The organ and the column a listing page belongs to, from its breadcrumb (当前位置：首页 > 信息公开 > 区教育局 >
// 通知公告) or, failing that, its <title> (通知公告_区教育局_某某区人民政府). null when the page does not say.
import type { AnyNode } from 'domhandler';
import { attr, elements, text } from './dom';

const CRUMB_NAME = /crumb|position|location|dqwz|weizhi|wz|curpos|current|path|daohang/i;
const CRUMB_LEAD = /^(?:当前位置|您现在的位置|您的位置|你的位置|所在位置|位置)\s*[:：]?\s*/;
const SEPARATORS = /\s*(?:>>|>|›|»|→|＞|\/|\\|-{1,2}>)\s*/;
const ORGAN = /(?:人民政府|政府|办公室|办事处|委员会|局|委|办|街道|镇|乡|中心|院|署|厅|所|队|会)$/;
const GENERIC =
	/^(?:首页|网站首页|主页|信息公开|政府信息公开|政务公开|信息公开目录|公开目录|部门信息公开|部门|乡镇街道|镇街|当前位置)$/;

export function pageMeta(root: AnyNode | AnyNode[]): { organ: string | null; channel: string | null } {
	const crumbs = breadcrumb(root);
	if (crumbs && crumbs.length >= 2) {
		const channel = crumbs[crumbs.length - 1];
		const organ = [...crumbs.slice(0, -1)].reverse().find((c) => ORGAN.test(c) && !GENERIC.test(c)) ?? null;
		return { organ, channel: GENERIC.test(channel) ? null : channel };
	}
	const title = elements(root, 'title')[0];
	if (title) {
		const parts = text(title)
			.split(/\s*[_|｜–—-]\s*/)
			.map((p) => p.trim())
			.filter(Boolean);
		if (parts.length >= 2) {
			const organ = parts.slice(1).find((p) => ORGAN.test(p) && !GENERIC.test(p)) ?? null;
			return { organ, channel: GENERIC.test(parts[0]) || ORGAN.test(parts[0]) ? null : parts[0] };
		}
	}
	return { organ: null, channel: null };
}

function breadcrumb(root: AnyNode | AnyNode[]): string[] | null {
	const named = elements(
		root,
		(e) =>
			['div', 'p', 'nav', 'span', 'ol', 'ul', 'td'].includes(e.name) &&
			(CRUMB_NAME.test(attr(e, 'class')) || CRUMB_NAME.test(attr(e, 'id')))
	);
	const led = elements(
		root,
		(e) => ['div', 'p', 'span', 'td'].includes(e.name) && CRUMB_LEAD.test(text(e)) && text(e).length < 120
	);
	for (const e of [...named, ...led]) {
		const t = text(e).replace(CRUMB_LEAD, '');
		if (t.length > 120) continue;
		const parts = t
			.split(SEPARATORS)
			.map((p) => p.trim())
			.filter(Boolean);
		if (parts.length >= 2) return parts;
	}
	return null;
}
