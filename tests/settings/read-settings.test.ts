import { describe, expect, it } from 'vitest';
import { readSettings } from '../../src/lib/settings/read-settings.ts';
import { DEFAULTS } from '../../src/schemas/settings.ts';

describe('readSettings', () => {
	it('takes every default when no C0MM0_ variable is set', () => {
		expect(readSettings({ HOME: '/root' })).toEqual({
			dataDir: DEFAULTS.C0MM0_DATA_DIR,
			siteUrl: DEFAULTS.C0MM0_SITE_URL,
			base: '/',
			repositoryUrl: DEFAULTS.C0MM0_REPOSITORY_URL,
			repositoryBranch: DEFAULTS.C0MM0_REPOSITORY_BRANCH,
			cacheDir: DEFAULTS.C0MM0_CACHE_DIR,
			ogCacheDir: DEFAULTS.C0MM0_OG_CACHE_DIR,
			astroCacheDir: undefined,
			skipOg: false,
			fullBuild: false,
			allowPrivate: false,
			searchPartitionSize: DEFAULTS.C0MM0_SEARCH_PARTITION_SIZE,
			shard: undefined,
			builtAt: undefined,
			deploy: {
				bucket: undefined,
				endpoint: undefined,
				region: 'us-east-1',
				prefix: '',
				publicUrl: undefined,
				pathStyle: false,
			},
		});
	});

	it('reads the search partition size, the shard and the build time, and refuses bad ones', () => {
		const read = readSettings({
			C0MM0_SEARCH_PARTITION_SIZE: '3',
			C0MM0_SHARD: '2/4',
			C0MM0_BUILT_AT: '2026-11-26T02:00:00Z',
		});
		expect([read.searchPartitionSize, read.shard, read.builtAt]).toEqual([
			3,
			'2/4',
			'2026-11-26T02:00:00Z',
		]);
		expect(() => readSettings({ C0MM0_SEARCH_PARTITION_SIZE: '0' })).toThrow(
			/C0MM0_SEARCH_PARTITION_SIZE/,
		);
		expect(() => readSettings({ C0MM0_SHARD: 'two' })).toThrow(/C0MM0_SHARD is "two", not a shard/);
		expect(() => readSettings({ C0MM0_BUILT_AT: 'yesterday' })).toThrow(/C0MM0_BUILT_AT/);
	});

	it('turns C0MM0_SKIP_OG=true on, as it does 1 and yes', () => {
		for (const value of ['true', '1', 'yes', 'TRUE', ' Yes ']) {
			expect(readSettings({ C0MM0_SKIP_OG: value }).skipOg, value).toBe(true);
		}
	});

	it('reads 0, false and no as off, and an empty variable as unset', () => {
		for (const value of ['0', 'false', 'no', 'No', '']) {
			expect(readSettings({ C0MM0_FULL_BUILD: value }).fullBuild, value).toBe(false);
		}
	});

	it('refuses a yes/no value it does not know, naming the variable and the fix', () => {
		expect(() => readSettings({ C0MM0_ALLOW_PRIVATE: 'on' })).toThrowErrorMatchingInlineSnapshot(`
			[Error: c0mm0: invalid setting(s) in the environment:
			  C0MM0_ALLOW_PRIVATE is "on", not a yes/no value — set it to 1, true or yes to turn it on, or 0, false or no (or leave it unset) for off]
		`);
	});

	it('refuses a misspelt setting instead of ignoring it', () => {
		expect(() => readSettings({ C0MM0_SKIPOG: '1' })).toThrow(
			/C0MM0_SKIPOG: no such setting — the settings are C0MM0_DATA_DIR, .*C0MM0_SKIP_OG/,
		);
	});

	it('refuses a site address that is not http(s)', () => {
		expect(() => readSettings({ C0MM0_SITE_URL: 'user.github.io/repo' })).toThrow(
			/C0MM0_SITE_URL is "user.github.io\/repo", not an http\(s\) address/,
		);
	});

	it('derives the base from the path of the site address', () => {
		expect(readSettings({ C0MM0_SITE_URL: 'https://user.github.io/repo' })).toMatchObject({
			siteUrl: 'https://user.github.io/repo/',
			base: '/repo/',
		});
		expect(readSettings({ C0MM0_SITE_URL: 'https://example.org' })).toMatchObject({
			siteUrl: 'https://example.org/',
			base: '/',
		});
	});

	it('reads the object-storage deploy settings, keeping the prefix as a folder', () => {
		expect(
			readSettings({
				C0MM0_DEPLOY_BUCKET: 'register',
				C0MM0_DEPLOY_ENDPOINT: 'https://account.r2.cloudflarestorage.com',
				C0MM0_DEPLOY_REGION: 'auto',
				C0MM0_DEPLOY_PREFIX: '/eu/site/',
				C0MM0_DEPLOY_PUBLIC_URL: 'https://register.example.org/',
				C0MM0_DEPLOY_PATH_STYLE: 'yes',
			}).deploy,
		).toEqual({
			bucket: 'register',
			endpoint: 'https://account.r2.cloudflarestorage.com',
			region: 'auto',
			prefix: 'eu/site/',
			publicUrl: 'https://register.example.org/',
			pathStyle: true,
		});
		expect(readSettings({ C0MM0_DEPLOY_PREFIX: 'site' }).deploy.prefix).toBe('site/');
	});

	it('refuses a deploy prefix that climbs out of its folder, and an endpoint that is not http(s)', () => {
		for (const prefix of ['../other', 'site/../x', 'a//b', 'a\\b']) {
			expect(() => readSettings({ C0MM0_DEPLOY_PREFIX: prefix }), prefix).toThrow(
				/C0MM0_DEPLOY_PREFIX/,
			);
		}
		expect(() => readSettings({ C0MM0_DEPLOY_ENDPOINT: 's3.example.org' })).toThrow(
			/C0MM0_DEPLOY_ENDPOINT is "s3.example.org", not an http\(s\) address/,
		);
	});
});
