// Update rhythm of one portal channel within a quarter, from its posting dates: the weeks with at least one
// item and the longest silence. A silence on day d is the days since the channel's last posting on or before d
// (a posting before the quarter counts as the starting point); the longest is the maximum over the quarter's days.
import { daysBetween, quarterRange, type Quarter } from './quarter';

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

/** `dates`: the channel's postings inside the quarter (any order); `lastBefore`: its last posting before it. */
export function channelActivity(quarter: Quarter, channel: string, dates: string[], lastBefore: string | null): ChannelActivity {
	const { from, to } = quarterRange(quarter);
	const inside = dates.filter((d) => d >= from && d <= to).sort();
	const weeksInQuarter = Math.ceil((daysBetween(from, to) + 1) / 7);
	const weeks = [...new Set(inside.map((d) => Math.floor(daysBetween(from, d) / 7)))];
	const anchors = lastBefore && lastBefore < from ? [lastBefore, ...inside] : inside;
	let silence: ChannelActivity['silence'] = null;
	for (let i = 0; i < anchors.length; i++) {
		const next = anchors[i + 1] ?? null;
		// The last day still silent after anchor i: the day before the next posting, or the quarter's end.
		const lastDay = next ? prevDay(next) : to;
		const end = lastDay > to ? to : lastDay;
		if (end < from || end < anchors[i]) continue;
		const days = daysBetween(anchors[i], end);
		if (!silence || days > silence.days) silence = { days, from: anchors[i], to: next };
	}
	return { channel, posts: inside.length, weeks, weeksInQuarter, lastBefore: lastBefore && lastBefore < from ? lastBefore : null, silence };
}

function prevDay(date: string): string {
	return new Date(Date.parse(date + 'T00:00:00Z') - 86_400_000).toISOString().slice(0, 10);
}
