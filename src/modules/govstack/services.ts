import type { Static } from 'typebox';
import type { Db } from '../../platform/db/database.ts';
import { notFound } from '../../platform/http/errors.ts';
import type { Locale } from '../../platform/i18n/i18n.ts';
import { getDefinition, listProcedures, type ProcedureDefinition } from '../catalogue/index.ts';
import { eFormIdOf, serviceIdOf } from './ids.ts';
import type { EForm, EFormListItem, Service } from './schemas.ts';

/** GovStack services are the catalogue's procedures; e-forms are the forms of their published versions. */

type Summary = Awaited<ReturnType<typeof listProcedures>>[number];

export function serviceOf(procedure: Summary | ProcedureDefinition, locale: Locale): Static<typeof Service> {
  const fixedFee = 'fixedFee' in procedure ? procedure.fixedFee : procedure.fees.reduce((sum, f) => sum + (f.kind === 'fixed' ? f.amount : 0), 0);
  return {
    id: serviceIdOf(procedure.id),
    name: procedure.title[locale],
    version: String(procedure.version),
    // Every procedure in the catalogue is offered to the public.
    type: 'Public',
    isExecutable: true,
    description: procedure.description[locale],
    serviceBody: [
      { code: 'procedureId', value: procedure.id },
      { code: 'agency', value: procedure.agency },
      { code: 'applicants', value: procedure.applicants.join(',') },
      { code: 'fixedFee', value: String(fixedFee) },
    ],
  };
}

export async function listServices(db: Db, name: string | undefined, locale: Locale) {
  return (await listProcedures(db, { q: name })).map((p) => serviceOf(p, locale));
}

/** A service by its GovStack UUID, or by the procedure id itself (friendlier for people). */
export async function resolveService(db: Db, serviceId: string): Promise<Summary> {
  const procedure = (await listProcedures(db, {})).find((p) => serviceIdOf(p.id) === serviceId.toLowerCase() || p.id === serviceId);
  if (!procedure) throw notFound('procedure', serviceId);
  return procedure;
}

function eFormHeader(definition: ProcedureDefinition, latestVersion: number, locale: Locale): Static<typeof EFormListItem> {
  return {
    eFormId: eFormIdOf(definition.id, definition.version),
    name: definition.title[locale],
    description: definition.description[locale],
    version: String(definition.version),
    latest: definition.version === latestVersion,
  };
}

export async function listEForms(db: Db, serviceId: string, locale: Locale) {
  const procedure = await resolveService(db, serviceId);
  const versions = Array.from({ length: procedure.version }, (_, i) => i + 1);
  const definitions = await Promise.all(versions.map((v) => getDefinition(db, procedure.id, v)));
  return definitions.map((d) => eFormHeader(d, procedure.version, locale)).reverse();
}

/** The form schema with each field's label as its JSON Schema `title`, in the caller's language. */
export function labelledSchema(definition: ProcedureDefinition, locale: Locale): Record<string, unknown> {
  const schema = definition.form.schema as { properties?: Record<string, Record<string, unknown>> };
  const properties = Object.fromEntries(
    Object.entries(schema.properties ?? {}).map(([field, rule]) => {
      const label = definition.form.labels[field];
      return [field, label ? { ...rule, title: label[locale] } : rule];
    }),
  );
  return { ...definition.form.schema, title: definition.title[locale], properties };
}

/** Where an e-form id leads: the procedure and version whose form it is. */
export async function resolveEForm(db: Db, eFormId: string): Promise<{ definition: ProcedureDefinition; latestVersion: number }> {
  for (const procedure of await listProcedures(db, {})) {
    for (let version = procedure.version; version >= 1; version -= 1) {
      if (eFormIdOf(procedure.id, version) === eFormId.toLowerCase()) {
        return { definition: await getDefinition(db, procedure.id, version), latestVersion: procedure.version };
      }
    }
  }
  throw notFound('procedure', eFormId);
}

export async function eFormOf(db: Db, eFormId: string, locale: Locale): Promise<Static<typeof EForm>> {
  const { definition, latestVersion } = await resolveEForm(db, eFormId);
  return { ...eFormHeader(definition, latestVersion, locale), schema: labelledSchema(definition, locale) };
}
