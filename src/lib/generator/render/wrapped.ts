// A page's HTML as crawlers keep it: inside a JavaScript string literal (a page that builds itself by script),
// or the markup saved as plain text. `name` is a script field beside the literal, as real pages carry.

export function htmlInJsString(html: string, name: string): string {
	const lit = JSON.stringify(html).replace(/<\//g, '<\\/');
	return `var pageData = {\n  name: ${JSON.stringify(name)},\n  id: 10086,\n  content: ${lit}\n};\ndocument.write(pageData.content);\n`;
}

/** The markup without its document head, as a crawler saving the body's HTML to a .txt file leaves it. */
export function htmlBodyAsText(html: string): string {
	const m = /<body[^>]*>([\s\S]*)<\/body>/i.exec(html);
	return m ? m[1] : html;
}
