/** Where the site and its source live; overridable for forks (see README, "How the register runs"). */
export const SITE_URL = (process.env.C0MM0_SITE_URL ?? 'https://c0mm0.com').replace(/\/$/, '');
export const REPOSITORY_URL = (
	process.env.C0MM0_REPOSITORY_URL ?? 'https://github.com/c0mm0/register'
).replace(/\/$/, '');
export const REPOSITORY_BRANCH = process.env.C0MM0_REPOSITORY_BRANCH ?? 'main';

export function editUrl(path: string): string {
	return `${REPOSITORY_URL}/edit/${REPOSITORY_BRANCH}/${path}`;
}

export function sourceUrl(path: string): string {
	return `${REPOSITORY_URL}/blob/${REPOSITORY_BRANCH}/${path}`;
}

export const recordPath = (id: string) => `/records/${id}/`;
export const recordJsonPath = (id: string) => `/api/v1/records/${id}.json`;
export const badgePath = (id: string, variant?: 'score' | 'uptime') =>
	`/badges/${id}${variant ? `-${variant}` : ''}.svg`;
export const badgeEndpointPath = (id: string) => `/badges/${id}.json`;
export const ogPath = (id: string) => `/og/${id}.png`;
