// The cold-start floor: start DuckDB-WASM exactly as the app does (same bundle, same worker, same set-up SQL) and
// answer one query. Nothing else: no data, no React, no charts.
import { createBrowserDb } from '../../src/db/browserDb';

const db = await createBrowserDb();
await db.rows('SELECT 1 AS one');
performance.mark('engine-ready');
document.getElementById('status')!.textContent = 'ready';
