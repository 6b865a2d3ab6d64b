/**
 * `npm run import` as the CLI runs it, with the test adapter in place of the registry: the tests
 * run this file with the same arguments a person would give the script.
 */
import { importCommand } from '../../../src/lib/import/import-command.ts';
import { loadJsonlAdapter } from './jsonl-adapter.ts';

await importCommand({ loadAdapter: loadJsonlAdapter });
