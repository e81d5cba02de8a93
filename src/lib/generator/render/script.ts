// Simplified → traditional at character level: what a Big5 or Hong Kong/Taiwan-style copy of a report looks like.
// Character mode (not phrase mode), so that the parser's traditional → simplified folding gets the labels back.
import { Converter } from 'opencc-js/cn2t';
import type { Script } from '../../report/model';

const cn2t = Converter({ from: 'cn', to: 't' });

// OpenCC's standard forms include a few variants that Big5 lacks (or has only in HKSCS, which WHATWG decoders
// map to private-use code points); use the forms Taiwan and Hong Kong print.
const BIG5_FORMS: Record<string, string> = {
	爲: '為',
	僞: '偽',
	綫: '線',
	衆: '眾',
	裏: '裡',
	啓: '啟',
	户: '戶',
	敎: '教',
	眞: '真',
	羣: '群',
	衞: '衛',
	峯: '峰',
	麪: '麵',
	牀: '床',
	鷄: '雞'
};
const BIG5_RE = new RegExp(`[${Object.keys(BIG5_FORMS).join('')}]`, 'g');

export function toTraditional(text: string): string {
	return cn2t(text).replace(BIG5_RE, (c) => BIG5_FORMS[c]);
}

export function applyScript(text: string, script: Script | undefined): string {
	return script === 'traditional' ? toTraditional(text) : text;
}
