import fs from 'node:fs/promises';
import path from 'node:path';
import { matchKey, type BagTags } from './bag-reading.ts';
import type { PayloadFile } from './payload-files.ts';
import { bagProblem, type BagProblem } from './problems.ts';

type Report = (problem: BagProblem) => void;

/** §2.2.2: the Payload-Oxum is a quick count; a bag whose payload does not add up is incomplete. */
export function checkOxum(oxum: BagTags['oxum'], payload: readonly PayloadFile[], report: Report): void {
  if (!oxum) return;
  const bytes = payload.reduce((sum, file) => sum + file.bytes, 0);
  if (oxum.bytes !== bytes || oxum.files !== payload.length) {
    report(bagProblem('bagit_oxum_mismatch', { file: 'bag-info.txt', expected: `${oxum.bytes}.${oxum.files}`, actual: `${bytes}.${payload.length}` }));
  }
}

async function kindOf(file: string): Promise<'file' | 'directory' | 'missing'> {
  const stat = await fs.stat(file).catch(() => null);
  if (!stat) return 'missing';
  return stat.isDirectory() ? 'directory' : 'file';
}

/**
 * §3 "complete": every file every manifest lists is present (or, for payload, still to be
 * fetched, which §2.2.3 counts as incomplete too), and no manifest names a directory (§2.1.3).
 */
async function checkListedFilesPresent(root: string, tags: BagTags, onDisk: ReadonlyMap<string, PayloadFile>, report: Report): Promise<void> {
  for (const manifest of tags.manifests) {
    for (const [key, listed] of manifest.entries) {
      if (manifest.kind === 'payload' && (onDisk.has(key) || tags.fetch.has(key))) continue;
      const kind = await kindOf(path.join(root, listed.path));
      if (kind === 'directory') report(bagProblem('bagit_listed_directory', { manifest: manifest.name, line: listed.line, file: listed.path }));
      else if (kind === 'missing' || manifest.kind === 'payload') report(bagProblem('bagit_missing_file', { manifest: manifest.name, line: listed.line, file: listed.path }));
    }
  }
  for (const [key, item] of tags.fetch) {
    if (!onDisk.has(key)) report(bagProblem('bagit_fetch_incomplete', { file: item.path, url: item.url }));
  }
}

/**
 * §3 item 4: from 1.0 every payload file is in every payload manifest; before, one manifest was
 * enough. fetch.txt items MUST be in every payload manifest (§2.2.3).
 */
function checkPayloadListed(tags: BagTags, payload: readonly PayloadFile[], report: Report): void {
  const manifests = tags.manifests.filter((m) => m.kind === 'payload' && m.readable);
  if (manifests.length === 0) return;
  for (const file of payload) {
    const missingFrom = manifests.filter((m) => !m.entries.has(matchKey(file.path)));
    const unlisted = tags.strict ? missingFrom.length > 0 : missingFrom.length === manifests.length;
    if (unlisted) report(bagProblem('bagit_unlisted_file', { file: file.path, manifest: missingFrom.map((m) => m.name).join(', ') }));
  }
  if (!tags.strict) return;
  for (const [key, item] of tags.fetch) {
    const missingFrom = manifests.filter((m) => !m.entries.has(key));
    if (missingFrom.length > 0) report(bagProblem('bagit_fetch_unlisted', { file: item.path, manifest: missingFrom.map((m) => m.name).join(', ') }));
  }
}

/** §2.2.1: from 1.0 each tag manifest MUST list every payload manifest. */
function checkTagManifestsListManifests(tags: BagTags, report: Report): void {
  if (!tags.strict) return;
  const payloadManifests = tags.manifests.filter((m) => m.kind === 'payload' && m.readable).map((m) => m.name);
  for (const tagManifest of tags.manifests.filter((m) => m.kind === 'tag' && m.readable)) {
    for (const name of payloadManifests) {
      if (!tagManifest.entries.has(matchKey(name))) report(bagProblem('bagit_tag_manifest_incomplete', { manifest: tagManifest.name, file: name }));
    }
  }
}

/** Every completeness rule of RFC 8493 §3 that needs no checksum. */
export async function checkCompleteness(root: string, tags: BagTags, payload: readonly PayloadFile[], report: Report): Promise<void> {
  const onDisk = new Map(payload.map((file) => [matchKey(file.path), file]));
  await checkListedFilesPresent(root, tags, onDisk, report);
  checkPayloadListed(tags, payload, report);
  checkTagManifestsListManifests(tags, report);
}
