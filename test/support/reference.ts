import { ROOT, fs, path } from './node';

const { existsSync, readFileSync } = fs;
const { join } = path;

/** One field of a definition in section 6 of the reference: its schema text and description. */
export interface DefinitionField {
	schema: string;
	description: string;
}

export type Definitions = Record<string, Record<string, DefinitionField>>;

/** The reference beside the repository (../shared), when it is there. */
export const SHARED_REFERENCE = join(ROOT, '..', 'shared', 'lofty-api.txt');
/** Its section 6 as JSON, for checkouts without ../shared. */
export const DEFINITIONS_COPY = join(ROOT, 'test', 'fixtures', 'lofty-definitions.json');

const HEADING = /^6\.\d+\.\s+(.+)$/;
const SCHEMA_TEXT = /^(string|integer|number|boolean|object)(\(.*\))?$|^< .+ > array$/;

/**
 * Reads section 6 ("Definitions") of the reference: each definition is a heading "6.N. Name",
 * a header row ("Name | Description | Schema |" or "Name | Schema |"), a separator, then one
 * cell per line, each ending in "|".
 */
export function parseDefinitions(text: string): Definitions {
	const lines = text.split(/\r?\n/);
	const start = lines.findIndex((line) => line.trim() === '6. Definitions');
	if (start < 0) throw new Error('the reference has no section "6. Definitions"');
	const definitions: Definitions = {};
	let i = start + 1;
	while (i < lines.length) {
		const heading = HEADING.exec(lines[i].trim());
		if (!heading) {
			i++;
			continue;
		}
		const name = heading[1].trim();
		const fields: Record<string, DefinitionField> = {};
		definitions[name] = fields;
		i++;
		const header = (lines[i] ?? '').split('|').map((cell) => cell.trim()).filter(Boolean);
		if (header[0] !== 'Name') continue;
		i += 2; // header and separator
		// A line may hold several cells ("||" is two empty ones).
		const cells: string[] = [];
		while (i < lines.length && !HEADING.test(lines[i].trim())) {
			cells.push(...lines[i].split('|').slice(0, -1).map((cell) => cell.trim()));
			i++;
		}
		// The last row of a definition may lack its last cells (AgentProfile.workInfo has no schema).
		for (let c = 0; c < cells.length; c += header.length) {
			const row = cells.slice(c, c + header.length);
			if (row[0] === '') continue;
			let schema = row[header.indexOf('Schema')] ?? '';
			let description = header.includes('Description') ? row[header.indexOf('Description')] : '';
			// A row without a description puts its schema in the description's place.
			if (schema === '' && SCHEMA_TEXT.test(description)) [schema, description] = [description, ''];
			fields[row[0]] = { schema, description };
		}
	}
	return definitions;
}

export function loadDefinitions(): Definitions {
	if (existsSync(SHARED_REFERENCE)) return parseDefinitions(readFileSync(SHARED_REFERENCE, 'utf8'));
	return JSON.parse(readFileSync(DEFINITIONS_COPY, 'utf8')) as Definitions;
}
