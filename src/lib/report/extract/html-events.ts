// htmlparser2's element events (HTML mode) straight from its Tokenizer: the open-element rules of its Parser
// (implied closes, void elements, foreign content, stray </p> and </br>, closing what is open at the end), without
// the attribute objects and callback indirection the report reader never uses. Event order and arguments are the
// Parser's, so the reading equals the DOM oracle's (tests/oracles/html-dom.ts), which cheerio builds from the Parser.
import { Tokenizer } from 'htmlparser2';

/** What the reader hears: the Parser's onopentag / ontext / onclosetag, and anything else as `other`. */
export interface HtmlEvents {
	open(name: string): void;
	text(data: string): void;
	close(name: string): void;
	/** A comment, CDATA section, declaration or processing instruction. */
	other(): void;
}

const formTags = new Set(['input', 'option', 'optgroup', 'select', 'button', 'datalist', 'textarea']);
const pTag = new Set(['p']);
const tableSectionTags = new Set(['thead', 'tbody']);
const ddtTags = new Set(['dd', 'dt']);
const rtpTags = new Set(['rt', 'rp']);
const openImpliesClose = new Map<string, Set<string>>([
	['tr', new Set(['tr', 'th', 'td'])],
	['th', new Set(['th'])],
	['td', new Set(['thead', 'th', 'td'])],
	['body', new Set(['head', 'link', 'script'])],
	['li', new Set(['li'])],
	['p', pTag],
	['h1', pTag],
	['h2', pTag],
	['h3', pTag],
	['h4', pTag],
	['h5', pTag],
	['h6', pTag],
	['select', formTags],
	['input', formTags],
	['output', formTags],
	['button', formTags],
	['datalist', formTags],
	['textarea', formTags],
	['option', new Set(['option'])],
	['optgroup', new Set(['optgroup', 'option'])],
	['dd', ddtTags],
	['dt', ddtTags],
	['address', pTag],
	['article', pTag],
	['aside', pTag],
	['blockquote', pTag],
	['details', pTag],
	['div', pTag],
	['dl', pTag],
	['fieldset', pTag],
	['figcaption', pTag],
	['figure', pTag],
	['footer', pTag],
	['form', pTag],
	['header', pTag],
	['hr', pTag],
	['main', pTag],
	['nav', pTag],
	['ol', pTag],
	['pre', pTag],
	['section', pTag],
	['table', pTag],
	['ul', pTag],
	['rt', rtpTags],
	['rp', rtpTags],
	['tbody', tableSectionTags],
	['tfoot', tableSectionTags]
]);
const voidElements = new Set([
	'area',
	'base',
	'basefont',
	'br',
	'col',
	'command',
	'embed',
	'frame',
	'hr',
	'img',
	'input',
	'isindex',
	'keygen',
	'link',
	'meta',
	'param',
	'source',
	'track',
	'wbr'
]);
const foreignContextElements = new Set(['math', 'svg']);
const htmlIntegrationElements = new Set([
	'mi',
	'mo',
	'mn',
	'ms',
	'mtext',
	'annotation-xml',
	'foreignobject',
	'desc',
	'title'
]);

/** A node of the tag-name trie: children by lower-case ASCII code, and the name that ends here. */
interface NameNode {
	next: (NameNode | undefined)[];
	name?: string;
}

// The names a report page is made of, as the very strings the sets above hold: a tag's name is read by walking
// its characters here instead of slicing and lower-casing a fresh string, which every set lookup then hashed.
const KNOWN_NAMES = [
	...openImpliesClose.keys(),
	...[...openImpliesClose.values()].flatMap((set) => [...set]),
	...voidElements,
	...foreignContextElements,
	...htmlIntegrationElements,
	...['html', 'head', 'title', 'table', 'thead', 'tbody', 'tfoot', 'tr', 'td', 'th', 'span', 'font', 'b', 'i', 'u'],
	...['a', 'strong', 'em', 'small', 'sup', 'sub', 'o:p', 'center', 'caption', 'style', 'script', 'noscript']
];
const NAMES: NameNode = { next: [] };
for (const name of KNOWN_NAMES) {
	let node = NAMES;
	for (let i = 0; i < name.length; i++) node = node.next[name.charCodeAt(i)] ??= { next: [] };
	node.name = name;
}

/** The tag name from `start` to `end`, lower-cased; a known name without a new string. */
function tagName(html: string, start: number, end: number): string {
	let node: NameNode | undefined = NAMES;
	for (let i = start; i < end && node; i++) {
		let c = html.charCodeAt(i);
		if (c >= 0x41 && c <= 0x5a) c += 0x20;
		node = c < 0x80 ? node.next[c] : undefined;
	}
	return node?.name ?? html.slice(start, end).toLowerCase();
}

/** Reads `html` whole, calling `on` as htmlparser2's Parser (xmlMode false, decodeEntities true) would. */
export function readHtmlEvents(html: string, on: HtmlEvents): void {
	// Open elements, innermost last (the Parser keeps them innermost first).
	const stack: string[] = [];
	// Whether self-closing syntax closes (inside svg/math), innermost last.
	const foreign: boolean[] = [false];
	let tagname = '';
	// An open tag has begun and its onopentag is still due (the Parser's `attribs`).
	let opening = false;

	const emitOpenTag = (name: string) => {
		tagname = name;
		const implied = openImpliesClose.get(name);
		if (implied) while (stack.length > 0 && implied.has(stack[stack.length - 1])) on.close(stack.pop()!);
		if (!voidElements.has(name)) {
			stack.push(name);
			if (foreignContextElements.has(name)) foreign.push(true);
			else if (htmlIntegrationElements.has(name)) foreign.push(false);
		}
		opening = true;
	};
	const endOpenTag = () => {
		if (opening) {
			on.open(tagname);
			opening = false;
		}
		if (voidElements.has(tagname)) on.close(tagname);
		tagname = '';
	};
	const closeCurrentTag = () => {
		const name = tagname;
		endOpenTag();
		if (stack.length > 0 && stack[stack.length - 1] === name) on.close(stack.pop()!);
	};

	const tokenizer = new Tokenizer(
		{ xmlMode: false, decodeEntities: true },
		{
			ontext(start, end) {
				on.text(html.slice(start, end));
			},
			ontextentity(cp) {
				on.text(String.fromCodePoint(cp));
			},
			onopentagname(start, end) {
				emitOpenTag(tagName(html, start, end));
			},
			onopentagend() {
				endOpenTag();
			},
			onclosetag(start, end) {
				const name = tagName(html, start, end);
				if (foreignContextElements.has(name) || htmlIntegrationElements.has(name)) foreign.pop();
				if (!voidElements.has(name)) {
					const at = stack.lastIndexOf(name);
					if (at !== -1) while (stack.length > at) on.close(stack.pop()!);
					else if (name === 'p') {
						emitOpenTag('p');
						closeCurrentTag();
					}
				} else if (name === 'br') {
					on.open('br');
					on.close('br');
				}
			},
			onselfclosingtag() {
				if (foreign[foreign.length - 1]) closeCurrentTag();
				else endOpenTag();
			},
			onattribname() {},
			onattribdata() {},
			onattribentity() {},
			onattribend() {},
			ondeclaration() {
				on.other();
			},
			onprocessinginstruction() {
				on.other();
			},
			oncomment() {
				on.other();
			},
			oncdata() {
				on.other();
			},
			onend() {
				for (let i = stack.length - 1; i >= 0; i--) on.close(stack[i]);
			}
		}
	);
	if (html) tokenizer.write(html);
	tokenizer.end();
}
