// Organ names: the key organs are matched by, and the kind of body a name denotes.
import { normalizeText } from './normalize';

/** Simplified script, widths folded, spaces and punctuation dropped. */
export function normalizeOrganName(name: string): string {
	return normalizeText(name)
		.replace(/[\s\p{P}\p{S}]/gu, '')
		.toLowerCase();
}

export const ORGAN_KINDS = ['government', 'department', 'street', 'town', 'other'] as const;
export type OrganKind = (typeof ORGAN_KINDS)[number];

export function isOrganKind(value: unknown): value is OrganKind {
	return typeof value === 'string' && (ORGAN_KINDS as readonly string[]).includes(value);
}

export const ORGAN_KIND_LABELS: Record<OrganKind, string> = {
	government: '人民政府',
	department: '政府部门',
	street: '街道',
	town: '乡镇',
	other: '其他'
};

/**
 * The kind of body a name denotes. It decides the publication deadline (条例第四十九条: a people's government by
 * 31 March, a department by 31 January) and the dashboard's filters.
 */
export function inferOrganKind(name: string): OrganKind {
	const n = normalizeText(name);
	if (/街道(办事处)?$/.test(n)) return 'street';
	if (/(镇|乡)(人民政府)?$/.test(n)) return 'town';
	if (/人民政府$/.test(n) || /管委会$|管理委员会$/.test(n)) return 'government';
	return 'department';
}
