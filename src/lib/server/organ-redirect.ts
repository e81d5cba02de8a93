// A merged organ's id lives on: its pages answer 301 to the surviving organ's, its API says where it went.
import { json, redirect } from '@sveltejs/kit';
import { getRequestEvent } from '$app/server';
import { requireUser } from './auth/guard';
import { mergedInto } from './organ-merge';

/** For pages under /organs/[id]: a 301 to the same page of the organ this one was merged into. */
export function redirectIfMerged(organId: number): void {
	requireUser();
	const to = mergedInto(organId);
	if (to === undefined) return;
	const { url } = getRequestEvent();
	redirect(301, url.pathname.replace(/^\/organs\/\d+/, `/organs/${to}`) + url.search);
}

/** For /api/organs/[id]/…: a 301 whose JSON body names the surviving organ and the new address; null if not merged. */
export function movedResponse(organId: number): Response | null {
	const to = mergedInto(organId);
	if (to === undefined) return null;
	const { url } = getRequestEvent();
	const location = url.pathname.replace(/^\/api\/organs\/\d+/, `/api/organs/${to}`) + url.search;
	return json(
		{ message: `单位 ${organId} 已合并到单位 ${to}`, mergedInto: to, location },
		{ status: 301, headers: { location } }
	);
}
