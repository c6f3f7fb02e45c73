import fs from 'node:fs/promises';
import path from 'node:path';
import { checksumLength, isSupportedAlgorithm } from './digest.ts';
import { decodeBagPath, manifestKind, parseFetch, parseManifest, resolveBagPath } from './manifest-lines.ts';
import { bagProblem, type BagProblem } from './problems.ts';
import { CURRENT_VERSION, decodeTagFile, infoValues, isLegacyVersion, parseBagInfo, parseDeclaration, parseOxum } from './tag-text.ts';

/** A path as the bag lists it and the key it is matched on (§6.1.1.3: Unicode normalisation differences are tolerated). */
export const matchKey = (bagPath: string): string => bagPath.normalize('NFC');

export interface ListedFile {
  path: string;
  checksum: string;
  line: number;
}

export interface Manifest {
  name: string;
  kind: 'payload' | 'tag';
  algorithm: string;
  entries: Map<string, ListedFile>;
  /** False when the file could not be decoded: its (empty) entries then say nothing of the bag. */
  readable: boolean;
}

export interface FetchItem {
  path: string;
  url: string;
}

/** What a bag's tag files say, once read and checked line by line. */
export interface BagTags {
  version: string;
  /** 1.0 rules (true) or the 0.97 draft's (false). */
  strict: boolean;
  manifests: Manifest[];
  /** Payload manifest files present, supported algorithm or not (§2.1.3: at least one is required). */
  payloadManifestFiles: number;
  oxum: { bytes: number; files: number } | null;
  fetch: Map<string, FetchItem>;
}

type Report = (problem: BagProblem) => void;

/** The file's bytes; 'missing' when it does not exist; 'unreadable' (reported) when it cannot be read. */
async function readIfPresent(root: string, name: string, report: Report): Promise<Buffer | 'missing' | 'unreadable'> {
  try {
    return await fs.readFile(path.join(root, name));
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return 'missing';
    report(bagProblem('bagit_unreadable', { file: name, reason: (error as Error).message }));
    return 'unreadable';
  }
}

/** §2.1.1: the declaration says the version, and the encoding the other tag files are read in. */
export async function readDeclaration(root: string, report: Report): Promise<{ version: string; encoding: string } | null> {
  const bytes = await readIfPresent(root, 'bagit.txt', report);
  if (bytes === 'missing') report(bagProblem('bagit_missing_bagit_txt', { file: 'bagit.txt' }));
  if (!Buffer.isBuffer(bytes)) return null;
  const declaration = parseDeclaration(bytes);
  if ('problem' in declaration) {
    if (declaration.problem === 'bad_declaration') report(bagProblem('bagit_bad_declaration', { file: 'bagit.txt', line: declaration.line ?? 1 }));
    else report(bagProblem(declaration.problem === 'bom' ? 'bagit_bom' : 'bagit_bad_encoding', { file: 'bagit.txt', encoding: 'UTF-8' }));
    return null;
  }
  if (declaration.version !== CURRENT_VERSION && !isLegacyVersion(declaration.version)) {
    report(bagProblem('bagit_unsupported_version', { file: 'bagit.txt', version: declaration.version }));
    return null;
  }
  return declaration;
}

async function readTagText(root: string, name: string, encoding: string, strict: boolean, report: Report): Promise<string | null> {
  const bytes = await readIfPresent(root, name, report);
  if (!Buffer.isBuffer(bytes)) return null;
  const decoded = decodeTagFile(bytes, encoding, strict);
  if ('text' in decoded) return decoded.text;
  const code = decoded.problem === 'bom' ? 'bagit_bom' : decoded.problem === 'bad_encoding' ? 'bagit_bad_encoding' : 'bagit_unsupported_encoding';
  report(bagProblem(code, { file: name, encoding }));
  return null;
}

/** The file a manifest or fetch.txt line names, or null (reported) when it cannot be one of the bag's. */
function listedPath(raw: string, strict: boolean, where: { file: string; line: number }, report: Report): string | null {
  const decoded = decodeBagPath(raw, strict);
  if (decoded === null) {
    report(bagProblem('bagit_bad_percent_encoding', { manifest: where.file, line: where.line, file: raw }));
    return null;
  }
  const resolved = resolveBagPath(decoded);
  if ('escapes' in resolved) {
    report(bagProblem('bagit_path_escapes', { manifest: where.file, line: where.line, file: decoded }));
    return null;
  }
  return resolved.path;
}

