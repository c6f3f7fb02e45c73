import path from 'node:path';
import { createFileArchiveStore, type ArchiveStore } from './store.ts';

/** The archive's two storage roots: every content is written to both (docs/archive/storage.md). */
export interface ArchiveRoots {
  primary: ArchiveStore;
  replica: ArchiveStore;
}

/**
 * ARCHIVE_PRIMARY_DIR (DATA_DIR/archive/primary) and ARCHIVE_REPLICA_DIR (DATA_DIR/archive/replica).
 * Put the replica on another disk or mount in production: a copy on the same disk survives bit rot,
 * not the disk.
 */
export function archiveRoots(env: NodeJS.ProcessEnv, dataDir: string): ArchiveRoots {
  return {
    primary: createFileArchiveStore({ name: 'primary', root: env.ARCHIVE_PRIMARY_DIR || path.join(dataDir, 'archive', 'primary') }),
    replica: createFileArchiveStore({ name: 'replica', root: env.ARCHIVE_REPLICA_DIR || path.join(dataDir, 'archive', 'replica') }),
  };
}
