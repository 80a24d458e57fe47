import { describe, expect, it } from 'vitest';
import { readGeoJson } from './readGeo';
import { reprojectorFromPrj } from './reproject';

const UTM28N = 'PROJCS["WGS_1984_UTM_Zone_28N",GEOGCS["GCS_WGS_1984",DATUM["D_WGS_1984",SPHEROID["WGS_1984",6378137.0,298.257223563]],PRIMEM["Greenwich",0.0],UNIT["Degree",0.0174532925199433]],PROJECTION["Transverse_Mercator"],PARAMETER["False_Easting",500000.0],PARAMETER["False_Northing",0.0],PARAMETER["Central_Meridian",-15.0],PARAMETER["Scale_Factor",0.9996],PARAMETER["Latitude_Of_Origin",0.0],UNIT["Meter",1.0]]';
const MERC = 'PROJCS["WGS_1984_Web_Mercator_Auxiliary_Sphere",GEOGCS["GCS_WGS_1984",DATUM["D_WGS_1984",SPHEROID["WGS_1984",6378137.0,298.257223563]],PRIMEM["Greenwich",0.0],UNIT["Degree",0.0174532925199433]],PROJECTION["Mercator_Auxiliary_Sphere"],PARAMETER["False_Easting",0.0],PARAMETER["False_Northing",0.0],PARAMETER["Central_Meridian",0.0],PARAMETER["Standard_Parallel_1",0.0],PARAMETER["Auxiliary_Sphere_Type",0.0],UNIT["Meter",1.0]]';

describe('reprojection to WGS84', () => {
  it('UTM zone 28N: the false origin on the equator is the central meridian, -15°', () => {
    const f = reprojectorFromPrj(UTM28N)!;
    const [lon, lat] = f([500000, 0]);
    expect(lon).toBeCloseTo(-15, 9);
    expect(lat).toBeCloseTo(0, 9);
  });

  it('Web Mercator: inverse of x = R·λ, y = R·ln tan(π/4 + φ/2) (R = 6378137 m)', () => {
    const f = reprojectorFromPrj(MERC)!;
    const R = 6378137, lon = -13.2343, lat = 8.4881, rad = Math.PI / 180;
    const [x, y] = [R * lon * rad, R * Math.log(Math.tan(Math.PI / 4 + (lat * rad) / 2))];
    const [lon2, lat2] = f([x, y]);
    expect(lon2).toBeCloseTo(lon, 7);
    expect(lat2).toBeCloseTo(lat, 7);
  });

  it('a geographic .prj needs none, even with a vertical part (OCHA COD files)', () => {
    expect(reprojectorFromPrj('GEOGCS["GCS_WGS_1984",DATUM["D_WGS_1984",SPHEROID["WGS_1984",6378137.0,298.257223563]]],VERTCS["WGS_1984"]')).toBeNull();
  });

  it('GeoJSON with a legacy crs member is reprojected; projected metres without one are refused', () => {
    const fc = (crs?: string) => JSON.stringify({ type: 'FeatureCollection', ...(crs ? { crs: { type: 'name', properties: { name: crs } } } : {}), features: [{ type: 'Feature', properties: {}, geometry: { type: 'Point', coordinates: [500000, 0] } }] });
    const layer = readGeoJson(fc('urn:ogc:def:crs:EPSG::32628'), 'x.geojson');
    expect((layer.features[0].geometry as GeoJSON.Point).coordinates[0]).toBeCloseTo(-15, 9);
    expect(layer.kind).toBe('points');
    expect(() => readGeoJson(fc(), 'y.geojson')).toThrow(/y.geojson: coordinates such as 500000, 0 are not longitude\/latitude/);
  });
});
