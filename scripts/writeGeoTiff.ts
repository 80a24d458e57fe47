/**
 * A single-band, uncompressed, little-endian GeoTIFF in EPSG:4326, written in one pass: header, one IFD, one strip
 * copied from the typed array as it is. The geotiff package's writer converts every value through its own DataView
 * (about 30 s for a 100 m national grid here) and writes Int32 arrays as zeros; this takes well under a second.
 * Tags: TIFF 6.0 baseline (256-339), GeoTIFF 1.0 (33550 pixel scale, 33922 tie point, 34735 key directory: model type
 * geographic, raster "pixel is area", EPSG:4326) and GDAL's nodata (42113, ASCII). Read back with geotiff in its test.
 */
export type RasterArray = Float32Array | Int32Array | Uint16Array | Uint8Array;

export interface GeoTiffGrid { west: number; north: number; cellLonDeg: number; cellLatDeg: number; width: number; height: number }

const SHORT = 3, LONG = 4, DOUBLE = 12, ASCII = 2;

export function writeGeoTiff(values: RasterArray, g: GeoTiffGrid, nodata: number | null): Uint8Array {
  if (values.length !== g.width * g.height) throw new RangeError(`raster holds ${values.length} values, its grid ${g.width} x ${g.height}`);
  const bits = values.BYTES_PER_ELEMENT * 8;
  const format = values instanceof Float32Array ? 3 : values instanceof Int32Array ? 2 : 1;
  const nodataText = nodata === null ? null : `${nodata}\0`;
  const entries: [tag: number, type: number, data: number[] | string][] = [
    [256, LONG, [g.width]], [257, LONG, [g.height]], [258, SHORT, [bits]], [259, SHORT, [1]], [262, SHORT, [1]],
    [273, LONG, [0]], [277, SHORT, [1]], [278, LONG, [g.height]], [279, LONG, [values.byteLength]], [284, SHORT, [1]], [339, SHORT, [format]],
    [33550, DOUBLE, [g.cellLonDeg, g.cellLatDeg, 0]], [33922, DOUBLE, [0, 0, 0, g.west, g.north, 0]],
    [34735, SHORT, [1, 1, 0, 3, 1024, 0, 1, 2, 1025, 0, 1, 1, 2048, 0, 1, 4326]],
    ...(nodataText ? [[42113, ASCII, nodataText] as [number, number, string]] : []),
  ];
  const size = (t: number) => (t === DOUBLE ? 8 : t === LONG ? 4 : t === SHORT ? 2 : 1);
  const ifdStart = 8;
  const ifdBytes = 2 + entries.length * 12 + 4;
  let extra = ifdStart + ifdBytes;
  const extras: { offset: number; type: number; data: number[] | string }[] = [];
  const placed = entries.map(([tag, type, data]) => {
    const n = data.length;
    if (n * size(type) <= 4) return { tag, type, n, inline: data, offset: 0 };
    extra += extra % 8; // doubles on 8-byte boundaries
    const offset = extra;
    extras.push({ offset, type, data });
    extra += n * size(type);
    return { tag, type, n, inline: null, offset };
  });
  const stripOffset = extra + ((8 - (extra % 8)) % 8);
  const out = new Uint8Array(stripOffset + values.byteLength);
  const v = new DataView(out.buffer);
  v.setUint16(0, 0x4949, true);
  v.setUint16(2, 42, true);
  v.setUint32(4, ifdStart, true);
  v.setUint16(ifdStart, entries.length, true);
  const put = (at: number, type: number, data: number[] | string) => {
    if (typeof data === 'string') for (let i = 0; i < data.length; i++) out[at + i] = data.charCodeAt(i);
    else data.forEach((x, i) => (type === DOUBLE ? v.setFloat64(at + 8 * i, x, true) : type === LONG ? v.setUint32(at + 4 * i, x, true) : v.setUint16(at + 2 * i, x, true)));
  };
  placed.forEach((e, i) => {
    const at = ifdStart + 2 + i * 12;
    v.setUint16(at, e.tag, true);
    v.setUint16(at + 2, e.type, true);
    v.setUint32(at + 4, e.n, true);
    if (e.tag === 273) v.setUint32(at + 8, stripOffset, true);
    else if (e.inline) put(at + 8, e.type, e.inline);
    else v.setUint32(at + 8, e.offset, true);
  });
  v.setUint32(ifdStart + 2 + entries.length * 12, 0, true);
  for (const x of extras) put(x.offset, x.type, x.data);
  out.set(new Uint8Array(values.buffer, values.byteOffset, values.byteLength), stripOffset);
  return out;
}
