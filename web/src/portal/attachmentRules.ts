import type { AttachmentView } from '../applications/types';
import type { AttachmentRule } from './definition';

/** Why the browser refuses a file before sending it; the server checks again, by magic bytes. */
export type FileRefusal = { code: 'file_type_refused' } | { code: 'file_too_large'; maxSizeMb: number } | { code: 'file_empty' };

const bytesPerMb = 1024 * 1024;

/** The rule's limits applied to what the browser knows of a chosen file. */
export function refuseFile(rule: AttachmentRule, file: { size: number; type: string }): FileRefusal | null {
  if (file.size === 0) return { code: 'file_empty' };
  if (!rule.types.includes(file.type)) return { code: 'file_type_refused' };
  if (file.size > rule.maxSizeMb * bytesPerMb) return { code: 'file_too_large', maxSizeMb: rule.maxSizeMb };
  return null;
}

/** Short names of the media types the definitions allow, for "PDF, JPEG or PNG". */
const typeNames: Record<string, string> = {
  'application/pdf': 'PDF',
  'image/jpeg': 'JPEG',
  'image/png': 'PNG',
  'image/tiff': 'TIFF',
};

export function typeName(mediaType: string): string {
  return typeNames[mediaType] ?? mediaType;
}

/** The `accept` attribute of the file input: media types and their usual extensions. */
const extensions: Record<string, string[]> = {
  'application/pdf': ['.pdf'],
  'image/jpeg': ['.jpg', '.jpeg'],
  'image/png': ['.png'],
  'image/tiff': ['.tif', '.tiff'],
};

export function acceptAttribute(rule: AttachmentRule): string {
  return rule.types.flatMap((type) => [type, ...(extensions[type] ?? [])]).join(',');
}

/** A size in kB or MB with one decimal, as people read file sizes. */
export function sizeInUnits(bytes: number): { value: number; unit: 'kB' | 'MB' } {
  if (bytes < bytesPerMb) return { value: Math.max(0.1, Math.round((bytes / 1024) * 10) / 10), unit: 'kB' };
  return { value: Math.round((bytes / bytesPerMb) * 10) / 10, unit: 'MB' };
}

/** One row per rule, with the files already attached under its kind. */
export function attachmentRows(
  rules: readonly AttachmentRule[],
  attached: readonly AttachmentView[],
): { rule: AttachmentRule; files: AttachmentView[] }[] {
  return rules.map((rule) => ({ rule, files: attached.filter((file) => file.kind === rule.kind) }));
}

/** The required kinds with nothing attached: submission would be refused for each. */
export function missingRequired(rules: readonly AttachmentRule[], attached: readonly AttachmentView[]): AttachmentRule[] {
  return rules.filter((rule) => rule.required && !attached.some((file) => file.kind === rule.kind));
}
