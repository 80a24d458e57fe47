import { fromArrayBuffer } from 'geotiff';
import { describe, expect, it } from 'vitest';
import { writeGeoTiff, type RasterArray } from './writeGeoTiff';

const read = async (bytes: Uint8Array) => (await fromArrayBuffer(bytes.buffer.slice(bytes.byteOffset, bytes.byteOffset + bytes.byteLength) as ArrayBuffer)).getImage();

describe('writeGeoTiff, read back with the geotiff library', () => {
  const grid = { west: -13.3, north: 10.0, cellLonDeg: 0.0009, cellLatDeg: 0.0008993, width: 7, height: 5 };
  it.each([
    ['Float32', Float32Array.from({ length: 35 }, (_, i) => (i === 4 ? -9999 : i * 1.5 + 0.25)), -9999],
    ['Int32', Int32Array.from({ length: 35 }, (_, i) => i * 100_000 - 7), null],
    ['Uint16', Uint16Array.from({ length: 35 }, (_, i) => i * 1000), 0],
  ] as [string, RasterArray, number | null][])('%s: values, grid, EPSG:4326 and nodata survive', async (_, values, nodata) => {
    const image = await read(writeGeoTiff(values, grid, nodata));
    expect([image.getWidth(), image.getHeight()]).toEqual([7, 5]);
    expect(image.getOrigin().slice(0, 2)).toEqual([-13.3, 10.0]);
    expect(image.getResolution().slice(0, 2)).toEqual([0.0009, -0.0008993]);
    expect(image.getGeoKeys()).toMatchObject({ GTModelTypeGeoKey: 2, GTRasterTypeGeoKey: 1, GeographicTypeGeoKey: 4326 });
    expect(image.getGDALNoData()).toBe(nodata);
    const [band] = (await image.readRasters({ samples: [0] })) as unknown as RasterArray[];
    expect(band.constructor).toBe(values.constructor);
    expect(Array.from(band)).toEqual(Array.from(values));
  });
});
