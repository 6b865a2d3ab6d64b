/**
 * Signs that a response is a bot-protection challenge rather than the service's own answer.
 * Such a response says nothing about whether the API works, so the check is inconclusive.
 */
const CHALLENGE_HEADERS: readonly [header: string, pattern: RegExp][] = [
	['cf-mitigated', /challenge/i],
	['x-amzn-waf-action', /challenge|captcha/i],
	['x-datadome', /./],
	['x-sucuri-block', /./],
];

const CHALLENGE_BODY_MARKERS: readonly RegExp[] = [
	/<title>\s*Just a moment\.\.\.\s*<\/title>/i,
	/Attention Required! \| Cloudflare/i,
	/\/cdn-cgi\/challenge-platform\//i,
	/captcha-delivery\.com/i,
	/_Incapsula_Resource|Incapsula incident ID/i,
	/Pardon Our Interruption/i,
	/px-captcha|perimeterx/i,
	/The requested URL was rejected\. Please consult with your administrator\./i,
	/Access Denied[\s\S]{0,400}Reference #[0-9a-f.]+/i,
	/sgcaptcha|well-known\/sgcaptcha/i,
	/awswaf|aws-waf-token/i,
];

export function isChallengeResponse(
	status: number,
	headers: Record<string, string>,
	body: Buffer,
): boolean {
	for (const [header, pattern] of CHALLENGE_HEADERS) {
		const value = headers[header];
		if (value !== undefined && pattern.test(value)) return true;
	}
	if (status < 400 && status !== 202) return false;
	const text = body.subarray(0, 64 * 1024).toString('latin1');
	return CHALLENGE_BODY_MARKERS.some((marker) => marker.test(text));
}
