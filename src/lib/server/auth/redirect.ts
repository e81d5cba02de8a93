// Where to go after login: only a path on this site. An open redirect after login would hand the session to a
// phishing page.
const BASE = 'http://same-origin.invalid';

/** The target as a same-origin path, or '/'. */
export function safeRedirect(target: string | null | undefined): string {
	if (!target || target.length > 2048) return '/';
	// Browsers drop tab, CR and LF inside URLs ("/\t/evil.example" becomes "//evil.example") and read "\" as "/";
	// control characters in a Location header are also a 500. None belongs in a path we link to: refuse them all.
	// eslint-disable-next-line no-control-regex -- control characters are what this line refuses
	if (/[\u0000-\u001f\u007f\\]/.test(target)) return '/';
	if (!target.startsWith('/') || target.startsWith('//')) return '/';
	let url: URL;
	try {
		url = new URL(target, BASE);
	} catch {
		return '/';
	}
	// "/.//evil.example" normalises to the path "//evil.example", which a browser reads as another host.
	if (url.origin !== BASE || url.pathname.startsWith('//')) return '/';
	return url.pathname + url.search + url.hash;
}
