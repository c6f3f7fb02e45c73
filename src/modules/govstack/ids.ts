import { createHash } from 'node:crypto';

/**
 * The GovStack API names services and e-forms by UUID (`serviceId`, `eFormId`), Guichet by a
 * procedure id and a version number. Name-based UUIDs (RFC 9562 §5.5, version 5, SHA-1) derived
 * from those give ids that are the same on every instance and every start, need no table, and
 * change only when what they name changes.
 */
const GUICHET_NAMESPACE = '3c5b1a4e-8f0d-4a6b-9d2e-7a1f0c9e6b21';

function bytesOf(uuid: string): Buffer {
  return Buffer.from(uuid.replace(/-/g, ''), 'hex');
}

export function uuidV5(name: string, namespace = GUICHET_NAMESPACE): string {
  const hash = createHash('sha1').update(bytesOf(namespace)).update(name, 'utf8').digest();
  const bytes = hash.subarray(0, 16);
  bytes[6] = ((bytes[6] as number) & 0x0f) | 0x50; // version 5
  bytes[8] = ((bytes[8] as number) & 0x3f) | 0x80; // RFC 9562 variant
  const hex = bytes.toString('hex');
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20)}`;
}

/** A service is a procedure across its versions. */
export const serviceIdOf = (procedureId: string) => uuidV5(`service:${procedureId}`);

/** An e-form is the form of one published version of a procedure. */
export const eFormIdOf = (procedureId: string, version: number) => uuidV5(`eform:${procedureId}:${version}`);

/**
 * A task is a file waiting in one workflow state: `<fileId>.<stateId>`. It names the step, so a
 * task completed (the file moved on) is not completed twice by a late client.
 */
export const taskIdOf = (fileId: string, state: string) => `${fileId}.${state}`;

export function parseTaskId(taskId: string): { fileId: string; state: string } | null {
  const match = /^([0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12})\.([a-z][a-z0-9_-]{0,63})$/.exec(taskId);
  return match ? { fileId: match[1] as string, state: match[2] as string } : null;
}

export const isUuid = (value: string) => /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i.test(value);
