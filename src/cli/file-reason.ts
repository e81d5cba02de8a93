/** Why a file named on the command line could not be read, in one Chinese line (English in brackets for logs). */
export function fileReason(e: unknown): string {
	return (e as NodeJS.ErrnoException).code === 'ENOENT'
		? '文件不存在 (no such file)'
		: `无法读取 (${e instanceof Error ? e.message : String(e)})`;
}
