import { type AddressGateOptions, judgeHostName } from '../../net/address-policy.ts';

/**
 * The URL of the contract call: the spec's server (or, when the spec names none, the entry's
 * base URL) with the operation's filled path and query appended. The server's own query string
 * is dropped: it would be the entry's, not the operation's.
 */
export function contractUrl(server: string, pathAndQuery: string): string {
	const url = new URL(server);
	const [path = '', query = ''] = pathAndQuery.split(/\?(.*)/s);
	url.pathname = `${url.pathname.replace(/\/+$/, '')}${path}`;
	url.search = query;
	url.hash = '';
	return url.href;
}

/**
 * Why the register will not call this URL, or null when it may. A spec's servers are the
 * stranger's word, like the entry itself: the same address policy holds (a private, loopback or
 * link-local address is refused unless the run allows it; the connector checks every resolved
 * address again), and a URL carrying credentials is never called.
 */
export function refusedContractUrl(
	url: string,
	gate: AddressGateOptions,
	mayConnect: (address: string) => boolean,
): string | null {
	const parsed = new URL(url);
	if (parsed.username || parsed.password)
		return 'the server URL carries credentials, which the register never sends';
	const verdict = judgeHostName(parsed.hostname);
	if (verdict.ok) return null;
	const host = parsed.hostname.replace(/^\[|\]$/g, '');
	if ((verdict.reason === 'ip-literal' || verdict.reason === 'blocked-address') && mayConnect(host))
		return null;
	if ((verdict.reason === 'private-name' || verdict.reason === 'single-label') && gate.allowPrivate)
		return null;
	return `the server address ${verdict.detail} is refused: the register contacts only public addresses`;
}
