// A district's upload for the load tests (issue 15): 200 generated reports of 100 organs × 2 years, 192 text and
// HTML files and 8 DOCX and PDF. The generator's first `skipOrgans` organs (those of the seeded demo district) are
// left out and `set` picks the hundred after them, so an upload adds new organs and leaves the demo's data alone.
import { fileName, generateTruth, planFiles, renderText, renderTextFile } from '../../src/lib/generator/index';
import { renderDocx } from '../../src/lib/server/generate/docx';
import { PdfPrinter } from '../../src/lib/server/generate/pdf';

export interface UploadFile {
	name: string;
	buffer: Buffer;
}

export async function twoHundredReports(skipOrgans: number, set: number, printer: PdfPrinter): Promise<UploadFile[]> {
	const from = skipOrgans + set * 100;
	const district = generateTruth({ organs: from + 100, years: [2022, 2023], seed: 'upload-load', errorRate: 0 });
	const own = new Set(district.organs.slice(from).map((o) => o.id));
	const binary = new Set(district.organs.slice(-4).map((o) => o.id));
	const reports = district.reports.filter((t) => own.has(t.organ_id));
	const plans = planFiles(reports, { formats: ['txt', 'html'], seed: `upload-load-${set}`, mix: true });
	return Promise.all(
		plans.map(async (plan, i) => {
			const t = reports[plan.report];
			if (!binary.has(t.organ_id))
				return { name: plan.name, buffer: Buffer.from(renderTextFile(t.report, plan.variant)) };
			if (i % 2 === 0) return { name: fileName(t, 'docx'), buffer: Buffer.from(await renderDocx(t.report)) };
			const html = renderText(
				t.report,
				{ ...plan.variant, format: 'html', encoding: 'utf-8', charset: 'utf-8' },
				{ print: true }
			);
			return { name: fileName(t, 'pdf'), buffer: Buffer.from(await printer.print(html)) };
		})
	);
}

/** Value at percentile `p` (nearest rank) of `xs`; NaN for none. */
export function percentile(xs: number[], p: number): number {
	const s = [...xs].sort((a, b) => a - b);
	return s.length ? s[Math.min(s.length - 1, Math.floor((p / 100) * s.length))] : NaN;
}

export interface Probe {
	path: string;
	start: number;
	ms: number;
	status: number;
}

/** One GET, its body read to the end; status 0 when the connection failed. */
export async function probe(url: string, path: string, cookie: string): Promise<Probe> {
	const accept = path.startsWith('/charts/') ? 'application/json' : 'text/html';
	const start = performance.now();
	try {
		const r = await fetch(url + path, { headers: { cookie, accept }, redirect: 'manual' });
		await r.arrayBuffer();
		return { path, start, ms: performance.now() - start, status: r.status };
	} catch {
		return { path, start, ms: performance.now() - start, status: 0 };
	}
}

/** The dashboard page and one chart's JSON every `intervalMs` until `stop()` is called; then every answer. */
export function probeDashboard(url: string, cookie: string, intervalMs = 200) {
	const probes: Promise<Probe>[] = [];
	let running = true;
	const firing = (async () => {
		while (running) {
			probes.push(probe(url, '/', cookie), probe(url, '/charts/volume', cookie));
			await new Promise((r) => setTimeout(r, intervalMs));
		}
	})();
	return {
		async stop(): Promise<Probe[]> {
			running = false;
			await firing;
			return Promise.all(probes);
		}
	};
}
