// Saved listing pages (a browser's "save page", several .html files or a .zip of them) into the publication log: the
// items of each page under the organ and channel the user gave, or those of the page's breadcrumb and title.
// Deduplicated as publication logs are (storePublications), so importing the same pages twice adds nothing.
import { decodeText } from '../report/decode';
import { readListing } from '../listing';
import { storeOriginal } from './files';
import { isZipName, readZip, ZipRefusal } from './zip';
import { storePublications } from './publication-log';
import * as organs from './organs';
import { importLimits, REASONS, type ImportInput, type ImportResult } from './import';
import type { Actor } from '../auth/actor';
import { can } from '../auth/permissions';

export const LISTING_IMPORT_REASONS = {
	notPage: '不是网页文件（栏目列表页应为 .html / .htm / .shtml）',
	noOrgan: '无法确定单位：页面的位置导航和标题中没有单位名称，请在导入页填写单位',
	notListing: (reason: string) => `不是可识别的栏目列表页：${reason}`
};

const isPageName = (name: string) => /\.(?:s?html?|xhtml)$/i.test(name);

export async function importListingPages(
	inputs: ImportInput[],
	given: { organ?: string | null; channel?: string | null },
	actor: Actor
): Promise<ImportResult[]> {
	const limits = importLimits();
	const pages: ImportInput[] = [];
	const results: ImportResult[] = [];
	const refused = (file: string, reason: string): ImportResult => ({
		file,
		status: 'refused',
		kind: 'publication_log',
		reason
	});
	if (!can(actor.role, 'reports.import') && !can(actor.role, 'reports.import_own'))
		return inputs.map((i) => refused(i.name, REASONS.noPermission));
	for (const input of inputs) {
		if (!isZipName(input.name)) {
			pages.push(input);
			continue;
		}
		if (input.bytes.length > limits.maxZipBytes) {
			results.push(refused(input.name, REASONS.tooLarge(limits.maxZipBytes)));
			continue;
		}
		try {
			const { entries, refused: bad } = readZip(input.bytes, { maxEntryBytes: limits.maxFileBytes, ...limits.zip });
			// A page saved whole comes with a folder of images and scripts: only the pages are read.
			for (const e of entries) if (isPageName(e.name)) pages.push({ name: `${input.name}/${e.name}`, bytes: e.bytes });
			for (const b of bad) results.push(refused(`${input.name}/${b.name}`, b.reason));
		} catch (e) {
			if (!(e instanceof ZipRefusal)) throw e;
			results.push(refused(input.name, e.message));
		}
	}
	const organGiven = given.organ?.trim() || null;
	const channelGiven = given.channel?.trim() || null;
	for (const page of pages) {
		const file = page.name;
		if (!isPageName(file)) {
			results.push(refused(file, LISTING_IMPORT_REASONS.notPage));
			continue;
		}
		if (page.bytes.length > limits.maxFileBytes) {
			results.push(refused(file, REASONS.tooLarge(limits.maxFileBytes)));
			continue;
		}
		const res = readListing(decodeText(page.bytes, true).text);
		if (!res.ok) {
			results.push(refused(file, LISTING_IMPORT_REASONS.notListing(res.reason)));
			continue;
		}
		const organ = organGiven ?? res.listing.organ;
		if (!organ) {
			results.push(refused(file, LISTING_IMPORT_REASONS.noOrgan));
			continue;
		}
		const channel = channelGiven ?? res.listing.channel;
		const rows = res.listing.items.map((i, n) => ({
			line: n + 1,
			organ,
			publishedOn: i.date,
			title: i.title,
			channel,
			url: i.url
		}));
		storeOriginal(page.bytes);
		const stored = storePublications(rows, actor);
		const organId = stored.organIds[0];
		const base: ImportResult = {
			file,
			kind: 'publication_log',
			status: stored.added ? 'imported' : stored.duplicates ? 'duplicate' : 'refused',
			added: stored.added,
			duplicates: stored.duplicates,
			organId,
			organ: organId !== undefined ? organs.get(organId)?.name : organ,
			// The results table appends “新增 n 条，已有 m 条” to this.
			reason:
				[
					`栏目：${channel ?? '未识别'}`,
					...res.listing.warnings,
					...(stored.skipped.length ? [stored.skipped[0].reason] : [])
				].join('；') + '；'
		};
		results.push(base);
	}
	return results;
}
