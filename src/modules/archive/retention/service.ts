import type { Db } from '../../../platform/db/database.ts';
import type { DocumentService } from '../../documents/index.ts';
import type { ArchiveRoots } from '../config.ts';
import { destruction } from './destruction.ts';
import { dispositionReview } from './disposition.ts';
import { legalHolds } from './holds.ts';
import { packageRetention } from './package-retention.ts';
import type { Principal } from '../../../platform/auth/policy.ts';

export interface RetentionDeps {
  db: Db;
  roots: ArchiveRoots;
  documents: Pick<DocumentService, 'prepareDocument'>;
  now?: () => Date;
}

/** Retention and disposition (docs/archive/retention.md): schedules, legal holds, the disposition review, destruction. */
export function createRetention(deps: RetentionDeps) {
  const now = deps.now ?? (() => new Date());
  const holds = legalHolds(deps.db);
  const review = dispositionReview(deps.db, now);
  const { approve } = destruction({ ...deps, now });
  return {
    placeHold: holds.place,
    liftHold: holds.lift,
    holdsInForce: holds.inForce,
    due: review.due,
    propose: review.propose,
    refuse: review.refuse,
    proposals: review.proposals,
    approve,
    packageRetention: (principal: Principal, identifier: string) => packageRetention(deps.db, principal, identifier),
  };
}

export type Retention = ReturnType<typeof createRetention>;
