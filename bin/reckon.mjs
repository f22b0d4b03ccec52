#!/usr/bin/env node
// The `reckon` command. Runs the TypeScript sources through tsx, so the CLI is
// always the code in main/ (no separate build step to forget).
import { register } from 'tsx/esm/api';

register();
await import('../main/cli/main.ts');
