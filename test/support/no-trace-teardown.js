// Jest takes global setup and teardown from two files; both live in no-trace.js.
module.exports = require('./no-trace').teardown;
