/// <reference lib="webworker" />
// Runs the import engine off the main thread: reading shapefiles, rasters and spreadsheets, point-in-polygon and
// Parquet writing can take seconds, and the page must stay responsive meanwhile.
import init, { Table as WasmTable, writeParquet } from 'parquet-wasm/esm';
import wasmUrl from 'parquet-wasm/esm/parquet_wasm_bg.wasm?url';
import { importDataset, type ImportResult, type InputFile } from './importDataset';
import type { ImportMapping } from './importMapping';
import { importTravelFiles } from './travelFiles';
import { writeTables, type ParquetWriter } from './writeTables';

export type ImportRequest = { files: readonly InputFile[]; mapping?: ImportMapping };
export type ImportResponse =
  | { ok: true; files: InputFile[]; result: Omit<ImportResult, 'tables' | 'boundaries' | 'parquet'> }
  | { ok: false; message: string };

const ready = init({ module_or_path: wasmUrl });

self.onmessage = async (event: MessageEvent<ImportRequest>) => {
  try {
    await ready;
    const travel = await importTravelFiles(event.data.files); // issue 17: roads, water, friction rasters
    const r = await importDataset(travel.rest, event.data.mapping);
    r.notes.push(...travel.notes);
    const files = [
      ...travel.outputs,
      ...writeTables({ writeParquet, Table: WasmTable } as unknown as ParquetWriter, r.tables),
      ...r.parquet,
      { name: 'boundaries.geojson', bytes: new TextEncoder().encode(JSON.stringify(r.boundaries)) },
    ];
    const { tables: _t, boundaries: _b, parquet: _p, ...result } = r;
    const msg: ImportResponse = { ok: true, files, result };
    (self as unknown as Worker).postMessage(msg, files.map((f) => f.bytes.buffer as ArrayBuffer));
  } catch (e) {
    const msg: ImportResponse = { ok: false, message: e instanceof Error ? e.message : String(e) };
    (self as unknown as Worker).postMessage(msg);
  }
};
