// Parsed models of revisions, cached. Revisions never change once written: a model is cached by revision id and
// file hash (the hash guards against an id reused after a rolled-back transaction). A bulk import reads last
// year's model for Y1 on every file.
import { statement } from '../db/statement';
import type { Report as Model } from '../../report/model';

const cache = new Map<string, Model>();
const CACHE_SIZE = 256;

/** Keeps a model just stored (the caller must not change it afterwards). */
export function rememberModel(revisionId: number, sha256: string, model: Model): Model {
	if (cache.size >= CACHE_SIZE) cache.delete(cache.keys().next().value!);
	cache.set(`${revisionId}:${sha256}`, model);
	return model;
}

/** The parsed model of a revision, possibly shared with the cache: callers only read it. */
export function cachedRevisionModel(revisionId: number, sha256: string): Model | undefined {
	const hit = cache.get(`${revisionId}:${sha256}`);
	if (hit) return hit;
	const json = (
		statement('SELECT model_json FROM revision WHERE id = ?').get(revisionId) as { model_json: string } | undefined
	)?.model_json;
	if (json === undefined) return undefined;
	return rememberModel(revisionId, sha256, JSON.parse(json) as Model);
}
