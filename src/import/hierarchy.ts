import type { GeoLayer } from './readGeo';
import { PolygonIndex } from './polygonIndex';
import { nameKey } from './detectColumns';

type Poly = GeoJSON.Polygon | GeoJSON.MultiPolygon;

/** One administrative area, ready for the regions table and boundaries.geojson. */
export interface Region {
  region_id: string;
  name: string;
  level: number;
  parent_id: string | null;
  area_km2: number | null;
  geometry: Poly | null;
  /** Every code the source files give this area (OCHA files often carry two spellings, SL03 and SLE03). */
  codes: string[];
}

export type ParentMethod = 'parent code column' | 'P-code prefix' | 'containment' | 'country';

export interface LevelInfo {
  file: string;
  level: number;
  features: number;
  idColumn: string | null;
  nameColumn: string | null;
  /** How each area found its parent, and (for a column) which one. */
  parentMethod: ParentMethod;
  parentColumn?: string;
  /** Areas no parent could be found for (they hang from the country). */
  orphans: string[];
}

export interface Hierarchy {
  regions: Region[];
  levels: LevelInfo[];
}

const levelOf = (column: string): number | null => {
  const m = /^adm(?:in)?_?(\d)/i.exec(column);
  return m ? Number(m[1]) : null;
};
const isCodeColumn = (c: string) => /^adm(in)?_?\d_?(pcod|pc_|code|id)|^shapeid$|^pcode$|^geocode$/i.test(c);
const isNameColumn = (c: string) => /^adm(in)?_?\d_?(name|en|fr|ref)|^shapename$|^name$|^nom$/i.test(c);

/** The level a polygon layer describes: its deepest admN code column, geoBoundaries' shapeType, or its file name. */
export function layerLevel(layer: GeoLayer, saved?: number): number {
  if (saved !== undefined) return saved;
  const fromColumns = layer.columns.filter(isCodeColumn).map(levelOf).filter((x): x is number => x !== null);
  if (fromColumns.length) return Math.max(...fromColumns);
  const shapeType = layer.features[0]?.properties?.shapeType;
  if (typeof shapeType === 'string' && /^ADM(\d)$/i.test(shapeType)) return Number(shapeType.slice(3));
  const m = /adm(?:in)?_?(\d)/i.exec(layer.file.split(/[\\/:]/).pop() ?? '');
  if (m) return Number(m[1]);
  return 0;
}

/**
 * Build the country / province / district tree from boundary layers, one layer per level. Each area's parent
 * is found, in this order: a column of the child naming a parent code that resolves (any spelling the parent
 * layer has), the longest parent code that prefixes the child's code, or the parent polygon containing an
 * interior point of the child. Which one was used is reported per level. A level-0 country is made from
 * an ADM0 layer, or from the admin0 columns of the top layer, or named `countryName`.
 */
