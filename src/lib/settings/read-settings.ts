import { type Settings, SettingsSchema } from '../../schemas/settings.ts';

export type { Settings } from '../../schemas/settings.ts';

/**
 * The `C0MM0_*` variables of `env`, checked. Empty ones count as unset (a workflow expression
 * that yields nothing sets an empty variable). A bad value throws one error naming every bad
 * variable and how to fix it.
 */
export function readSettings(env: Readonly<Record<string, string | undefined>>): Settings {
	const own = Object.fromEntries(
		Object.entries(env).filter(([name, value]) => name.startsWith('C0MM0_') && value !== ''),
	);
	const parsed = SettingsSchema.safeParse(own);
	if (parsed.success) return parsed.data;
	const lines = parsed.error.issues.map(
		(issue) => `  ${[issue.path.join('.'), issue.message].filter(Boolean).join(' ')}`,
	);
	throw new Error(`c0mm0: invalid setting(s) in the environment:\n${lines.join('\n')}`);
}

let cached: Settings | undefined;

/**
 * The settings of this process, read from `process.env` once. The only place that reads a
 * `C0MM0_*` variable (a test holds every other module to that).
 */
export function settings(): Settings {
	cached ??= readSettings(process.env);
	return cached;
}
