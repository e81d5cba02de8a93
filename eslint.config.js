// The usual Svelte setup (as `sv create` writes it): recommended JS, TypeScript and Svelte rules, with formatting
// left to prettier.
import js from '@eslint/js';
import prettier from 'eslint-config-prettier';
import svelte from 'eslint-plugin-svelte';
import { defineConfig } from 'eslint/config';
import globals from 'globals';
import ts from 'typescript-eslint';
import svelteConfig from './svelte.config.js';

export default defineConfig(
	{
		ignores: [
			'node_modules/',
			'build/',
			'.svelte-kit/',
			'data/',
			'test-results/',
			'tests/bench/out/',
			'drizzle/',
			'tests/fixtures/real/'
		]
	},
	js.configs.recommended,
	...ts.configs.recommended,
	...svelte.configs.recommended,
	prettier,
	...svelte.configs.prettier,
	{
		languageOptions: { globals: { ...globals.browser, ...globals.node } },
		// TypeScript checks undefined names itself (svelte-check runs in npm test).
		rules: {
			'no-undef': 'off',
			// The app is served at the root (no `paths.base`): plain hrefs are the resolved ones.
			'svelte/no-navigation-without-resolve': 'off',
			// A leading underscore marks a value left unused on purpose (a skipped tuple slot, a dropped key).
			'@typescript-eslint/no-unused-vars': [
				'error',
				{
					argsIgnorePattern: '^_',
					varsIgnorePattern: '^_',
					destructuredArrayIgnorePattern: '^_',
					ignoreRestSiblings: true
				}
			]
		}
	},
	{
		files: ['**/*.svelte', '**/*.svelte.ts', '**/*.svelte.js'],
		languageOptions: {
			parserOptions: { projectService: true, extraFileExtensions: ['.svelte'], parser: ts.parser, svelteConfig }
		}
	}
);
