// A linear well-formedness check of XML, run before mammoth reads a DOCX: mammoth's xmldom recovers from broken
// markup by re-inserting nodes, which is quadratic (a 12 KB DOCX with a mangled document.xml held the parser 20 s,
// found by fuzzing). Word never writes malformed XML, so such a part means a damaged or hostile file.

const NAME = /^[A-Za-z_:][\w:.-]*$/;
const ATTRS = /^(?:\s+[A-Za-z_:][\w:.-]*\s*=\s*(?:"[^"<]*"|'[^'<]*'))*\s*$/;

/** True when every element closes in order, tags and attributes are well formed, and there is one root. */
export function isWellFormedXml(xml: string): boolean {
	const stack: string[] = [];
	let roots = 0;
	let i = 0;
	const n = xml.length;
	while (i < n) {
		const lt = xml.indexOf('<', i);
		if (lt < 0) break;
		if (xml.startsWith('<?', lt)) {
			const end = xml.indexOf('?>', lt + 2);
			if (end < 0) return false;
			i = end + 2;
			continue;
		}
		if (xml.startsWith('<!--', lt)) {
			const end = xml.indexOf('-->', lt + 4);
			if (end < 0) return false;
			i = end + 3;
			continue;
		}
		if (xml.startsWith('<![CDATA[', lt)) {
			const end = xml.indexOf(']]>', lt + 9);
			if (end < 0 || !stack.length) return false;
			i = end + 3;
			continue;
		}
		if (xml.startsWith('<!', lt)) {
			const end = xml.indexOf('>', lt + 2);
			if (end < 0 || stack.length || roots) return false;
			i = end + 1;
			continue;
		}
		const gt = xml.indexOf('>', lt + 1);
		if (gt < 0) return false;
		const body = xml.slice(lt + 1, gt);
		if (body.startsWith('/')) {
			if (stack.pop() !== body.slice(1).trim()) return false;
		} else {
			const selfClosing = body.endsWith('/');
			const inner = selfClosing ? body.slice(0, -1) : body;
			const m = /^([^\s/>]+)([\s\S]*)$/.exec(inner);
			if (!m || !NAME.test(m[1]) || !ATTRS.test(m[2])) return false;
			if (!stack.length) {
				if (++roots > 1) return false;
			}
			if (!selfClosing) stack.push(m[1]);
		}
		i = gt + 1;
	}
	return stack.length === 0 && roots === 1;
}
