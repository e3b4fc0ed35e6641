import { existsSync, readFileSync, readdirSync } from 'fs';
import { dirname, join, resolve } from 'path';
import type { ICredentialType, INodeType } from 'n8n-workflow';

const root = resolve(__dirname, '..');
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

	it('registers every node file and credential file, all under dist/', () => {
		const nodeDirs = readdirSync(join(root, 'nodes')).filter((dir) => existsSync(join(root, 'nodes', dir, `${dir}.node.ts`)));
		expect(pkg.n8n.nodes).toEqual(nodeDirs.map((dir) => `dist/nodes/${dir}/${dir}.node.js`));
		const credentialFiles = readdirSync(join(root, 'credentials')).filter((file) => file.endsWith('.credentials.ts'));
		expect(pkg.n8n.credentials).toEqual(credentialFiles.map((file) => `dist/credentials/${file.replace(/\.ts$/, '.js')}`));
		for (const file of [...pkg.n8n.nodes, ...pkg.n8n.credentials]) expect(existsSync(join(root, file))).toBe(true);
	});

	it('index.js exports the built node and credential classes, whose icons ship in dist/', () => {
		const exported = require(join(root, 'index.js')) as Record<string, new () => INodeType | ICredentialType>;
		expect(Object.keys(exported).sort()).toEqual(['LoftyApi', 'LoftyLead', 'LoftyOAuth2Api']);

		const lead = new exported.LoftyLead() as INodeType;
		expect(lead.description.name).toBe('loftyLead');
		expect(lead.description.usableAsTool).toBe(true);
		const leadFile = join(root, 'dist/nodes/LoftyLead/LoftyLead.node.js');
		for (const icon of iconFiles(lead.description.icon, leadFile)) expect(existsSync(icon)).toBe(true);
		expect(existsSync(join(root, 'dist/nodes/LoftyLead/LoftyLead.node.json'))).toBe(true);

		for (const name of ['LoftyApi', 'LoftyOAuth2Api']) {
			const credential = new exported[name]() as ICredentialType;
			const file = join(root, `dist/credentials/${name}.credentials.js`);
			const icons = iconFiles(credential.icon, file);
			expect(icons).toHaveLength(2);
			for (const icon of icons) expect(existsSync(icon)).toBe(true);
		}
	});
});
