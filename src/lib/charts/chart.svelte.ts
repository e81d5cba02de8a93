// The one Svelte attachment that mounts ECharts: `{@attach chart(() => option, { onClick })}`. ECharts is imported
// on first mount, so it ships only to pages that draw a chart; the instance follows the option, the element's size,
// and is disposed with the element.
import type { Attachment } from 'svelte/attachments';
import type { Option } from './theme';

export interface ChartOptions {
	/** Called with the `organId` of a clicked data item that carries one. */
	onClick?: (organId: number) => void;
	/** Called once the interactive chart has replaced the server's first paint. */
	onReady?: () => void;
}

export function chart(getOption: () => Option, opts: ChartOptions = {}): Attachment<HTMLElement> {
	return (node) => {
		let instance: import('./echarts').ECharts | undefined;
		let observer: ResizeObserver | undefined;
		let disposed = false;
		const resize = () => instance?.resize();
		const ready = import('./echarts').then(({ init }) => {
			if (disposed) return;
			instance = init(node, null, { renderer: 'svg' });
			instance.on('click', (p) => {
				const id = (p.data as { organId?: unknown } | null)?.organId;
				if (typeof id === 'number') opts.onClick?.(id);
			});
			observer = new ResizeObserver(() => instance?.resize());
			observer.observe(node);
			// Printing lays the page out at paper width before any observer runs: redraw at that width, and back after.
			addEventListener('beforeprint', resize);
			addEventListener('afterprint', resize);
		});
		$effect(() => {
			const option = getOption();
			ready.then(() => {
				if (!instance || disposed) return;
				instance.setOption(option, true);
				opts.onReady?.();
			});
		});
		return () => {
			disposed = true;
			observer?.disconnect();
			removeEventListener('beforeprint', resize);
			removeEventListener('afterprint', resize);
			instance?.dispose();
		};
	};
}
