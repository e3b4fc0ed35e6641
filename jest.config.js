/** Jest runs the TypeScript sources through ts-jest; tests live under test/. */
module.exports = {
	preset: 'ts-jest',
	testEnvironment: 'node',
	roots: ['<rootDir>/test'],
	testMatch: ['**/*.test.ts'],
	transform: {
		'^.+\\.ts$': ['ts-jest', { tsconfig: 'tsconfig.test.json' }],
	},
	testTimeout: 60_000,
	// The run fails if it leaves temp folders or rewritten files behind.
	globalSetup: '<rootDir>/test/support/no-trace.js',
	globalTeardown: '<rootDir>/test/support/no-trace-teardown.js',
};
