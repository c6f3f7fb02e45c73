import path from 'node:path';
import { ConfigError } from '../../platform/config.ts';
import { createS3ArchiveStore, type S3Connection } from './s3-store.ts';
import { createFileArchiveStore, type ArchiveStore } from './store.ts';

/** The archive's two storage roots: every content is written to both (docs/archive/storage.md). */
export interface ArchiveRoots {
  primary: ArchiveStore;
  replica: ArchiveStore;
}

/**
 * Each root is a directory, ARCHIVE_PRIMARY_DIR (DATA_DIR/archive/primary) and ARCHIVE_REPLICA_DIR
 * (DATA_DIR/archive/replica), or a bucket of an S3-compatible service, ARCHIVE_PRIMARY_URL or
 * ARCHIVE_REPLICA_URL (`s3://bucket/prefix`). Put the replica on another disk, mount or service in
 * production: a copy on the same disk survives bit rot, not the disk.
 */
export function archiveRoots(env: NodeJS.ProcessEnv, dataDir: string): ArchiveRoots {
  return { primary: rootOf(env, dataDir, 'primary'), replica: rootOf(env, dataDir, 'replica') };
}

function rootOf(env: NodeJS.ProcessEnv, dataDir: string, name: 'primary' | 'replica'): ArchiveStore {
  const variable = `ARCHIVE_${name.toUpperCase()}`;
  const dir = env[`${variable}_DIR`];
  const url = env[`${variable}_URL`];
  if (dir && url) throw new ConfigError(`set ${variable}_DIR or ${variable}_URL, not both`);
  if (!url) return createFileArchiveStore({ name, root: dir || path.join(dataDir, 'archive', name) });
  const { bucket, prefix } = s3Location(`${variable}_URL`, url);
  // Contents are hashed on local disk before they are uploaded: S3 cannot rename a verified upload into place.
  return createS3ArchiveStore({ name, bucket, prefix, incoming: path.join(dataDir, 'archive', 'incoming', name), client: s3Connection(env) });
}

/** S3 bucket naming rules (lower case, digits, dots, hyphens; 3 to 63 characters). */
const BUCKET = /^[a-z0-9][a-z0-9.-]{1,61}[a-z0-9]$/;
/** A key prefix of plain path characters: nothing that URL encoding or a signature could read two ways. */
const PREFIX = /^[A-Za-z0-9._\-/]*$/;

/** `s3://bucket/prefix` → its bucket and key prefix; a clear ConfigError for anything else. */
export function s3Location(variable: string, raw: string): { bucket: string; prefix: string } {
  const match = /^s3:\/\/([^/?#]*)(?:\/([^?#]*))?$/.exec(raw);
  if (!match) throw new ConfigError(`${variable} must look like s3://bucket/prefix, got "${raw}"`);
  const [, bucket = '', prefix = ''] = match;
  if (!BUCKET.test(bucket)) throw new ConfigError(`${variable}: "${bucket}" is not an S3 bucket name (3 to 63 lower-case letters, digits, dots or hyphens)`);
  if (!PREFIX.test(prefix) || prefix.split('/').includes('..')) throw new ConfigError(`${variable}: the prefix "${prefix}" may hold only letters, digits and . _ - /`);
  return { bucket, prefix: prefix.replace(/^\/+|\/+$/g, '') };
}

/** ARCHIVE_S3_ENDPOINT, ARCHIVE_S3_REGION, and the standard AWS_ACCESS_KEY_ID / AWS_SECRET_ACCESS_KEY (never in the repository). */
function s3Connection(env: NodeJS.ProcessEnv): S3Connection {
  const endpoint = env.ARCHIVE_S3_ENDPOINT || undefined;
  if (endpoint && !/^https?:\/\/[^\s/]+/.test(endpoint)) throw new ConfigError(`ARCHIVE_S3_ENDPOINT must be an http:// or https:// URL, got "${endpoint}"`);
  const { AWS_ACCESS_KEY_ID: accessKeyId, AWS_SECRET_ACCESS_KEY: secretAccessKey } = env;
  if (Boolean(accessKeyId) !== Boolean(secretAccessKey)) throw new ConfigError('AWS_ACCESS_KEY_ID and AWS_SECRET_ACCESS_KEY go together: set both or neither');
  return {
    endpoint,
    region: env.ARCHIVE_S3_REGION || env.AWS_REGION || 'us-east-1',
    // Neither set: the SDK's own chain (shared profile, instance or pod role).
    credentials: accessKeyId && secretAccessKey ? { accessKeyId, secretAccessKey, sessionToken: env.AWS_SESSION_TOKEN || undefined } : undefined,
  };
}
