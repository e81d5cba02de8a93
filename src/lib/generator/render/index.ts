// Pure renderers: a Report-shaped object → the text of a report file in each plain format.
export { renderTxt, tableLines, type TxtStyle, type TextRenderOptions } from './txt';
export { renderHtml, type HtmlRenderOptions } from './html';
export { toTraditional, applyScript } from './script';
export { encodeText, encodable, type TextEncoding } from './encode';
export {
	layoutReport,
	expandGrid,
	formatCell,
	formatDate,
	reportTitle,
	sectionHeading,
	type Block,
	type GridCell,
	type TableBlock
} from '../../report/layout';
export { dropRepeatedLines, breakNumbers } from './crawl';
export { htmlInJsString, htmlBodyAsText } from './wrapped';
export { damageHeading, runTogetherZeros, detachLabels, type HeadingDamage } from './print-damage';
