// What both kinds of inbox item (an inspector's item, the assessment's rectification request) check of an organ's
// answer: who may answer, and the text.
import { ActionError } from '../corrections';
import { can } from '../../auth/permissions';
import type { Actor } from '../../auth/actor';

export const ANSWER_MAX = 4000;

/** An organ's answer: its text and an optional attached file. */
export interface AnswerInput {
	text: string;
	file?: { name: string; bytes: Uint8Array } | null;
}

/** Only a clerk bound to an organ answers; returns that organ. */
export function answeringOrgan(actor: Actor): number {
	if (!can(actor.role, 'inbox.answer') || actor.organId === null)
		throw new ActionError('只有本单位联络员可以答复', 403);
	return actor.organId;
}

/** The answer's text, trimmed: not empty, at most ANSWER_MAX characters. */
export function answerText(input: AnswerInput): string {
	const text = input.text.trim();
	if (!text) throw new ActionError('答复内容不能为空');
	if (text.length > ANSWER_MAX) throw new ActionError(`答复不能超过${ANSWER_MAX}字`);
	return text;
}
