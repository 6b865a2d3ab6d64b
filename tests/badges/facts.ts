import type { BadgeFacts } from '../../src/lib/badges/badge-facts.ts';

/** A record's badge facts, up and "good" unless told otherwise. */
export function facts(fields: Partial<BadgeFacts> = {}): BadgeFacts {
	return {
		id: 'fr-api-captchetat',
		title: 'API CaptchEtat',
		state: 'up',
		total: 70,
		band: 'good',
		provisional: false,
		uptime30: 0.983,
		...fields,
	};
}

/** Titles a stranger could put in an entry. */
export const HOSTILE_TITLES = {
	'closing tags': 'Sample </text></title></svg> API',
	script: '<script>alert("x")</script><img src=x onerror=alert(1)>',
	quotes: `"double" and 'single' quotes " onload="alert(1)`,
	ampersands: 'Data & more &amp; &lt;entities&gt; &#x3c; &unknown;',
	emoji: 'Bus 🚌 times 👨‍👩‍👧‍👦 🇪🇺 live',
	'control characters': 'Bell\u0007 null\u0000 escape\u001b form\f feed',
	'bidi overrides': 'Safe \u202egnp.exe\u202c title',
	'lone surrogate': 'broken \ud800 text',
	'300 characters': 'Ω'.repeat(100) + '"<&>'.repeat(50),
	'300 quotes': '"'.repeat(300),
} as const;
