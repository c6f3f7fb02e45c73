import { readdirSync, readFileSync } from 'node:fs';

/** The WCO DMS schemas as HMRC publishes them (reference-data/customs/wco/README.md). */
const SCHEMAS = new URL('../../../../reference-data/customs/wco/schemas/', import.meta.url);

export type SchemaKind = 'declaration' | 'notification';

export interface SchemaFile {
  fileName: string;
  contents: string;
}

/** What libxml2 needs to validate one kind of document: an entry schema and every file it reaches. */
export interface SchemaSet {
  entry: SchemaFile;
  preload: readonly SchemaFile[];
}

/**
 * MetaData wraps its payload in a strict `xs:any`, so the payload's schema must be compiled in the
 * same run: the entry imports both, and libxml2 resolves each `schemaLocation` among the preloads.
 */
const ENTRY_IMPORTS: Record<SchemaKind, { namespace: string; location: string }[]> = {
  declaration: [
    { namespace: 'urn:wco:datamodel:WCO:DocumentMetaData-DMS:2', location: 'declaration/DocumentMetaData_2_DMS.xsd' },
    { namespace: 'urn:wco:datamodel:WCO:DEC-DMS:2', location: 'declaration/WCO_DEC_2_DMS.xsd' },
  ],
  notification: [
    { namespace: 'urn:wco:datamodel:WCO:DocumentMetaData-DMS:2', location: 'notification/DocumentMetaData_2_DMS.xsd' },
    { namespace: 'urn:wco:datamodel:WCO:RES-DMS:2', location: 'notification/WCO_RES_2_DMS.xsd' },
  ],
};

/** Folders each kind reaches: the response schema imports the declaration schema (`../declaration/`). */
const FOLDERS: Record<SchemaKind, string[]> = { declaration: ['declaration'], notification: ['notification', 'declaration'] };

let files: Map<string, string> | undefined;

/** Every schema file by its path under schemas/, read once per process. */
export function schemaFiles(): ReadonlyMap<string, string> {
  files ??= new Map(
    readdirSync(SCHEMAS, { recursive: true, encoding: 'utf8' })
      .filter((name) => name.endsWith('.xsd'))
      .map((name) => [name.split('\\').join('/'), readFileSync(new URL(name, SCHEMAS), 'utf8')]),
  );
  return files;
}

const sets = new Map<SchemaKind, SchemaSet>();

export function schemaSet(kind: SchemaKind): SchemaSet {
  let set = sets.get(kind);
  if (!set) {
    const imports = ENTRY_IMPORTS[kind].map((i) => `  <xs:import namespace="${i.namespace}" schemaLocation="${i.location}"/>`);
    const entry = { fileName: `${kind}.xsd`, contents: ['<xs:schema xmlns:xs="http://www.w3.org/2001/XMLSchema">', ...imports, '</xs:schema>'].join('\n') };
    const preload = [...schemaFiles()].filter(([name]) => FOLDERS[kind].some((folder) => name.startsWith(`${folder}/`))).map(([fileName, contents]) => ({ fileName, contents }));
    set = { entry, preload };
    sets.set(kind, set);
  }
  return set;
}