export function buildHierarchy(
  layers: readonly GeoLayer[],
  options: { levels?: Record<string, number>; countryName?: string } = {},
): Hierarchy {
  const byLevel = [...layers]
    .map((l) => ({ layer: l, level: layerLevel(l, options.levels?.[l.file]) }))
    .sort((a, b) => a.level - b.level);
  const seen = new Set<number>();
  for (const { layer, level } of byLevel) {
    if (seen.has(level)) throw new Error(`${layer.file}: a second boundary layer for level ${level}; give one file per level`);
    seen.add(level);
  }

  const regions: Region[] = [];
  const levels: LevelInfo[] = [];
  let country: Region | null = null;
  let parentLayer: { regions: Region[]; level: number } | null = null;

  for (const { layer, level } of byLevel) {
    const polys = layer.features.filter((f) => f.geometry && (f.geometry.type === 'Polygon' || f.geometry.type === 'MultiPolygon'));
    const codeCols = layer.columns.filter((c) => isCodeColumn(c) && (levelOf(c) === level || levelOf(c) === null));
    const nameCol = layer.columns.find((c) => isNameColumn(c) && (levelOf(c) === level || levelOf(c) === null)) ?? null;
    const idCol = pickIdColumn(polys, codeCols, parentLayer?.regions);
    const made: Region[] = polys.map((f, i) => {
      const p = f.properties ?? {};
      const id = idCol ? String(p[idCol] ?? '').trim() : '';
      const region_id = id || `ADM${level}_${i + 1}`;
      return {
        region_id,
        name: String((nameCol && p[nameCol]) ?? region_id).trim(),
        level,
        parent_id: null,
        area_km2: areaKm2(f.geometry as Poly),
        geometry: f.geometry as Poly,
        codes: [...new Set([region_id, ...codeCols.map((c) => String(p[c] ?? '').trim()).filter(Boolean)])],
      };
    });
    const dup = firstDuplicate(made.map((r) => r.region_id));
    if (dup) throw new Error(`${layer.file}: code ${dup} names two areas (column ${idCol})`);

    const info: LevelInfo = { file: layer.file, level, features: made.length, idColumn: idCol, nameColumn: nameCol, parentMethod: 'country', orphans: [] };
    if (level === 0) {
      if (made.length !== 1) throw new Error(`${layer.file}: a level-0 layer must hold one country, found ${made.length} shapes`);
      country = made[0];
    } else if (!parentLayer || parentLayer.level === 0) {
      country ??= countryFrom(polys, options.countryName);
      for (const r of made) r.parent_id = country.region_id;
    } else {
      assignParents(made, polys, layer, parentLayer, info);
      for (const r of made) if (r.parent_id === null) {
        info.orphans.push(r.region_id);
      }
    }
    levels.push(info);
    regions.push(...made);
    parentLayer = { regions: made, level };
  }
  if (country) {
    if (!regions.includes(country)) regions.unshift(country);
    for (const r of regions) if (r !== country && r.parent_id === null) r.parent_id = country.region_id;
  }
  return { regions, levels };
}

function pickIdColumn(polys: GeoJSON.Feature[], codeCols: string[], parents: Region[] | undefined): string | null {
  const complete = codeCols.filter((c) => {
    const values = polys.map((f) => String(f.properties?.[c] ?? '').trim());
    return values.every(Boolean) && new Set(values).size === values.length;
  });
  if (!parents || complete.length < 2) return complete[0] ?? codeCols[0] ?? null;
  // Of two spellings, prefer the one that nests under the parents' codes (SLE0304 under SLE03).
  const parentIds = parents.map((p) => p.region_id);
  return complete.find((c) => polys.every((f) => parentIds.some((id) => String(f.properties?.[c]).startsWith(id)))) ?? complete[0];
}

function assignParents(made: Region[], polys: GeoJSON.Feature[], layer: GeoLayer, parent: { regions: Region[]; level: number }, info: LevelInfo): void {
  const byCode = new Map<string, Region>();
  for (const p of parent.regions) for (const c of p.codes) byCode.set(c, p);
  // 1. A column of the child that names its parent, in any spelling the parent layer has.
  const parentCols = layer.columns.filter((c) => isCodeColumn(c) && levelOf(c) === parent.level);
  for (const col of parentCols) {
    const hits = polys.map((f) => byCode.get(String(f.properties?.[col] ?? '').trim()));
    if (hits.every(Boolean)) {
      made.forEach((r, i) => (r.parent_id = hits[i]!.region_id));
      info.parentMethod = 'parent code column';
      info.parentColumn = col;
      return;
    }
  }
  // 2. The longest parent code that prefixes the child's code.
  const prefixes = made.map((r) => {
    let best: Region | null = null;
    for (const p of parent.regions) if (r.region_id.startsWith(p.region_id) && r.region_id !== p.region_id && (!best || p.region_id.length > best.region_id.length)) best = p;
    return best;
  });
  if (prefixes.every(Boolean)) {
    made.forEach((r, i) => (r.parent_id = prefixes[i]!.region_id));
    info.parentMethod = 'P-code prefix';
    return;
  }
  // 3. Containment of an interior point.
  const index = new PolygonIndex(parent.regions.filter((p) => p.geometry).map((p) => ({ id: p.region_id, geometry: p.geometry! })));
  info.parentMethod = 'containment';
  for (const r of made) {
    if (!r.geometry) continue;
    const [x, y] = interiorPoint(r.geometry);
    const hit = index.locate(x, y);
    if (hit >= 0) r.parent_id = index.ids[hit];
  }
}

