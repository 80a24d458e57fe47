/**
 * Run on every new DuckDB-WASM instance. Autoloading is off so that a query needing an extension
 * (parquet, json, icu) fails at once with a catalog error instead of hanging on a CDN request
 * (measured: duckdb-wasm 1.32 has no built-in Parquet; offline, autoload hangs).
 */
export const ENGINE_SETUP_SQL: readonly string[] = [
  'SET autoload_known_extensions = false',
  'SET autoinstall_known_extensions = false',
];
