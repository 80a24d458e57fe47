// shpjs ships no types; only the entry used here is declared.
declare module 'shpjs' {
  export function getShapefile(input: { shp: ArrayBufferLike | ArrayBufferView; dbf?: ArrayBufferLike | ArrayBufferView; cpg?: string; prj?: string }): Promise<GeoJSON.FeatureCollection>;
}
