// Publication dates: offices publish on working days.
export function shiftToWeekday(iso: string, dir: 'forward' | 'back'): string {
	const d = new Date(iso + 'T00:00:00Z');
	while (d.getUTCDay() === 0 || d.getUTCDay() === 6) d.setUTCDate(d.getUTCDate() + (dir === 'forward' ? 1 : -1));
	return d.toISOString().slice(0, 10);
}

export function addDays(iso: string, days: number): string {
	const d = new Date(iso + 'T00:00:00Z');
	d.setUTCDate(d.getUTCDate() + days);
	return d.toISOString().slice(0, 10);
}
