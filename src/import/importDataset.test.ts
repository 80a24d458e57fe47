import { describe, expect, it } from 'vitest';
import { importDataset, type InputFile } from './importDataset';
import { parseMapping } from './importMapping';

const enc = (s: string) => new TextEncoder().encode(s);
const square = (x: number, y: number, size: number) => [[[x, y], [x + size, y], [x + size, y + size], [x, y + size], [x, y]]];

/** Two provinces (TopoJSON, drawn by hand: each a square of four arcs) side by side, 2° x 2° each. */
function provincesTopo(): InputFile {
  const arcs = [
    [[0, 0], [2, 0], [2, 2], [0, 2], [0, 0]],
    [[2, 0], [4, 0], [4, 2], [2, 2], [2, 0]],
  ];
  const topo = {
    type: 'Topology', arcs, objects: {
      adm1: { type: 'GeometryCollection', geometries: [
        { type: 'Polygon', arcs: [[0]], properties: { ADM1_PCODE: 'XY01', ADM1_EN: 'West', ADM0_PCODE: 'XY', ADM0_EN: 'Testland' } },
        { type: 'Polygon', arcs: [[1]], properties: { ADM1_PCODE: 'XY02', ADM1_EN: 'East', ADM0_PCODE: 'XY', ADM0_EN: 'Testland' } },
      ] },
    },
  };
  return { name: 'xy_adm1.topojson', bytes: enc(JSON.stringify(topo)) };
}

/** Four districts, 1° x 2° each; codes given by `code`, no parent column (so parents come from prefix or containment). */
function districts(code: (i: number) => string): InputFile {
  const features = [0, 1, 2, 3].map((i) => ({ type: 'Feature', properties: { ADM2_PCODE: code(i), ADM2_EN: `District ${i + 1}` }, geometry: { type: 'Polygon', coordinates: square(i, 0, 1).map((r) => r.map(([x, y]) => [x, y * 2])) } }));
  return { name: 'xy_adm2.geojson', bytes: enc(JSON.stringify({ type: 'FeatureCollection', features })) };
}

const facilitiesCsv: InputFile = {
  name: 'facilities.csv',
  bytes: enc('Nom;Type;Gestion;GPS_LAT;GPS_LONG\nHôpital A;Hôpital de district;Public;1,5;0,5\nCS B;Centre de santé;ONG;1,5;1,5\nCase C;Guérisseur;Privé;0,5;3,5\nLoin;Centre de santé;Public;1,0;9,0\n'),
};
const hdxPopulation: InputFile = {
  name: 'xy_admpop_adm2_2024.csv',
  bytes: enc('ADM0_EN,ADM0_PCODE,ADM1_EN,ADM1_PCODE,ADM2_EN,ADM2_PCODE,T_TL,F_TL\nTestland,XY,West,XY01,District 1,XY0101,"10,000",5000\nTestland,XY,West,XY01,District 2,XY0102,"20,000",10000\nTestland,XY,East,XY02,District 3,XY0203,"30,000",15000\nTestland,XY,East,XY02,District 4,XY0204,"40,500",20000\n'),
};

