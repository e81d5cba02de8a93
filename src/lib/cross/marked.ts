// A text cut into runs for display, the shared passages (X6's spans) flagged, so a page can wrap them in <mark>.
import type { Span } from './types';

export function marked(text: string, spans: readonly Span[]): { text: string; shared: boolean }[] {
	const out: { text: string; shared: boolean }[] = [];
	let at = 0;
	for (const [s, e] of [...spans].sort((a, b) => a[0] - b[0])) {
		const start = Math.max(s, at);
		if (start >= e) continue;
		if (start > at) out.push({ text: text.slice(at, start), shared: false });
		out.push({ text: text.slice(start, e), shared: true });
		at = e;
	}
	if (at < text.length) out.push({ text: text.slice(at), shared: false });
	return out;
}
