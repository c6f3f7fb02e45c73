import type { ChangeContext } from '../../../platform/audit/record.ts';
import type { Principal } from '../../../platform/auth/policy.ts';
import type { Db } from '../../../platform/db/database.ts';
import type { ArchiveRoots } from '../config.ts';
import { readerOf } from '../events.ts';
import type { AccessLevel } from '../schema.ts';
import { setAccessLevel } from './access-level.ts';
import { searchArchive, type SearchQuery } from './query.ts';
import { readFile, readPackage } from './reading.ts';
import { decideAccessRequest, listAccessRequests, myAccessRequests, requestAccess, type Decision } from './requests.ts';
import type { AccessRequestState, TextLanguage } from './schema.ts';
import { indexPages, type IndexedPage } from './text.ts';
import { PUBLIC_VIEWER, viewerOf } from './visibility.ts';

export interface ArchiveSearchDeps {
  db: Db;
  roots: ArchiveRoots;
}

/** Search, access levels, access requests and logged reads of the archive (docs/archive/search.md). */
export function createArchiveSearch({ db, roots }: ArchiveSearchDeps) {
  return {
    /** Indexes a file's OCR'd pages (the scanned-records ingest calls it with the recogniser's pages). */
    indexPages: (packageId: string, fileId: string, pages: readonly IndexedPage[], language: TextLanguage, context?: ChangeContext) => indexPages(db, packageId, fileId, pages, language, context),
    search: async (principal: Principal, query: SearchQuery) => searchArchive(db, await viewerOf(db, principal), query),
    searchPublic: (query: SearchQuery) => searchArchive(db, PUBLIC_VIEWER, query),
    readPackage: async (principal: Principal, identifier: string) => readPackage(db, await viewerOf(db, principal), readerOf(principal), identifier),
    readPublicPackage: (ip: string | null, identifier: string) => readPackage(db, PUBLIC_VIEWER, { kind: 'anonymous', ip }, identifier),
    readPublicFile: (ip: string | null, identifier: string, path: string) => readFile(db, roots, PUBLIC_VIEWER, { kind: 'anonymous', ip }, identifier, path),
    readFile: async (principal: Principal, identifier: string, path: string) => readFile(db, roots, await viewerOf(db, principal), readerOf(principal), identifier, path),
    setAccessLevel: (principal: Principal, context: ChangeContext, identifier: string, level: AccessLevel, reason: string) => setAccessLevel(db, principal, context, identifier, level, reason),
    requestAccess: (principal: Principal, context: ChangeContext, identifier: string, reason: string) => requestAccess(db, principal, context, identifier, reason),
    listAccessRequests: (principal: Principal, state?: AccessRequestState) => listAccessRequests(db, principal, state),
    myAccessRequests: (principal: Principal) => myAccessRequests(db, principal),
    decideAccessRequest: (principal: Principal, context: ChangeContext, id: string, decision: Decision) => decideAccessRequest(db, principal, context, id, decision),
  };
}

export type ArchiveSearch = ReturnType<typeof createArchiveSearch>;