describe('importDataset', () => {
  it('builds the hierarchy by P-code prefix, joins an HDX COD population table by P-code, and maps facilities', async () => {
    const r = await importDataset([provincesTopo(), districts((i) => `XY0${i < 2 ? 1 : 2}0${i + 1}`), facilitiesCsv, hdxPopulation]);
    expect(r.notes.join('\n')).toMatch(/xy_adm2\.geojson: level 2, 4 areas.*parent by P-code prefix/);
    const regions = r.tables.regions;
    const row = (id: string) => Object.fromEntries(Object.entries(regions).map(([k, v]) => [k, v[regions.region_id.indexOf(id)]]));
    expect(row('XY')).toMatchObject({ level: 0, name: 'Testland', population: 100500 });
    expect(row('XY01')).toMatchObject({ level: 1, parent_id: 'XY', population: 30000 });
    expect(row('XY0204')).toMatchObject({ level: 2, parent_id: 'XY02', population: 40500 });
    // 1° x 2° at the equator: 111.2 km x 221.1 km on the sphere of radius 6371.0088 km.
    expect(row('XY0101').area_km2 as number).toBeCloseTo(((Math.PI / 180) * 6371.0088 ** 2 * Math.sin((2 * Math.PI) / 180)), -1);

    const f = r.tables.facilities!;
    expect(f.name).toEqual(['Hôpital A', 'CS B']);
    expect(f.type).toEqual(['hospital', 'health_centre']);
    expect(f.ownership).toEqual(['public', 'ngo']);
    expect(f.region_id).toEqual(['XY0101', 'XY0102']);
    expect(f.facility_id).toEqual(['F00001', 'F00002']);
    const unmapped = r.unmapped.map((u) => `${u.what}: ${u.values.join('; ')}`).join('\n');
    expect(unmapped).toMatch(/facility type values with no category.*Guérisseur x1/);
    expect(unmapped).toMatch(/facilities farther than 10 km from every district.*Loin/);
    expect(r.categories.facilityType).toContainEqual({ value: 'Guérisseur', rows: 1, mapsTo: null, by: 'none' });
  });

  it('falls back to containment when codes do not nest, and a saved mapping settles the rest', async () => {
    const mapping = parseMapping(JSON.stringify({ facilityType: { Guérisseur: 'clinic' }, ownership: { Privé: 'private' }, facilitiesOutside: 'leave_out' }));
    const r = await importDataset([provincesTopo(), districts((i) => `D${i + 1}`), facilitiesCsv], mapping);
    expect(r.notes.join('\n')).toMatch(/parent by containment/);
    const regions = r.tables.regions;
    expect(regions.parent_id.slice(regions.region_id.indexOf('D1'))).toEqual(['XY01', 'XY01', 'XY02', 'XY02']);
    expect(r.tables.facilities!.type).toEqual(['hospital', 'health_centre', 'clinic']);
    // No census and no raster: populations are absent, not zero, and that is listed.
    expect(regions.population.every((p) => p === null)).toBe(true);
    expect(r.unmapped.map((u) => u.what)).toEqual(['no census table and no population raster: regions have no population']);
  });

  it('refuses a mapping with an unknown key or an unknown category', async () => {
    expect(() => parseMapping('{"facilityTypes": {}}')).toThrow(/unknown key facilityTypes/);
    await expect(importDataset([provincesTopo(), districts((i) => `D${i}`), facilitiesCsv], parseMapping('{"facilityType": {"Guérisseur": "shaman"}}'))).rejects.toThrow(/"Guérisseur" maps to "shaman", which is not one of hospital/);
  });
});

describe('importDataset: the list\'s own district', () => {
  it('keeps it as stated_region_id (by code or name), counts disagreements, lists names it cannot resolve', async () => {
    const csv: InputFile = { name: 'facilities.csv', bytes: enc('name,type,lat,lon,District\nA,Hospital,1.5,0.5,District 1\nB,Hospital,1.5,1.5,XY0204\nC,Hospital,1.5,2.5,Nowhere\nD,Hospital,1.5,3.5,\n') };
    const r = await importDataset([provincesTopo(), districts((i) => `XY0${i < 2 ? 1 : 2}0${i + 1}`), csv]);
    const f = r.tables.facilities!;
    expect(f.region_id).toEqual(['XY0101', 'XY0102', 'XY0203', 'XY0204']);
    expect(f.stated_region_id).toEqual(['XY0101', 'XY0204', null, null]);
    expect(r.notes.join('\n')).toContain('District kept as the stated district (stated_region_id); 1 facilities lie inside another area');
    expect(r.unmapped).toContainEqual(expect.objectContaining({ what: 'District values that name no area (stated district left empty)', rows: 1, values: ['Nowhere x1'] }));
    const aliased = await importDataset([provincesTopo(), districts((i) => `XY0${i < 2 ? 1 : 2}0${i + 1}`), csv], parseMapping('{"regionNames": {"Nowhere": "XY0203"}}'));
    expect(aliased.tables.facilities!.stated_region_id).toEqual(['XY0101', 'XY0204', 'XY0203', null]);
  });
});

describe('importDataset: files it cannot place', () => {
  it('says what to do with a GeoPackage', async () => {
    await expect(importDataset([provincesTopo(), { name: 'districts.gpkg', bytes: enc('SQLite format 3\0') }])).rejects.toThrow(/districts\.gpkg: GeoPackage is not read: export the layer as GeoJSON or a zipped shapefile/);
  });

  it('lists a table it cannot recognise, unless the mapping says to ignore it', async () => {
    const notes: InputFile = { name: 'notes.csv', bytes: enc('remark,author\nsee annex,MoH\n') };
    const r = await importDataset([provincesTopo(), notes]);
    expect(r.unmapped.find((u) => u.file === 'notes.csv')).toMatchObject({ what: expect.stringMatching(/could not tell what this file holds/), values: ['remark', 'author'] });
    expect(r.mapping.files['notes.csv']).toBeUndefined();
    const quiet = await importDataset([provincesTopo(), notes], parseMapping('{"files": {"notes.csv": {"role": "ignore"}}}'));
    expect(quiet.unmapped.find((u) => u.file === 'notes.csv')).toBeUndefined();
  });
});
