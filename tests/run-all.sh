#!/usr/bin/env bash
# npm test: every test, unit and browser. Prints one closing line "tests: N passed, M failed".
set -uo pipefail
cd "$(dirname "$0")/.."

if [ ! -x /usr/bin/chromium ]; then
	if [ "$(id -u)" = "0" ]; then
		echo "installing Debian's chromium and fonts-noto-cjk for the browser tests…"
		(apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium fonts-noto-cjk) >/dev/null || {
			echo "apt-get install chromium fonts-noto-cjk failed"; exit 1; }
	else
		echo "The browser tests need Debian's Chromium. Run:"
		echo "  sudo apt-get update && sudo apt-get install -y chromium fonts-noto-cjk"
		exit 1
	fi
fi

mkdir -p test-results
# Types first: a type error is a failure even where no test reaches the line.
npx svelte-kit sync >/dev/null && npx svelte-check --tsconfig ./tsconfig.json --threshold error --output human | tail -3
check=${PIPESTATUS[0]}
# Formatting and lint (prettier --check, eslint): npm run format fixes the first.
npx prettier --check . >test-results/prettier.txt 2>&1
prettier=$?
[ $prettier -eq 0 ] || tail -20 test-results/prettier.txt
npx eslint . | tail -40
lint=${PIPESTATUS[0]}
npx vitest run --reporter=default --reporter=json --outputFile.json=test-results/unit.json
unit=$?
npx vitest run --config tests/e2e/vitest.config.ts --reporter=default --reporter=json --outputFile.json=test-results/e2e.json
e2e=$?
node tests/summary.mjs test-results/unit.json test-results/e2e.json
[ $check -eq 0 ] || echo "svelte-check found type errors"
[ $prettier -eq 0 ] || echo "prettier: files not formatted (npm run format writes them)"
[ $lint -eq 0 ] || echo "eslint found problems"
if [ $check -ne 0 ] || [ $prettier -ne 0 ] || [ $lint -ne 0 ] || [ $unit -ne 0 ] || [ $e2e -ne 0 ]; then exit 1; fi
