// What an HTTP status means to the admin reading a crawl run: in Chinese, with the code kept for the webmaster.

const MEANING: Record<number, string> = {
	400: '网站认为请求有误',
	401: '需要登录才能访问',
	403: '网站拒绝访问（可能屏蔽了抓取）',
	404: '页面不存在（栏目地址可能已变更）',
	410: '页面已被删除',
	429: '请求过于频繁，网站暂时拒绝',
	500: '网站服务器内部错误',
	502: '网站网关错误，暂时无法访问',
	503: '网站暂时无法提供服务',
	504: '网站网关超时，暂时无法访问'
};

/** The reason a page was not read, for a status other than 200 and 304 (redirects are followed before this). */
export function httpStatusReason(status: number): string {
	const meaning =
		MEANING[status] ?? (status >= 500 ? '网站服务器出错' : status >= 400 ? '网站拒绝了请求' : '网站返回了非正常应答');
	return `HTTP ${status}：${meaning}`;
}
