// The district's settings for the cross-report checks, from the environment (see .env.example).
import type { SimilarityOptions } from '../../cross/copied-from-other';
import type { LocalDeadline } from '../../cross/local-deadline';

const mmdd = (v: string | undefined) => (v && /^\d{2}-\d{2}$/.test(v) ? v : null);

/** X6: SIMILARITY_THRESHOLD (0–1, default 0.8). */
export function similarityOptions(): SimilarityOptions {
	const t = Number(process.env.SIMILARITY_THRESHOLD);
	return { threshold: t > 0 && t <= 1 ? t : 0.8 };
}

/** D2: LOCAL_FILING_DEADLINE and LOCAL_PUBLICATION_DEADLINE (MM-DD of the next year; unset: not checked). */
export function localDeadline(): LocalDeadline {
	return { filing: mmdd(process.env.LOCAL_FILING_DEADLINE), publication: mmdd(process.env.LOCAL_PUBLICATION_DEADLINE) };
}

/** Today as YYYY-MM-DD (X7 counts a report missing only once its deadline has passed); FINDINGS_TODAY for tests. */
export function today(): string {
	return mmddOk(process.env.FINDINGS_TODAY) ?? new Date().toISOString().slice(0, 10);
}
const mmddOk = (v: string | undefined) => (v && /^\d{4}-\d{2}-\d{2}$/.test(v) ? v : null);
