/**
 * Run on every new DuckDB-WASM instance. Autoloading is off so that a query needing an extension
 * (parquet, json, icu) fails at once with a catalog error instead of hanging on a CDN request
 * (measured: duckdb-wasm 1.32 has no built-in Parquet; offline, autoload hangs).
 * Tables live in a compressed in-memory database (DuckDB >= 1.3 `COMPRESS`): the same lightweight compression as
 * DuckDB's files (bit-packing, ALP, dictionary+FSST), transparent to queries, for a fraction of the wasm memory
 * (README, *Design notes and measurements*). TEMP tables stay in the uncompressed temp catalog.
 */
export const ENGINE_SETUP_SQL: readonly string[] = [
  'SET autoload_known_extensions = false',
  'SET autoinstall_known_extensions = false',
  "ATTACH ':memory:' AS store (COMPRESS)",
  'USE store',
];
