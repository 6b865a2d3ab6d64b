import { judgeHostName } from '../net/address-policy.ts';
import { MESSAGES } from './messages.ts';
import { type Problem, problem } from './problem.ts';

/**
 * Where a catalog URL points: a private, loopback, link-local or raw-IP host is an error (unless
 * the run allows private addresses), plain http a warning. Entries and source files share it so
 * a contributor meets the same rule, and the same words, in both. The scheme and credentials are
 * already checked by HttpUrlSchema.
 */
export function checkUrlHost(
	file: string,
	field: string,
	url: string,
	allowPrivate: boolean,
): Problem[] {
	const parsed = new URL(url);
	if (!allowPrivate) {
		const verdict = judgeHostName(parsed.hostname);
		if (!verdict.ok) {
			const text =
				verdict.reason === 'ip-literal'
					? MESSAGES.urlRawIp(verdict.detail)
					: verdict.reason === 'blocked-address'
						? MESSAGES.urlBlockedAddress(verdict.detail)
						: verdict.reason === 'private-name'
							? MESSAGES.urlPrivateName(verdict.detail)
							: MESSAGES.urlSingleLabel(verdict.detail);
			return [problem(file, field, text)];
		}
	}
	return parsed.protocol === 'http:'
		? [problem(file, field, MESSAGES.urlPlainHttp(), 'warning')]
		: [];
}
