import { describe, expect, it } from 'vitest';
import { FetchError } from '../../src/lib/verify/errors.ts';
import type { FetchResult, HttpClient } from '../../src/lib/verify/http-client.ts';
import { checkProofs } from '../../src/lib/verify/proofs.ts';
import { AIFE_PUBLISHER, CAPTCHETAT_ENTRY } from '../helpers/proof-fixtures.ts';

/** An HTTP client that answers from a table, so proof rules can be tested without a network. */
function stubClient(
	pages: Record<
		string,
		{ status: number; body?: string; headers?: Record<string, string> } | FetchError
	>,
): HttpClient & { calls: string[] } {
	const calls: string[] = [];
	return {
		calls,
		async fetch(url) {
			calls.push(url);
			const page = pages[url];
			if (page instanceof FetchError) throw page;
			if (!page) return response(url, 404, 'not found');
			return response(url, page.status, page.body ?? '', page.headers);
		},
		certificate: () => undefined,
		close: async () => {},
	};
}

function response(
	url: string,
	status: number,
	body: string,
	headers: Record<string, string> = {},
): FetchResult {
	return {
		status,
		headers,
		body: Buffer.from(body),
		truncated: false,
		finalUrl: url,
		redirects: 0,
		ms: 5,
	};
}

const publisher = AIFE_PUBLISHER;
const entry = CAPTCHETAT_ENTRY;

const context = (client: HttpClient) => ({ client, maxBytes: 1024 * 1024, cache: new Map() });

describe('proof checks', () => {
	it('confirms every signal when the pages say what the entry claims', async () => {
		const client = stubClient({
			'https://api.gouv.fr/les-api/api-captchetat': {
				status: 200,
				body: '<h1>API CaptchEtat</h1>',
			},
			'https://www.economie.gouv.fr/aife/api': {
				status: 200,
				body: '<a href="https://piste.gouv.fr/captchetat/">docs</a>',
			},
			'https://raw.githubusercontent.com/aife-gouv/captchetat/main/openapi.json': {
				status: 200,
				body: '{}',
			},
			'https://www.economie.gouv.fr/.well-known/security.txt': {
				status: 200,
				body: 'Contact: mailto:security@finances.gouv.fr\n',
			},
		});
		const proofs = await checkProofs(context(client), entry, publisher);
		expect(proofs).toEqual([
			{
				signal: 'portal-backlink',
				url: 'https://api.gouv.fr/les-api/api-captchetat',
				status: 'confirmed',
				httpStatus: 200,
				detail: 'the catalogue page lists it (mentions "API CaptchEtat")',
			},
			{
				signal: 'reciprocal-link',
				url: 'https://www.economie.gouv.fr/aife/api',
				status: 'confirmed',
				httpStatus: 200,
				detail: "the publisher's page links to https://piste.gouv.fr/captchetat/",
			},
			{
				signal: 'github-org',
				url: 'https://raw.githubusercontent.com/aife-gouv/captchetat/main/openapi.json',
				status: 'confirmed',
				httpStatus: 200,
				detail: 'aife-gouv on GitHub serves it',
			},
			{
				signal: 'policy',
				url: 'https://www.economie.gouv.fr/.well-known/security.txt',
				status: 'confirmed',
				httpStatus: 200,
				detail: 'publishes a security.txt with a contact',
			},
		]);
	});

	it('never counts a community catalogue as a portal backlink', async () => {
		const client = stubClient({});
		const proofs = await checkProofs(context(client), entry, publisher);
		expect(proofs.map((p) => p.url)).not.toContain('https://apis.guru/captchetat');
	});

	it('refutes claims the pages contradict, and leaves unreachable ones unconfirmed', async () => {
		const client = stubClient({
			'https://api.gouv.fr/les-api/api-captchetat': {
				status: 200,
				body: '<h1>Some other API</h1>',
			},
			'https://www.economie.gouv.fr/aife/api': {
				status: 403,
				body: '<title>Just a moment...</title>',
				headers: { 'cf-mitigated': 'challenge' },
			},
			'https://raw.githubusercontent.com/aife-gouv/captchetat/main/openapi.json': new FetchError(
				'timeout',
				'no answer',
				10_000,
			),
			'https://www.economie.gouv.fr/.well-known/security.txt': {
				status: 200,
				body: 'nothing useful',
			},
		});
		const proofs = await checkProofs(context(client), entry, publisher);
		expect(proofs.map((p) => [p.signal, p.status, p.detail])).toEqual([
			['portal-backlink', 'refuted', 'the catalogue page answers but does not mention this record'],
			['reciprocal-link', 'unconfirmed', 'answered with a bot-protection challenge'],
			['github-org', 'unconfirmed', 'could not be fetched (timeout)'],
			['policy', 'refuted', 'security.txt answers but has no Contact: line'],
		]);
	});

	it("ignores a publisher page or GitHub URL that is not the publisher's", async () => {
		const client = stubClient({});
		const stranger = {
			...entry,
			publisherPage: 'https://evil.example.com/links',
			spec: {
				url: 'https://raw.githubusercontent.com/someone/x/main/o.json',
				format: 'openapi' as const,
			},
		};
		const proofs = await checkProofs(context(client), stranger, publisher);
		expect(proofs.map((p) => p.signal)).toEqual(['portal-backlink', 'policy']);
		expect(client.calls).not.toContain('https://evil.example.com/links');
	});

	it("does not take a link to another port of the record's host for a link to the record", async () => {
		const client = stubClient({
			'https://www.economie.gouv.fr/aife/api': {
				status: 200,
				body: '<a href="https://piste.gouv.fr:8443/captchetat">a test instance</a>',
			},
		});
		const proofs = await checkProofs(context(client), entry, publisher);
		expect(proofs.find((p) => p.signal === 'reciprocal-link')?.status).toBe('refuted');
	});

	it('uses a declared policy page on an official domain instead of security.txt', async () => {
		const client = stubClient({
			'https://www.economie.gouv.fr/open-data-policy': { status: 200, body: 'Our policy' },
		});
		const proofs = await checkProofs(
			context(client),
			{ ...entry, sources: [] },
			{ ...publisher, policyUrl: 'https://www.economie.gouv.fr/open-data-policy' },
		);
		expect(proofs.find((p) => p.signal === 'policy')).toMatchObject({
			status: 'confirmed',
			detail: 'the policy page answers',
		});
	});

	it('fetches a page shared by many records once per run', async () => {
		const client = stubClient({
			'https://www.economie.gouv.fr/.well-known/security.txt': { status: 200, body: 'Contact: x' },
		});
		const shared = context(client);
		await checkProofs(shared, { ...entry, sources: [] }, publisher);
		await checkProofs(shared, { ...entry, id: 'fr-other', sources: [] }, publisher);
		expect(client.calls.filter((u) => u.endsWith('security.txt'))).toHaveLength(1);
	});
});
