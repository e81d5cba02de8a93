// Simplified → traditional at character level: what a Big5 or Hong Kong/Taiwan-style copy of a report looks like.
// Character mode (not phrase mode), so that the parser's traditional → simplified folding gets the labels back.
import { Converter } from 'opencc-js/cn2t';
import type { Script } from '../../report/model';

const cn2t = Converter({ from: 'cn', to: 't' });

export function toTraditional(text: string): string {
	return cn2t(text);
}

export function applyScript(text: string, script: Script | undefined): string {
	return script === 'traditional' ? toTraditional(text) : text;
}
