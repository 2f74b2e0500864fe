/** The two shpjs functions the importer uses (shpjs ships no types). */
declare module 'shpjs' {
  export function parseShp(shp: Uint8Array | ArrayBuffer, prj?: string): unknown[];
  export function parseDbf(dbf: Uint8Array | ArrayBuffer, encoding: string): Record<string, unknown>[];
}
