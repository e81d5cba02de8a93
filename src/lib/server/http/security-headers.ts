// Headers every response carries. The page CSP itself comes from SvelteKit (`kit.csp` in svelte.config.js, with
// nonces for its own inline scripts); responses SvelteKit does not render as a page (endpoints, downloads, redirects)
// get a policy that allows nothing, so a JSON or CSV body can never run as a document from our origin.
const FALLBACK_CSP = "default-src 'none'; frame-ancestors 'none'; base-uri 'none'; form-action 'none'";

export const SECURITY_HEADERS: Record<string, string> = {
	'x-content-type-options': 'nosniff',
	'referrer-policy': 'strict-origin-when-cross-origin',
	'x-frame-options': 'DENY',
	'cross-origin-opener-policy': 'same-origin',
	'permissions-policy': 'camera=(), microphone=(), geolocation=(), payment=()'
};

export function withSecurityHeaders(response: Response): Response {
	let r = response;
	try {
		for (const [k, v] of Object.entries(SECURITY_HEADERS)) if (!r.headers.has(k)) r.headers.set(k, v);
	} catch {
		// Immutable headers (a response passed through from fetch): copy it into one we may change.
		r = new Response(response.body, response);
		for (const [k, v] of Object.entries(SECURITY_HEADERS)) if (!r.headers.has(k)) r.headers.set(k, v);
	}
	if (!r.headers.has('content-security-policy')) r.headers.set('content-security-policy', FALLBACK_CSP);
	return r;
}
