/** Jest runs the TypeScript sources through ts-jest; tests live under test/. */
const project = {
	preset: 'ts-jest',
	testEnvironment: 'node',
	roots: ['<rootDir>/test'],
	testMatch: ['**/*.test.ts'],
	transform: {
		'^.+\\.ts$': ['ts-jest', { tsconfig: 'tsconfig.test.json' }],
	},
};

module.exports = {
	testTimeout: 60_000,
	// The run fails if it leaves temp folders or rewritten files behind.
	globalSetup: '<rootDir>/test/support/no-trace.js',
	globalTeardown: '<rootDir>/test/support/no-trace-teardown.js',
	projects: [
		// The nodes as n8n runs them: their customOperations route each request (nodes/shared/executor.ts).
		{ ...project, displayName: 'lofty router' },
		// The node suites again under n8n's own RoutingNode, reading the same descriptions: both must
		// send the same requests and give the same output. Timing, trigger, property and package suites
		// do not route through either, so they run once.
		{
			...project,
			displayName: "n8n's router",
			setupFiles: ['<rootDir>/test/support/n8n-router.ts'],
			testPathIgnorePatterns: [
				'/node_modules/',
				'/test/(catalogue|credentials|editor|lead-trigger|load-options|package|pagination|properties|reliability|start|throttle|throttle-shared|trigger)\\.test\\.ts$',
				'/test/fake-lofty/',
			],
		},
	],
};