/** §2.1.3 / §2.2.1: each line checked, each path kept inside the bag and listed once. */
async function readManifest(root: string, name: string, tags: Pick<BagTags, 'strict'>, encoding: string, report: Report): Promise<Manifest | null> {
  const found = manifestKind(name);
  if (!found) return null;
  if (!isSupportedAlgorithm(found.algorithm)) {
    report(bagProblem('bagit_unsupported_algorithm', { file: name, algorithm: found.algorithm }));
    return null;
  }
  const manifest: Manifest = { name, ...found, entries: new Map(), readable: false };
  const text = await readTagText(root, name, encoding, tags.strict, report);
  if (text === null) return manifest;
  manifest.readable = true;
  const length = checksumLength(found.algorithm);
  const lines = parseManifest(text, length);
  for (const line of lines.badLines) report(bagProblem('bagit_bad_manifest_line', { file: name, line, algorithm: found.algorithm, length }));
  for (const entry of lines.entries) {
    const listed = listedPath(entry.raw, tags.strict, { file: name, line: entry.line }, report);
    if (listed === null) continue;
    const inPayload = listed.startsWith('data/');
    if (found.kind === 'payload' && !inPayload) report(bagProblem('bagit_manifest_outside_payload', { manifest: name, line: entry.line, file: listed }));
    else if (found.kind === 'tag' && inPayload) report(bagProblem('bagit_tag_manifest_lists_payload', { manifest: name, line: entry.line, file: listed }));
    else if (found.kind === 'tag' && tags.strict && manifestKind(listed)?.kind === 'tag') report(bagProblem('bagit_tag_manifest_lists_tag_manifest', { manifest: name, line: entry.line, file: listed }));
    else {
      const key = matchKey(listed);
      const first = manifest.entries.get(key);
      if (first) report(bagProblem('bagit_duplicate_entry', { manifest: name, file: listed, first: first.line, line: entry.line }));
      else manifest.entries.set(key, { path: listed, checksum: entry.checksum, line: entry.line });
    }
  }
  return manifest;
}

/** §2.2.2: bag-info.txt is optional; when it gives a Payload-Oxum, it gives one, well-formed. */
async function readOxum(root: string, encoding: string, strict: boolean, report: Report): Promise<BagTags['oxum']> {
  const text = await readTagText(root, 'bag-info.txt', encoding, strict, report);
  if (text === null) return null;
  const info = parseBagInfo(text, strict);
  for (const line of info.badLines) report(bagProblem('bagit_bad_bag_info', { file: 'bag-info.txt', line }));
  const values = infoValues(info, 'Payload-Oxum');
  if (values.length > 1) report(bagProblem('bagit_repeated_oxum', { file: 'bag-info.txt', count: values.length }));
  if (values.length !== 1) return null;
  const oxum = parseOxum(values[0] as string);
  if (!oxum) report(bagProblem('bagit_bad_oxum', { file: 'bag-info.txt', value: values[0] as string }));
  return oxum;
}

/** §2.2.3: fetch.txt names payload files still to download; the validator never downloads them. */
async function readFetch(root: string, encoding: string, strict: boolean, report: Report): Promise<BagTags['fetch']> {
  const items: BagTags['fetch'] = new Map();
  const text = await readTagText(root, 'fetch.txt', encoding, strict, report);
  if (text === null) return items;
  const lines = parseFetch(text);
  for (const line of lines.badLines) report(bagProblem('bagit_bad_fetch_line', { file: 'fetch.txt', line }));
  for (const entry of lines.entries) {
    const listed = listedPath(entry.raw, strict, { file: 'fetch.txt', line: entry.line }, report);
    if (listed === null) continue;
    // 1.0: "A fetch file MUST NOT list any tag files". The 0.97 draft said nothing of it, and
    // bags of its time list names outside data/: those lines are left alone.
    if (!listed.startsWith('data/')) {
      if (strict) report(bagProblem('bagit_fetch_lists_tag_file', { manifest: 'fetch.txt', line: entry.line, file: listed }));
      continue;
    }
    items.set(matchKey(listed), { path: listed, url: entry.url });
  }
  return items;
}

/** Every tag file the validator relies on, read once; problems go to `report`. */
export async function readBagTags(root: string, declaration: { version: string; encoding: string }, report: Report): Promise<BagTags> {
  const strict = !isLegacyVersion(declaration.version);
  const names = (await fs.readdir(root)).sort();
  const manifests: Manifest[] = [];
  for (const name of names) {
    const manifest = await readManifest(root, name, { strict }, declaration.encoding, report);
    if (manifest) manifests.push(manifest);
  }
  return {
    version: declaration.version,
    strict,
    manifests,
    payloadManifestFiles: names.filter((name) => manifestKind(name)?.kind === 'payload').length,
    oxum: await readOxum(root, declaration.encoding, strict, report),
    fetch: await readFetch(root, declaration.encoding, strict, report),
  };
}
