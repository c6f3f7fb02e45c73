/**
 * Member and subsystem identifiers, as X-Road names its members: `instance/class/member[/subsystem]`,
 * e.g. `KD/GOV/COMMERCE/licences`. The instance is the registry's country code; the class says what
 * kind of party it is. Identifiers travel in signed headers, so they are kept to a plain, unambiguous
 * alphabet (no spaces, no slashes inside a part, no percent-encoding to normalise).
 */

export const MEMBER_CLASSES = ['GOV', 'COM', 'FSW', 'EXT'] as const;
export type MemberClass = (typeof MEMBER_CLASSES)[number];

export interface MemberId {
  instance: string;
  memberClass: MemberClass;
  memberCode: string;
}

export interface SubsystemId extends MemberId {
  subsystemCode: string;
}

export type IdentifierError =
  | 'empty'
  | 'wrong_part_count'
  | 'bad_instance'
  | 'unknown_class'
  | 'bad_member_code'
  | 'bad_subsystem_code'
  | 'subsystem_required'
  | 'subsystem_not_allowed';

export type Parsed<T> = { ok: true; value: T } | { ok: false; error: IdentifierError; reason: string };

/** ISO 3166-1 alpha-2 style country code: the registry instance. */
const INSTANCE = /^[A-Z]{2}$/;
/** Member codes are registry codes (upper case): COMMERCE, RC-123456. */
const MEMBER_CODE = /^[A-Z0-9][A-Z0-9_-]{0,63}$/;
/** Subsystems are the member's own names for its systems: licences, port-cs. */
const SUBSYSTEM_CODE = /^[a-z0-9][a-z0-9_-]{0,63}$/;

const fail = (error: IdentifierError, reason: string): { ok: false; error: IdentifierError; reason: string } => ({ ok: false, error, reason });

function isMemberClass(value: string): value is MemberClass {
  return (MEMBER_CLASSES as readonly string[]).includes(value);
}

/** Parses a member (3 parts) or a subsystem (4 parts) identifier. */
export function parseIdentifier(text: string): Parsed<MemberId | SubsystemId> {
  if (text.length === 0) return fail('empty', 'the identifier is empty');
  const parts = text.split('/');
  if (parts.length !== 3 && parts.length !== 4) {
    return fail('wrong_part_count', `expected instance/class/member[/subsystem], got ${parts.length} part(s)`);
  }
  const [instance = '', memberClass = '', memberCode = '', subsystemCode] = parts;
  if (!INSTANCE.test(instance)) return fail('bad_instance', `instance "${instance}" is not a two-letter upper-case country code`);
  if (!isMemberClass(memberClass)) return fail('unknown_class', `class "${memberClass}" is not one of ${MEMBER_CLASSES.join(', ')}`);
  if (!MEMBER_CODE.test(memberCode)) {
    return fail('bad_member_code', `member code "${memberCode}" must be 1–64 of A–Z, 0–9, "-" or "_", starting with a letter or digit`);
  }
  const member: MemberId = { instance, memberClass, memberCode };
  if (subsystemCode === undefined) return { ok: true, value: member };
  if (!SUBSYSTEM_CODE.test(subsystemCode)) {
    return fail('bad_subsystem_code', `subsystem code "${subsystemCode}" must be 1–64 of a–z, 0–9, "-" or "_", starting with a letter or digit`);
  }
  return { ok: true, value: { ...member, subsystemCode } };
}

export function parseMemberId(text: string): Parsed<MemberId> {
  const parsed = parseIdentifier(text);
  if (parsed.ok && isSubsystem(parsed.value)) return fail('subsystem_not_allowed', `"${text}" names a subsystem, a member was expected`);
  return parsed;
}

/** Messages are exchanged between subsystems: the caller and the provider are both subsystems. */
export function parseSubsystemId(text: string): Parsed<SubsystemId> {
  const parsed = parseIdentifier(text);
  if (!parsed.ok) return parsed;
  if (!isSubsystem(parsed.value)) return fail('subsystem_required', `"${text}" names a member, a subsystem was expected`);
  return { ok: true, value: parsed.value };
}

export function isSubsystem(id: MemberId | SubsystemId): id is SubsystemId {
  return 'subsystemCode' in id;
}

export function formatIdentifier(id: MemberId | SubsystemId): string {
  const member = `${id.instance}/${id.memberClass}/${id.memberCode}`;
  return isSubsystem(id) ? `${member}/${id.subsystemCode}` : member;
}

/** The member a subsystem belongs to (keys and access rights may be granted at either level). */
export function memberOf(id: SubsystemId): MemberId {
  return { instance: id.instance, memberClass: id.memberClass, memberCode: id.memberCode };
}
