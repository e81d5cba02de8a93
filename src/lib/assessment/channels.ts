// Update rhythm of one portal channel within a quarter, from its posting dates: the weeks with at least one
// item and the longest silence. A silence on day d is the days since the channel's last posting on or before d
// (a posting before the quarter counts as the starting point); the longest is the maximum over the quarter's days.
import { quarterRange, type Quarter } from './quarter';

export interface ChannelActivity {
	channel: string;
	/** Postings inside the quarter. */
	posts: number;
	/** 0-based weeks of the quarter (day − first day) ÷ 7 with at least one posting. */
	weeks: number[];
	weeksInQuarter: number;
	/** The last posting before the quarter, if any. */
	lastBefore: string | null;
	/** Longest silence inside the quarter: from the posting it follows, to the next posting (null: none by quarter end). */
	silence: { days: number; from: string; to: string | null } | null;
}

/** Day number of an ISO date (days since 1970-01-01), memoised: a quarter's postings share ~90 distinct dates. */
const dayCache = new Map<string, number>();
function day(date: string): number {
	let d = dayCache.get(date);
	if (d === undefined) {
		d = Date.UTC(Number(date.slice(0, 4)), Number(date.slice(5, 7)) - 1, Number(date.slice(8, 10))) / 86_400_000;
		if (dayCache.size > 20_000) dayCache.clear();
		dayCache.set(date, d);
	}
	return d;
}

/** `dates`: the channel's postings inside the quarter (any order); `lastBefore`: its last posting before it. */
export function channelActivity(
	quarter: Quarter,
	channel: string,
	dates: string[],
	lastBefore: string | null
): ChannelActivity {
	const { from, to } = quarterRange(quarter);
	const start = day(from);
	const end = day(to);
	const inside = dates.filter((d) => d >= from && d <= to).sort();
	const weeksInQuarter = Math.ceil((end - start + 1) / 7);
	const weeks: number[] = [];
	for (const d of inside) {
		const w = Math.floor((day(d) - start) / 7);
		if (weeks[weeks.length - 1] !== w) weeks.push(w);
	}
	const before = lastBefore && lastBefore < from ? lastBefore : null;
	const anchors = before ? [before, ...inside] : inside;
	let silence: ChannelActivity['silence'] = null;
	for (let i = 0; i < anchors.length; i++) {
		const next = i + 1 < anchors.length ? anchors[i + 1] : null;
		const at = day(anchors[i]);
		// The last day still silent after anchor i: the day before the next posting, or the quarter's end.
		const lastDay = Math.min(next ? day(next) - 1 : end, end);
		if (lastDay < start || lastDay < at) continue;
		const days = lastDay - at;
		if (!silence || days > silence.days) silence = { days, from: anchors[i], to: next };
	}
	return { channel, posts: inside.length, weeks, weeksInQuarter, lastBefore: before, silence };
}
