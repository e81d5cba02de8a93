import { describe, expect, it } from 'vitest';
import { httpStatusReason } from './http-status';

describe('httpStatusReason', () => {
	it('says in Chinese what the status means, keeping the code', () => {
		expect(httpStatusReason(404)).toBe('HTTP 404：页面不存在（栏目地址可能已变更）');
		expect(httpStatusReason(500)).toBe('HTTP 500：网站服务器内部错误');
	});
	it('falls back by class for codes without their own words, never an English status text', () => {
		expect(httpStatusReason(507)).toBe('HTTP 507：网站服务器出错');
		expect(httpStatusReason(418)).toBe('HTTP 418：网站拒绝了请求');
		expect(httpStatusReason(204)).toBe('HTTP 204：网站返回了非正常应答');
		for (const s of [200, 301, 404, 451, 599])
			expect(httpStatusReason(s).replace(/^HTTP \d+：/, '')).not.toMatch(/[A-Za-z]/);
	});
});
