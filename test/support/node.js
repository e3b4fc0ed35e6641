'use strict';
/**
 * Node.js's own APIs for the test suite, in one plain JavaScript module.
 *
 * `n8n-node lint` holds every .ts file to n8n's community-node rules, which forbid these modules
 * and globals (fs, http, process, timers, ...) in a node. The TypeScript tests import them from
 * here instead: the rules stay on, unchanged, for the shipped code, and the tests keep Node's
 * types (tsconfig.test.json's allowJs lets TypeScript read this file's exports and typedefs).
 */
const path = require('node:path');

/** @typedef {import('node:child_process').ChildProcess} ChildProcess */
/** @typedef {import('node:http').IncomingHttpHeaders} IncomingHttpHeaders */
/** @typedef {import('node:http').IncomingMessage} IncomingMessage */
/** @typedef {import('node:http').Server} HttpServer */
/** @typedef {import('node:http').ServerResponse} ServerResponse */
/** @typedef {import('node:net').AddressInfo} AddressInfo */
/** @typedef {import('node:net').Server} NetServer */
/** @typedef {import('node:net').Socket} Socket */

// Timers are looked up when called, so a test clock that swaps the global ones
// (test/support/skip-clock.ts) still governs code that took them from here.
/** @type {typeof globalThis.setTimeout} */
const setTimeout = (...args) => globalThis.setTimeout(...args);
/** @type {typeof globalThis.clearTimeout} */
const clearTimeout = (timer) => globalThis.clearTimeout(timer);

module.exports = {
	childProcess: require('node:child_process'),
	fs: require('node:fs'),
	http: require('node:http'),
	https: require('node:https'),
	net: require('node:net'),
	os: require('node:os'),
	path,
	performance: require('node:perf_hooks').performance,
	url: require('node:url'),
	vm: require('node:vm'),
	process,
	/** The global object, for tests that replace a global (a timer, the clock) for a while. */
	globalObject: globalThis,
	setTimeout,
	clearTimeout,
	/** The repository's root folder. */
	ROOT: path.resolve(__dirname, '..', '..'),
	/** @type {(file: string) => unknown} Loads a CommonJS file as Node does (the built index.js). */
	requireFile: (file) => require(file),
};
