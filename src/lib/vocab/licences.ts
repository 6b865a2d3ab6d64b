import spdxIds from 'spdx-license-ids/index.json' with { type: 'json' };

/** A licence a record may declare, with whether it meets the Open Definition. */
export interface Licence {
	/** SPDX identifier, or our own id for a well-known open licence SPDX does not list. */
	id: string;
	name: string;
	/** Where the licence text lives. */
	url?: string;
	/** Conformant with the Open Definition (free to use, reuse and redistribute, attribution allowed). */
	open: boolean;
}

/** Licences the register knows by name: the common open-data licences of Europe and a few others. */
const NAMED_LICENCES: readonly Licence[] = [
	{
		id: 'CC0-1.0',
		name: 'Creative Commons Zero 1.0',
		url: 'https://creativecommons.org/publicdomain/zero/1.0/',
		open: true,
	},
	{
		id: 'PDDL-1.0',
		name: 'Open Data Commons Public Domain Dedication and Licence 1.0',
		url: 'https://opendatacommons.org/licenses/pddl/1-0/',
		open: true,
	},
	{
		id: 'CC-BY-4.0',
		name: 'Creative Commons Attribution 4.0',
		url: 'https://creativecommons.org/licenses/by/4.0/',
		open: true,
	},
	{
		id: 'CC-BY-3.0',
		name: 'Creative Commons Attribution 3.0',
		url: 'https://creativecommons.org/licenses/by/3.0/',
		open: true,
	},
	{
		id: 'CC-BY-SA-4.0',
		name: 'Creative Commons Attribution-ShareAlike 4.0',
		url: 'https://creativecommons.org/licenses/by-sa/4.0/',
		open: true,
	},
	{
		id: 'ODC-By-1.0',
		name: 'Open Data Commons Attribution Licence 1.0',
		url: 'https://opendatacommons.org/licenses/by/1-0/',
		open: true,
	},
	{
		id: 'ODbL-1.0',
		name: 'Open Data Commons Open Database Licence 1.0',
		url: 'https://opendatacommons.org/licenses/odbl/1-0/',
		open: true,
	},
	{
		id: 'etalab-2.0',
		name: 'Licence Ouverte / Open Licence 2.0 (Etalab)',
		url: 'https://www.etalab.gouv.fr/licence-ouverte-open-licence/',
		open: true,
	},
	{
		id: 'OGL-UK-3.0',
		name: 'Open Government Licence v3.0',
		url: 'https://www.nationalarchives.gov.uk/doc/open-government-licence/version/3/',
		open: true,
	},
	{
		id: 'DL-DE-BY-2.0',
		name: 'Datenlizenz Deutschland – Namensnennung – 2.0',
		url: 'https://www.govdata.de/dl-de/by-2-0',
		open: true,
	},
	{
		id: 'DL-DE-ZERO-2.0',
		name: 'Datenlizenz Deutschland – Zero – 2.0',
		url: 'https://www.govdata.de/dl-de/zero-2-0',
		open: true,
	},
	{
		id: 'NLOD-2.0',
		name: 'Norwegian Licence for Open Government Data 2.0',
		url: 'https://data.norge.no/nlod/en/2.0',
		open: true,
	},
	{
		id: 'IODL-2.0',
		name: 'Italian Open Data Licence 2.0',
		url: 'https://www.dati.gov.it/content/italian-open-data-license-v20',
		open: true,
	},
	{
		id: 'EUPL-1.2',
		name: 'European Union Public Licence 1.2',
		url: 'https://joinup.ec.europa.eu/collection/eupl/eupl-text-eupl-12',
		open: true,
	},
	{
		// Eurostat's statistical data (and much Commission material) is reused under this decision,
		// not under CC BY: reuse for any purpose with the source acknowledged.
		id: 'EC-Reuse-2011-833',
		name: 'Commission Decision 2011/833/EU on the reuse of Commission documents',
		url: 'https://eur-lex.europa.eu/eli/dec/2011/833/oj',
		open: true,
	},
	{ id: 'MIT', name: 'MIT License', url: 'https://opensource.org/license/mit', open: true },
	{
		id: 'Apache-2.0',
		name: 'Apache License 2.0',
		url: 'https://www.apache.org/licenses/LICENSE-2.0',
		open: true,
	},
	{
		id: 'CC-BY-NC-4.0',
		name: 'Creative Commons Attribution-NonCommercial 4.0',
		url: 'https://creativecommons.org/licenses/by-nc/4.0/',
		open: false,
	},
	{
		id: 'CC-BY-ND-4.0',
		name: 'Creative Commons Attribution-NoDerivatives 4.0',
		url: 'https://creativecommons.org/licenses/by-nd/4.0/',
		open: false,
	},
];