function countryFrom(polys: GeoJSON.Feature[], countryName?: string): Region {
  const p = polys[0]?.properties ?? {};
  const codeCol = Object.keys(p).find((c) => /^adm(in)?_?0_?pcod/i.test(c));
  const nameCol = Object.keys(p).find((c) => /^adm(in)?_?0_?(name|en)$/i.test(c));
  const id = (codeCol && String(p[codeCol]).trim()) || 'COUNTRY';
  const name = countryName ?? ((nameCol && String(p[nameCol]).trim()) || 'Country');
  return { region_id: id, name, level: 0, parent_id: null, area_km2: null, geometry: null, codes: [id, nameKey(name)] };
}

function firstDuplicate(ids: string[]): string | null {
  const s = new Set<string>();
  for (const id of ids) {
    if (s.has(id)) return id;
    s.add(id);
  }
  return null;
}

/**
 * A point inside a polygon (a centroid can fall outside a crescent-shaped district): the middle of the widest
 * run of the largest part along the horizontal line through its bounding box's centre.
 */
export function interiorPoint(g: Poly): [number, number] {
  const parts = g.type === 'Polygon' ? [g.coordinates] : g.coordinates;
  let best = parts[0];
  let bestArea = -1;
  for (const rings of parts) {
    const a = Math.abs(ringArea(rings[0]));
    if (a > bestArea) {
      bestArea = a;
      best = rings;
    }
  }
  let minY = Infinity, maxY = -Infinity;
  for (const [, y] of best[0]) {
    minY = Math.min(minY, y);
    maxY = Math.max(maxY, y);
  }
  const y = (minY + maxY) / 2 + (maxY - minY) * 1e-7;
  const xs: number[] = [];
  for (const ring of best) for (let i = 0, j = ring.length - 1; i < ring.length; j = i++) {
    const [xi, yi] = ring[i], [xj, yj] = ring[j];
    if (yi > y !== yj > y) xs.push(xi + ((y - yi) * (xj - xi)) / (yj - yi));
  }
  xs.sort((a, b) => a - b);
  let mid = (best[0][0][0] + best[0][1][0]) / 2, width = -1;
  for (let i = 0; i + 1 < xs.length; i += 2) if (xs[i + 1] - xs[i] > width) {
    width = xs[i + 1] - xs[i];
    mid = (xs[i] + xs[i + 1]) / 2;
  }
  return [mid, y];
}

function ringArea(ring: number[][]): number {
  let a = 0;
  for (let i = 0; i < ring.length - 1; i++) a += ring[i][0] * ring[i + 1][1] - ring[i + 1][0] * ring[i][1];
  return a / 2;
}

const R = 6371.0088;
/** Area on the sphere (km², mean Earth radius), by the trapezoid formula of Chamberlain & Duquette (2007). */
export function areaKm2(g: Poly): number {
  const parts = g.type === 'Polygon' ? [g.coordinates] : g.coordinates;
  let total = 0;
  for (const rings of parts) rings.forEach((ring, i) => {
    const a = Math.abs(sphericalRing(ring));
    total += i === 0 ? a : -a;
  });
  return Math.round(total * 10) / 10;
}

function sphericalRing(ring: number[][]): number {
  const rad = Math.PI / 180;
  let s = 0;
  for (let i = 0; i < ring.length - 1; i++) {
    const [x1, y1] = ring[i], [x2, y2] = ring[i + 1];
    s += (x2 - x1) * rad * (2 + Math.sin(y1 * rad) + Math.sin(y2 * rad));
  }
  return (s * R * R) / 2;
}
