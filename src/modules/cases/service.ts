import { applicationOperations } from './applications.ts';
import { attachmentOperations } from './attachments.ts';
import { caseCore, type CaseServiceDeps } from './core.ts';
import { deskOperations } from './desk.ts';
import { escalateOverdue } from './escalation.ts';
import { feeSettlement } from './fee-settlement.ts';
import { issuanceReads } from './issuance-source.ts';
import { queueOperations } from './queue.ts';

/** The cases module's service: what routes, jobs and other modules (GovStack face, payments) call. */
export function createCaseService(deps: CaseServiceDeps) {
  const core = caseCore(deps);
  return {
    ...applicationOperations(core),
    ...queueOperations(core),
    ...deskOperations(core),
    ...feeSettlement(core),
    ...issuanceReads(core),
    attachments: attachmentOperations(core),
    escalateOverdue: (day?: string) => escalateOverdue(core, day),
  };
}

export type CaseService = ReturnType<typeof createCaseService>;
