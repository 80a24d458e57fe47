import proj4 from 'proj4';

/** A function from source coordinates to WGS84 [lon, lat]; null when the source is already WGS84 degrees. */
export type Reprojector = ((xy: [number, number]) => [number, number]) | null;

const WGS84 = 'EPSG:4326';

/** EPSG codes people meet in health-ministry files: Web Mercator and the WGS84 UTM zones (326zz north, 327zz south). */
export function projFromEpsg(code: number): string | null {
  if (code === 4326 || code === 4269 || code === 4258) return null;
  if (code === 3857 || code === 900913 || code === 102100) return 'EPSG:3857';
  if (code >= 32601 && code <= 32660) return `+proj=utm +zone=${code - 32600} +datum=WGS84 +units=m +no_defs`;
  if (code >= 32701 && code <= 32760) return `+proj=utm +zone=${code - 32700} +south +datum=WGS84 +units=m +no_defs`;
  throw new Error(`coordinate system EPSG:${code} is not supported: reproject to WGS84 (EPSG:4326) first`);
}

/**
 * A .prj (ESRI WKT) to a reprojector. Geographic WGS84 needs none. proj4 reads most WKT; for what it cannot
 * read (compound systems with a vertical part, as in OCHA's COD files) the horizontal system is recognised by name.
 */
export function reprojectorFromPrj(wkt: string): Reprojector {
  const text = wkt.trim();
  if (/^(GEOGCS|GEOGCRS)\[/i.test(text) && /WGS[_ ]?(19)?84/i.test(text)) return null;
  const utm = /UTM[_ ]zone[_ ](\d{1,2})\s*([NS])/i.exec(text);
  if (utm) {
    const def = projFromEpsg((utm[2].toUpperCase() === 'S' ? 32700 : 32600) + Number(utm[1]));
    return def === null ? null : makeReprojector(def);
  }
  if (/Mercator_Auxiliary_Sphere|Pseudo[-_ ]Mercator|Web[_ ]Mercator|3857/i.test(text)) return makeReprojector('EPSG:3857');
  try {
    return makeReprojector(text);
  } catch {
    throw new Error(`the .prj coordinate system is not understood (${text.slice(0, 60)}...): save the layer in WGS84 (EPSG:4326) or a UTM zone`);
  }
}

/** GeoJSON's legacy `crs` member (`urn:ogc:def:crs:EPSG::32628`, `EPSG:3857`). */
export function reprojectorFromCrsName(name: string | undefined): Reprojector {
  if (!name || /CRS84|4326/.test(name)) return null;
  const code = /EPSG:+(\d+)/i.exec(name)?.[1];
  if (!code) throw new Error(`coordinate system ${name} is not understood`);
  const def = projFromEpsg(Number(code));
  return def === null ? null : makeReprojector(def);
}

function makeReprojector(def: string): Reprojector {
  const converter = proj4(def, WGS84);
  return (xy) => converter.forward(xy) as [number, number];
}

/** Apply a reprojector to every position of a geometry, in place. */
export function reprojectGeometry(g: GeoJSON.Geometry | null, f: Reprojector): void {
  if (!g || !f) return;
  const walk = (c: unknown): void => {
    if (!Array.isArray(c)) return;
    if (typeof c[0] === 'number') {
      const [x, y] = f([c[0] as number, c[1] as number]);
      c[0] = x;
      c[1] = y;
      return;
    }
    for (const inner of c) walk(inner);
  };
  if (g.type === 'GeometryCollection') g.geometries.forEach((x) => reprojectGeometry(x, f));
  else walk(g.coordinates);
}
