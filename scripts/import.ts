/**
 * npm run import -- [--source id,id] [--data-dir D] [--allow-private] [--dry-run]
 *
 * Reads every source of data/sources/ through its adapter and writes data/imported/<source>/.
 * Exit 0 when the run completed (whatever the sources' outcomes), 2 when no source could be read
 * at all, 1 on a usage error or a crash. See src/lib/import/import-command.ts.
 */
import { importCommand } from '../src/lib/import/import-command.ts';

await importCommand();
