import { describe, expect, it } from 'vitest';
import { safeRedirect } from './redirect';

describe('safeRedirect', () => {
	it('keeps same-origin paths with their query', () => {
		expect(safeRedirect('/organs/3?tab=history')).toBe('/organs/3?tab=history');
		expect(safeRedirect('/admin/users')).toBe('/admin/users');
		expect(safeRedirect('/?from=2021&to=2023')).toBe('/?from=2021&to=2023');
	});

	it('refuses other hosts however they are spelled', () => {
		const attacks = [
			'//evil.example/x',
			'/\t/evil.example/x', // /%09/ once passed: the browser drops the tab and lands on //evil.example
			'/\n/evil.example/x',
			'/\r/evil.example/x',
			'/\r\nSet-Cookie: x=1',
			'/\\evil.example',
			'/\\/evil.example',
			'\\\\evil.example',
			'https://evil.example/',
			'javascript:alert(1)',
			' /x',
			'/\u0000x',
			'/' + 'a'.repeat(5000)
		];
		for (const a of attacks) expect(safeRedirect(a), JSON.stringify(a)).toBe('/');
		expect(safeRedirect(null)).toBe('/');
		expect(safeRedirect('')).toBe('/');
	});

	it('never returns a value a browser would resolve to another origin', () => {
		for (const a of ['/%2f/evil.example', '/.//evil.example', '/..//evil.example', '/%5cevil.example']) {
			const r = safeRedirect(a);
			expect(new URL(r, 'https://app.example').origin, a).toBe('https://app.example');
			expect(r.startsWith('//'), a).toBe(false);
		}
	});
});
