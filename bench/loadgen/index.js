// @ts-check
'use strict';
// The load tester as a library (bench/run.mjs and the big-run script use it); the CLI is cli.js.
const { registerCodec } = require('./codecs');
const { DEFAULTS, parseArgs, usage } = require('./options');
const { formatReport, limiter } = require('./report');
const { runLoad } = require('./run-load');

module.exports = { runLoad, formatReport, limiter, parseArgs, usage, DEFAULTS, registerCodec };