/** Open licences by family: any version of these SPDX ids is open. */
const OPEN_FAMILIES =
	/^(CC0-|CC-BY-\d|CC-BY-SA-|ODC-By-|ODbL-|PDDL-|OGL-UK-|NLOD-|DL-DE-(BY|ZERO)-|EUPL-|etalab-)/i;

/** Spellings people use for licences that have an id, mapped to that id (compared lower-case, punctuation-free). */
const LICENCE_ALIASES: Readonly<Record<string, string>> = {
	licenceouverte: 'etalab-2.0',
	licenceouverte20: 'etalab-2.0',
	lo20: 'etalab-2.0',
	openlicence20: 'etalab-2.0',
	etalab: 'etalab-2.0',
	ogl: 'OGL-UK-3.0',
	ogl30: 'OGL-UK-3.0',
	oglv3: 'OGL-UK-3.0',
	opengovernmentlicence: 'OGL-UK-3.0',
	opengovernmentlicencev30: 'OGL-UK-3.0',
	dldeby20: 'DL-DE-BY-2.0',
	dldezero20: 'DL-DE-ZERO-2.0',
	ccby: 'CC-BY-4.0',
	ccby40: 'CC-BY-4.0',
	cczero: 'CC0-1.0',
	cc0: 'CC0-1.0',
	odbl: 'ODbL-1.0',
	nlod: 'NLOD-2.0',
	iodl: 'IODL-2.0',
	iodl20: 'IODL-2.0',
	decision2011833eu: 'EC-Reuse-2011-833',
	'2011833eu': 'EC-Reuse-2011-833',
};

const namedById = new Map(NAMED_LICENCES.map((licence) => [licence.id.toLowerCase(), licence]));
const spdxByLowerId = new Map((spdxIds as string[]).map((id) => [id.toLowerCase(), id]));

/** `LicenseRef-…` is SPDX's way to name a licence outside its list (a publisher's own terms). */
const CUSTOM_LICENCE = /^LicenseRef-[A-Za-z0-9.-]+$/;

function squash(text: string): string {
	return text.toLowerCase().replace(/[^a-z0-9]/g, '');
}

/** The canonical id for a declared licence, or undefined when it is not one we recognise. */
export function canonicalLicenceId(input: string): string | undefined {
	const lower = input.trim().toLowerCase();
	if (CUSTOM_LICENCE.test(input.trim())) return input.trim();
	return namedById.get(lower)?.id ?? spdxByLowerId.get(lower);
}

/** The id someone probably meant by an unrecognised licence name, if any. */
export function suggestLicenceId(input: string): string | undefined {
	return LICENCE_ALIASES[squash(input)];
}

/** What the register knows about a licence id that passed {@link canonicalLicenceId}. */
export function describeLicence(id: string): Licence {
	const named = namedById.get(id.toLowerCase());
	if (named) return named;
	if (CUSTOM_LICENCE.test(id))
		return { id, name: `Custom licence (${id.slice('LicenseRef-'.length)})`, open: false };
	return {
		id,
		name: id,
		url: `https://spdx.org/licenses/${id}.html`,
		open: OPEN_FAMILIES.test(id),
	};
}

export const EXAMPLE_LICENCE_IDS = [
	'etalab-2.0',
	'CC-BY-4.0',
	'ODbL-1.0',
	'OGL-UK-3.0',
	'DL-DE-BY-2.0',
] as const;
