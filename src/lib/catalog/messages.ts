/**
 * Every message the catalog rules can give, in one place. Each reads `<what is wrong> — <how to
 * fix>`; the validator prints it after `<file>: <field>: `. Schema-level messages live beside
 * their fields in src/schemas/.
 */
/** What fixes a machine-written import file: the importer writes it again from the source. */
export const IMPORT_FIX = 'delete the folder; the next nightly import writes it again';

export const MESSAGES = {
	notAnEntryFile: (name: string) =>
		`${name} is not where entries live — put each entry at data/catalog/<country>/<id>.md (lower-case country folder)`,
	publisherFileExtension: (name: string) =>
		`${name} is not a publisher file — name publisher files <id>.yaml in data/publishers/`,
	unreadable: (reason: string) =>
		`cannot be read (${reason}) — check the file's permissions and encoding`,
	idNotFileName: (id: string, fileId: string) =>
		`"${id}" differs from the file name "${fileId}" — rename the file to ${id}.md or set id: ${fileId}`,
	idCountryPrefix: (id: string, prefix: string) =>
		`"${id}" does not start with "${prefix}-" — ids are <country>-<slug>; rename it ${prefix}-${id.replace(/^[a-z]{2}-/, '')} (file too)`,
	folderNotCountry: (folder: string, country: string) =>
		`is ${country} but the file is in catalog/${folder}/ — move the file to data/catalog/${country.toLowerCase()}/ or correct the country`,
	duplicateId: (id: string, other: string) =>
		`"${id}" is also used by ${other} — ids must be unique; pick another slug`,
	likelyDuplicate: (other: string, otherField: string) =>
		`points at the same resource as ${otherField} of ${other} — if it is the same API, update that entry instead of adding a new one`,
	unknownPublisher: (id: string, guess: string | undefined) =>
		guess
			? `"${id}" is not a publisher — did you mean ${guess}? Or add data/publishers/${id}.yaml`
			: `"${id}" is not a publisher — add data/publishers/${id}.yaml or use an existing publisher id`,
	publisherCountryDiffers: (publisher: string, publisherCountry: string, country: string) =>
		`publisher ${publisher} is in ${publisherCountry} but the entry says ${country} — check the country, or the publisher`,
	urlRawIp: (host: string) =>
		`uses the raw IP address ${host} — link to the service by its domain name`,
	urlBlockedAddress: (detail: string) =>
		`points at a private, loopback or link-local address (${detail}) — link to the public address of the service`,
	urlPrivateName: (host: string) =>
		`points at ${host}, a name for a local or private network — link to the public address of the service`,
	urlSingleLabel: (host: string) =>
		`has the host "${host}", which is not a public domain name — write the full domain, e.g. api.example.gouv.fr`,
	urlPlainHttp: () =>
		'uses http://, not https:// — use the https:// address if the service has one (kept, with this warning, if it has none)',
	htmlInText: () =>
		'contains HTML markup — write plain text; markup is shown as typed, never rendered',
	descriptionMissing: () =>
		'is empty — write a few sentences in your own words below the frontmatter: what it offers, who it is for, how to get access',
	publisherIdNotFileName: (id: string, fileId: string) =>
		`"${id}" differs from the file name "${fileId}" — rename the file to ${id}.yaml or set id: ${fileId}`,
	publisherHomepageOffDomain: (host: string) =>
		`is on ${host}, which is not among officialDomains — add the domain to officialDomains if the body controls it`,
	sourceFileExtension: (name: string) =>
		`${name} is not a source file — name source files <id>.yaml in data/sources/`,
	sourceIdNotFileName: (id: string, fileId: string) =>
		`"${id}" differs from the file name "${fileId}" — rename the file to ${id}.yaml or set id: ${fileId}`,
	duplicateSourceId: (id: string, other: string) =>
		`"${id}" is also used by ${other} — each source has its own id; pick another`,
	duplicateSourceEndpoint: (other: string, otherField: string) =>
		`is also ${otherField} of ${other} — one source per catalogue; extend that file instead`,
	sourceCatalogueDisagrees: (id: string, field: string, expected: string, got: string) =>
		`is ${got} but the catalogue ${id} in src/lib/vocab/catalogues.ts says ${expected} — set ${field}: ${expected}, or correct the vocabulary`,
	sourceHomepageOffCatalogue: (host: string, domain: string, id: string) =>
		`is on ${host}, not on ${domain} — link to the ${id} catalogue's own site`,
	unknownParent: (parent: string) =>
		`"${parent}" is not a publisher — add data/publishers/${parent}.yaml or remove parent`,
	noCatalog: (dir: string) =>
		`${dir} has no catalog/ folder — pass --data-dir pointing at a folder holding catalog/ and publishers/`,
	datasetWithoutDistributions: () =>
		'is empty — list at least one download or access URL so people (and the verifier) can reach the data',
	apiWithoutBaseUrl: () =>
		'is missing — add the base URL that API paths hang off, so the register can check the API answers',
	addedInFuture: (date: string) => `${date} is in the future — use the date you add the entry`,
	importedNotJson: (reason: string) => `is not a JSON record (${reason}) — ${IMPORT_FIX}`,
	importedInvalid: (message: string) => `${message} — ${IMPORT_FIX}`,
	importedWrongSource: (source: string, folder: string) =>
		`names source "${source}" but lies in imported/${folder}/ — ${IMPORT_FIX}`,
	importedNoSource: (folder: string) =>
		`imported/${folder}/ belongs to no valid source — add data/sources/${folder}.yaml (and fix it if it has errors), or delete the folder`,
	importedNoRecords: (folder: string) =>
		`imported/${folder}/ holds neither records.ndjson nor records/<hh>.ndjson — ${IMPORT_FIX}`,
	importedStrayFile: (name: string) => `${name} is not a file the importer writes — ${IMPORT_FIX}`,
	importedIdTaken: (id: string, other: string) =>
		`"${id}" is also used by ${other}, which is not the same API — ${IMPORT_FIX} (it then gets an id of its own)`,
	importedPublisherUnmatched: (id: string) =>
		`says it matches data/publishers/${id}.yaml, which does not exist — ${IMPORT_FIX}`,
	importedPublisherTaken: (id: string) =>
		`"${id}" is the id of data/publishers/${id}.yaml but is not matched to it — ${IMPORT_FIX}`,
} as const;
