// ESLint 9 flat config for n8n-nodes-lofty.
//
// Rule sets:
//  - @n8n/eslint-plugin-community-nodes `recommended` (flat, ESM) on nodes, credentials and package.json
//  - eslint-plugin-n8n-nodes-base (eslintrc-style configs) mapped onto flat config:
//      community   -> package.json
//      credentials -> credentials/**/*.ts
//      nodes       -> nodes/**/*.ts
//  - no-console as an error for nodes and credentials
//
// Every rule runs at the severity its config assigns; nothing is switched off here.
//
// package.json is parsed by @typescript-eslint/parser (with `.json` as an extra
// extension): TypeScript turns a JSON file into Program > ExpressionStatement >
// ObjectExpression, which is the AST shape both plugins' package.json rules
// listen for. A JSON-specific parser (jsonc-eslint-parser) emits JSON* node
// types instead, so those rules would silently never fire.

import tsParser from '@typescript-eslint/parser';
import communityNodes from '@n8n/eslint-plugin-community-nodes';
import nodesBase from 'eslint-plugin-n8n-nodes-base';

const NODE_FILES = ['nodes/**/*.ts'];
const CREDENTIAL_FILES = ['credentials/**/*.ts'];
const PACKAGE_JSON = ['package.json'];

const recommended = communityNodes.configs.recommended;

export default [
	{
		ignores: ['dist/**', 'node_modules/**', 'coverage/**', 'test-artifacts/**'],
	},

	// Parsing for TypeScript sources.
	{
		files: [...NODE_FILES, ...CREDENTIAL_FILES],
		languageOptions: {
			parser: tsParser,
			ecmaVersion: 'latest',
			sourceType: 'module',
		},
	},

	// Parsing for package.json (see header comment).
	{
		files: PACKAGE_JSON,
		languageOptions: {
			parser: tsParser,
			parserOptions: {
				extraFileExtensions: ['.json'],
			},
		},
	},

	// Register the n8n-nodes-base plugin once for every linted file.
	{
		files: [...NODE_FILES, ...CREDENTIAL_FILES, ...PACKAGE_JSON],
		plugins: { 'n8n-nodes-base': nodesBase },
	},

	// @n8n/eslint-plugin-community-nodes recommended, as shipped.
	{
		...recommended,
		files: [...NODE_FILES, ...CREDENTIAL_FILES, ...PACKAGE_JSON],
	},

	// eslint-plugin-n8n-nodes-base rule sets, each on its own files.
	{
		files: PACKAGE_JSON,
		rules: { ...nodesBase.configs.community.rules },
	},
	{
		files: CREDENTIAL_FILES,
		rules: { ...nodesBase.configs.credentials.rules },
	},
	{
		files: NODE_FILES,
		rules: { ...nodesBase.configs.nodes.rules },
	},

	{
		files: [...NODE_FILES, ...CREDENTIAL_FILES],
		rules: { 'no-console': 'error' },
	},

	// The one exception. Within n8n-nodes-base's credentials set, three rules cannot all pass:
	// -missing wants a documentationUrl, -not-http-url wants it to be an http(s) URL (for
	// community packages), -miscased wants it unchanged by camelCase, which no URL can be
	// (camelCase strips ":" and "/"). -miscased describes itself as "only applicable to nodes
	// in the main repository", and n8n's own node CLI config leaves it out for community
	// packages; so do we. Every other rule runs at its configured severity.
	{
		files: CREDENTIAL_FILES,
		rules: { 'n8n-nodes-base/cred-class-field-documentation-url-miscased': 'off' },
	},
];
