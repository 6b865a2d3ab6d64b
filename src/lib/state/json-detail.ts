/**
 * What JSON.parse objected to in a stored file, for a problem line. V8 names the line for most
 * errors but not for a file that stops short — the usual shape of a truncated write — so that
 * case gets the line the file ends on.
 */
export function jsonErrorDetail(text: string, error: unknown): string {
	const message = error instanceof Error ? error.message : String(error);
	if (/end of JSON input/.test(message)) {
		return `${message} at line ${text.trimEnd().split('\n').length}`;
	}
	return message;
}
