/** A county's division table as scripts/build-divisions.ts writes it (scenarios/data/<slug>-divisions.json). */
export interface DivisionEntry {
  code: string;
  zh: string;
  en: string;
}
export interface DivisionData {
  source: string;
  county: DivisionEntry;
  townships: DivisionEntry[];
  villages: (DivisionEntry & { township: string })[];
}
