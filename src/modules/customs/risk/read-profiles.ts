import { Ajv2020, type ErrorObject } from 'ajv/dist/2020.js';
import addFormats from 'ajv-formats';
import { AppError } from '../../../platform/http/errors.ts';
import { pathOf, validationMessage } from '../../../platform/http/validation-messages.ts';
import { CRITERION_KINDS, RiskProfilesSchema, type RiskProfile } from './profile-schema.ts';

/** One reason a set of profiles is refused, at its field (`profiles[2].criteria[0].ratio`). */
export interface ProfileProblem {
  path: string;
  code: string;
  messageKey: string;
  params: Record<string, unknown>;
}

const ajv = new Ajv2020({ allErrors: true, strict: true, strictRequired: false, discriminator: true });
addFormats.default(ajv);
const matchesShape = ajv.compile<RiskProfile[]>(RiskProfilesSchema);

const ROOT = 'profiles';

const problem = (path: string, code: string, params: Record<string, unknown>): ProfileProblem => ({ path, code, messageKey: `errors.${code}`, params: { path, ...params } });

function shapeProblem(error: ErrorObject): ProfileProblem {
  // An unknown kind fails the discriminator: say so at `kind`, with the kinds there are.
  if (error.keyword === 'discriminator') {
    return problem(`${pathOf(error, ROOT)}.kind`, 'risk_criterion_unknown_kind', { kinds: CRITERION_KINDS.join(', ') });
  }
  const path = pathOf(error, ROOT);
  return { path, code: error.keyword, ...validationMessage(error, path) };
}

/** What JSON Schema cannot say: ids are unique, a validity period ends after it starts, a profile does something. */
function ruleProblems(profiles: readonly RiskProfile[]): ProfileProblem[] {
  const seen = new Set<string>();
  return profiles.flatMap((profile, index) => {
    const at = `${ROOT}[${index}]`;
    const problems: ProfileProblem[] = [];
    if (seen.has(profile.id)) problems.push(problem(`${at}.id`, 'risk_profile_duplicate_id', { id: profile.id }));
    seen.add(profile.id);
    if (profile.validTo !== undefined && profile.validTo < profile.validFrom) {
      problems.push(problem(`${at}.validTo`, 'risk_profile_validity', { validFrom: profile.validFrom, validTo: profile.validTo }));
    }
    if (profile.score === 0 && profile.channel === undefined) problems.push(problem(`${at}.score`, 'risk_profile_no_effect', { id: profile.id }));
    return problems;
  });
}

/**
 * Reads risk profiles stored as JSON (already parsed): the schema of profile-schema.ts, then the
 * rules across fields. Refuses with 422 `risk_profile_invalid`, every problem at its field in
 * `details.fields` (one per field), the first one named in the message.
 */
export function readRiskProfiles(json: unknown): RiskProfile[] {
  const problems = matchesShape(json) ? ruleProblems(json) : (matchesShape.errors ?? []).map(shapeProblem);
  if (problems.length === 0) return json as RiskProfile[];
  const fields = problems.filter((p, index) => problems.findIndex((q) => q.path === p.path) === index);
  throw new AppError(422, 'risk_profile_invalid', { path: fields[0]?.path, count: fields.length }, { fields });
}
