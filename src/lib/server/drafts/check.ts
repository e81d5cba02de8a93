// A draft's bytes checked as an import would check them — the same parse, the same organ lookup, the same
// findings against the organ's stored report of the year before — reading the database only, writing nothing.
import * as organs from '../organs';
import * as reports from '../reports/read';
import { parseHere } from '../parse-pool';
import { canImportForOrgan } from '../../auth/permissions';
import type { Actor } from '../../auth/actor';
import { checkDraft, type DraftCheck, type DraftOrgan } from '../../drafts/check';
import type { Report as Model } from '../../report/model';

/** Why a draft cannot be checked at all: not a report (parse refusal), or not the actor's to check. */
export class DraftRefusal extends Error {
	constructor(
		message: string,
		/** 'not_report': the file is not a report (CLI exit 2); 'forbidden': another organ's draft for a clerk. */
		readonly kind: 'not_report' | 'forbidden'
	) {
		super(message);
	}
}

export interface DraftCheckOptions {
	/** Check as this organ (by name or alias) instead of the one the draft's title names. */
	organName?: string;
	/** Who checks: a clerk only as its own organ. Omitted: the command line, any organ. */
	actor?: Actor;
	/** False when there is no database to read (the CLI without one): the draft is checked on its own. */
	useDatabase?: boolean;
}

export interface CheckedDraft {
	model: Model;
	check: DraftCheck;
}

const toOrgan = (o: { id: number; name: string; kind: DraftOrgan['kind'] }): DraftOrgan => ({
	id: o.id,
	name: o.name,
	kind: o.kind
});

export async function checkDraftBytes(
	bytes: Uint8Array,
	fileName: string,
	options: DraftCheckOptions = {}
): Promise<CheckedDraft> {
	const parsed = await parseHere(bytes, fileName);
	if ('refusal' in parsed) throw new DraftRefusal(parsed.refusal, 'not_report');
	if ('error' in parsed) throw new DraftRefusal(`解析出错：${parsed.error}`, 'not_report');
	return checkParsed(parsed.model, options);
}

/** The findings of an already parsed draft (a re-check parses again: the parser may have improved). */
export function checkParsed(model: Model, options: DraftCheckOptions = {}): CheckedDraft {
	const { actor, useDatabase = true } = options;
	const blocking: string[] = [];
	let organ: DraftOrgan | null = null;
	if (useDatabase) {
		const asked = options.organName?.trim();
		const named = model.organ?.trim() ? organs.findByName(model.organ) : undefined;
		const chosen = asked ? organs.findByName(asked) : named;
		if (actor && actor.role === 'clerk') {
			// A clerk checks as its own organ only, whatever it asks for or the file says.
			if (chosen && !canImportForOrgan(actor, chosen.id))
				throw new DraftRefusal(`联络员只能检查本单位的报告草稿，“${chosen.name}”不是本单位`, 'forbidden');
			if (asked && !chosen) throw new DraftRefusal(`联络员只能检查本单位的报告草稿，“${asked}”不是本单位`, 'forbidden');
			const own = actor.organId === null ? undefined : organs.get(actor.organId);
			if (!own) throw new DraftRefusal('当前账号未绑定单位，无法检查草稿', 'forbidden');
			organ = toOrgan(own);
			if (model.organ?.trim() && !named)
				blocking.push(
					`标题中的单位“${model.organ}”与本单位（${own.name}）的登记名称不符，导入时会被拒绝。请按登记名称填写标题，或请管理员登记此别名。`
				);
		} else {
			organ = chosen ? toOrgan(chosen) : null;
			if (chosen && named && named.id !== chosen.id)
				blocking.push(`标题中的单位是“${named.name}”，不是所选的“${chosen.name}”：导入时会记入“${named.name}”。`);
			if (chosen && model.organ?.trim() && !named)
				blocking.push(`标题中的单位“${model.organ}”尚未登记为“${chosen.name}”的名称：导入时会作为新单位登记。`);
		}
	}
	let previous: Model | null = null;
	if (organ && model.year) {
		const prev = reports.byOrganYear(organ.id, model.year - 1);
		previous = (prev && reports.effectiveModel(prev.id)) || null;
	}
	return { model, check: checkDraft({ model, organ, previous, blocking }) };
}
