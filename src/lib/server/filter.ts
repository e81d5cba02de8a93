// The dashboard filter of a request: a bad parameter is a 400 with the reason, never a 500 or a huge range.
import { error } from '@sveltejs/kit';
import { FilterError, parseFilter, type DashboardFilter } from '../charts/filters';
import { availableYears } from './metrics/index';

export function requestFilter(url: URL): { filter: DashboardFilter; available: { minYear: number; maxYear: number } } {
	const available = availableYears();
	try {
		return { filter: parseFilter(url.searchParams, available), available };
	} catch (e) {
		if (e instanceof FilterError) error(400, e.message);
		throw e;
	}
}
