#!/usr/bin/env node
// The project carries Node 24 (node_modules/.bin/node), which runs the TypeScript sources directly.
import '../src/cli.ts';
