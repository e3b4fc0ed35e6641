import { CATALOGUE_COPY, SHARED_CATALOGUE, coverage, loadCatalogue, reachableOperations } from './support/catalogue';
import { allNodeTypes } from './support/nodes';
import { fs, process } from './support/node';

const { existsSync, readFileSync } = fs;

/** Every group of the reference: each must be reached in full. */
const BUILT_GROUPS = [...new Set(loadCatalogue().map((endpoint) => endpoint.group))];

describe('endpoint catalogue', () => {
	const catalogue = loadCatalogue();
	const table = coverage(catalogue, reachableOperations(allNodeTypes()));

	it('lists the 80 endpoints of the reference; the repository copy matches ../shared when present', () => {
		expect(catalogue).toHaveLength(80);
		const copy = JSON.parse(readFileSync(CATALOGUE_COPY, 'utf8'));
		expect(copy).toEqual(existsSync(SHARED_CATALOGUE) ? JSON.parse(readFileSync(SHARED_CATALOGUE, 'utf8')) : catalogue);
	});

	it.each(BUILT_GROUPS)('reaches every endpoint of the %s group from some operation', (group) => {
		const rows = table.filter((row) => row.endpoint.group === group);
		const missing = rows.filter((row) => row.via.length === 0).map((row) => `${row.endpoint.method} ${row.endpoint.path}`);
		expect(rows.length).toBeGreaterThan(0);
		expect(missing).toEqual([]);
	});

	it('reports the coverage table', () => {
		const reached = table.filter((row) => row.via.length > 0);
		const lines = table.map(
			(row) =>
				`${row.via.length ? 'reached' : 'missing'}  ${row.endpoint.group.padEnd(22)} ${row.endpoint.method.padEnd(6)} ${row.endpoint.path}` +
				(row.via.length ? `  <- ${row.via.map((op) => `${op.node} ${op.resource}:${op.operation}`).join(', ')}` : ''),
		);
		process.stdout.write(`\nEndpoints reached: ${reached.length}/${table.length}\n${lines.join('\n')}\n`);
		expect(BUILT_GROUPS).toHaveLength(17 + 1);
		expect(reached).toHaveLength(80);
	});
});
