import adapter from '@sveltejs/adapter-node';
import { vitePreprocess } from '@sveltejs/vite-plugin-svelte';

/** @type {import('@sveltejs/kit').Config} */
const config = {
	preprocess: vitePreprocess(),
	kit: {
		adapter: adapter(),
		// Only the app's own scripts run: SvelteKit adds a nonce (rendered pages) or a hash (prerendered) for its own
		// inline bootstrap script; nothing else inline, no eval, no other origin.
		csp: {
			mode: 'auto',
			directives: {
				'default-src': ['self'],
				'script-src': ['self'],
				// 'unsafe-inline' for styles only, because the charts need it: the server-rendered SVG charts and
				// ECharts' SVG renderer write style attributes (fills, tooltip position), and app.html's wrapper div
				// has one. Inline CSS cannot run script; with it SvelteKit adds no style nonce (which would disable
				// 'unsafe-inline').
				'style-src': ['self', 'unsafe-inline'],
				'img-src': ['self', 'data:'],
				'font-src': ['self'],
				'connect-src': ['self'],
				'object-src': ['none'],
				'base-uri': ['self'],
				'form-action': ['self'],
				'frame-ancestors': ['none']
			}
		}
	}
};

export default config;
