import type { ICredentialType, INodeType } from 'n8n-workflow';

import { ROOT as root, fs, path, requireFile } from './support/node';

const { existsSync, readFileSync, readdirSync } = fs;
const { dirname, join, resolve } = path;
const pkg = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8'));

/** Resolves an icon's "file:" path the way n8n does: relative to the compiled file that declares it. */
function iconFiles(icon: unknown, declaredIn: string): string[] {
	const paths = typeof icon === 'string' ? [icon] : Object.values((icon ?? {}) as Record<string, string>);
	return paths.map((path) => resolve(dirname(declaredIn), path.replace(/^file:/, '')));
}

describe('the published package', () => {
	beforeAll(() => {
		if (!existsSync(join(root, 'dist'))) throw new Error('dist/ is missing: run "npm run build" (npm run check does) first');
	});

	it('is a community node package with only n8n-workflow as a peer and no runtime dependencies', () => {
		expect(pkg.name).toBe('n8n-nodes-lofty');
		expect(pkg.keywords).toContain('n8n-community-node-package');
		expect(pkg.license).toBe('MIT');
		expect(pkg.peerDependencies).toEqual({ 'n8n-workflow': '*' });
		expect(pkg.dependencies ?? {}).toEqual({});
	});

	it('states one minimum n8n version, in package.json (engines.n8n) and in the README', () => {
		const readme = readFileSync(join(root, 'README.md'), 'utf8');
		const stated = /^\*\*n8n (\d+\.\d+\.\d+) or later\*\*/m.exec(readme)?.[1];
		expect(stated).toBeDefined();
		expect(pkg.engines.n8n).toBe(`>=${stated}`);
	});

	it('registers every node file and credential file, all under dist/', () => {
		const nodeDirs = readdirSync(join(root, 'nodes')).filter((dir) => existsSync(join(root, 'nodes', dir, `${dir}.node.ts`)));
		expect(pkg.n8n.nodes).toEqual(nodeDirs.map((dir) => `dist/nodes/${dir}/${dir}.node.js`));
		const credentialFiles = readdirSync(join(root, 'credentials')).filter((file) => file.endsWith('.credentials.ts'));
		expect(pkg.n8n.credentials).toEqual(credentialFiles.map((file) => `dist/credentials/${file.replace(/\.ts$/, '.js')}`));
		for (const file of [...pkg.n8n.nodes, ...pkg.n8n.credentials]) expect(existsSync(join(root, file))).toBe(true);
	});

	it('index.js exports every built node and credential class, whose icons and codex ship in dist/', () => {
		const exported = requireFile(join(root, 'index.js')) as Record<string, new () => INodeType | ICredentialType>;
		const className = (file: string) => file.split('/').pop()!.replace(/\.(node|credentials)\.js$/, '');
		const expected = [...pkg.n8n.nodes, ...pkg.n8n.credentials].map(className).sort();
		expect(Object.keys(exported).sort()).toEqual(expected);
		expect(pkg.n8n.nodes).toHaveLength(20);

		for (const file of pkg.n8n.nodes as string[]) {
			const name = className(file);
			const node = new exported[name]() as INodeType;
			const { description } = node;
			expect(description.name).toBe(name.charAt(0).toLowerCase() + name.slice(1));
			// The webhook trigger says what it is: n8n's node panel would show a bare "Lofty" for "Lofty Trigger".
			const displayName = name === 'LoftyTrigger' ? 'Lofty Events Trigger' : name.replace(/^Lofty/, 'Lofty ').replace(/([a-z])([A-Z])/g, '$1 $2');
			expect(description.displayName).toBe(displayName);
			const isTrigger = name.endsWith('Trigger');
			// Action nodes can be used by n8n's AI agents; triggers cannot.
			expect(description.usableAsTool).toBe(isTrigger ? undefined : true);
			expect(description.inputs).toEqual(isTrigger ? [] : ['main']);
			const icons = iconFiles(description.icon, join(root, file));
			expect(icons).toHaveLength(2);
			for (const icon of icons) expect(existsSync(icon)).toBe(true);
			const codex = JSON.parse(readFileSync(join(root, file.replace(/\.js$/, '.json')), 'utf8'));
			expect(codex.node).toBe(`n8n-nodes-lofty.${description.name}`);
			expect(codex.categories).toEqual(expect.arrayContaining(['Sales']));
		}

		for (const name of ['LoftyApi', 'LoftyOAuth2Api']) {
			const credential = new exported[name]() as ICredentialType;
			const icons = iconFiles(credential.icon, join(root, `dist/credentials/${name}.credentials.js`));
			expect(icons).toHaveLength(2);
			for (const icon of icons) expect(existsSync(icon)).toBe(true);
		}
	});

	it('ships the output schema of every operation, all 81, beside the compiled nodes', () => {
		// Files under <folder>/<Node>/__schema__, from <folder>.
		const schemaFiles = (folder: string) =>
			readdirSync(folder).flatMap((node) => {
				const base = join(folder, node, '__schema__');
				if (!existsSync(base)) return [];
				const walk = (at: string): string[] =>
					readdirSync(join(base, at), { withFileTypes: true }).flatMap((entry) =>
						entry.isDirectory() ? walk(join(at, entry.name)) : [join(node, '__schema__', at, entry.name)],
					);
				return walk('');
			});
		const shipped = schemaFiles(join(root, 'dist', 'nodes')).sort();
		expect(shipped.filter((file) => /__schema__\/v1\.0\.0\/[^/]+\/[^/]+\.json$/.test(file))).toHaveLength(81);
		expect(shipped).toEqual(schemaFiles(join(root, 'nodes')).sort());
		for (const file of shipped) expect(readFileSync(join(root, 'dist', 'nodes', file), 'utf8')).toBe(readFileSync(join(root, 'nodes', file), 'utf8'));
	});
});
