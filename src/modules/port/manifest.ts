import { Type, type Static } from 'typebox';

/**
 * A cargo manifest as the port community system submits it (WCO DM "Cargo report import":
 * conveyance, voyage, arrival, then one line per transport contract document). The same shape
 * comes from JSON and from UN/EDIFACT CUSCAR (cuscar-read.ts); masses are decimals written as strings.
 */

/** ISO 6346 container number: owner code, category letter, six digits and the check digit. */
export const CONTAINER_NUMBER = '^[A-Z]{4}[0-9]{7}$';
const DECIMAL_KG = '^[0-9]{1,12}(\\.[0-9]{1,3})?$';

export const ManifestLineSchema = Type.Object(
  {
    /** Bill of lading or air waybill number (WCO TransportContractDocument/ID). */
    billOfLading: Type.String({ pattern: '^[A-Za-z0-9][A-Za-z0-9./-]{2,34}$' }),
    consignee: Type.Object({ name: Type.String({ minLength: 1, maxLength: 140 }), taxId: Type.String({ minLength: 3, maxLength: 40 }) }, { additionalProperties: false }),
    containers: Type.Array(Type.String({ pattern: CONTAINER_NUMBER }), { maxItems: 200, uniqueItems: true }),
    /** Number of packages and their kind (UN/ECE Rec. 21 code: BG bag, CT carton, PK package…). */
    packages: Type.Object({ count: Type.Integer({ minimum: 1, maximum: 10_000_000 }), kind: Type.String({ pattern: '^[A-Z0-9]{2}$' }) }, { additionalProperties: false }),
    grossMassKg: Type.String({ pattern: DECIMAL_KG }),
    description: Type.String({ minLength: 1, maxLength: 512 }),
  },
  { additionalProperties: false },
);

export const CargoManifestSchema = Type.Object(
  {
    /** The port's own reference for this manifest (CUSCAR BGM document number). */
    reference: Type.String({ pattern: '^[A-Za-z0-9][A-Za-z0-9./-]{2,34}$' }),
    transportMode: Type.Union([Type.Literal('sea'), Type.Literal('air')]),
    /** Vessel IMO number or aircraft flight designator (WCO ArrivalTransportMeans/ID). */
    meansId: Type.String({ minLength: 2, maxLength: 35 }),
    /** Voyage or flight number (WCO ConveyanceReferenceNumber). */
    voyage: Type.String({ minLength: 1, maxLength: 17 }),
    /** UN/LOCODE of the port or airport of arrival. */
    portOfArrival: Type.String({ pattern: '^[A-Z]{2}[A-Z0-9]{3}$' }),
    arrivalDate: Type.String({ pattern: '^[0-9]{4}-[0-9]{2}-[0-9]{2}$' }),
    lines: Type.Array(ManifestLineSchema, { minItems: 1, maxItems: 5000 }),
  },
  { additionalProperties: false },
);

export type CargoManifest = Static<typeof CargoManifestSchema>;
export type ManifestLine = Static<typeof ManifestLineSchema>;

/** Masses compare as numbers: "12150.50" and "12150.5" are the same manifest. */
export const canonicalMass = (kg: string) => String(Number(kg.replace(',', '.')));

/** Bill of lading numbers are compared without case or spacing, as officers read them. */
export const documentKey = (number: string) => number.replace(/\s+/g, '').toUpperCase();

/** The manifest in one canonical form: what its digest is taken of and what is stored. */
export function canonicalManifest(manifest: CargoManifest): CargoManifest {
  return {
    ...manifest,
    lines: manifest.lines.map((line) => ({
      ...line,
      billOfLading: documentKey(line.billOfLading),
      containers: line.containers.map((c) => c.toUpperCase()),
      grossMassKg: canonicalMass(line.grossMassKg),
    })),
  };
}
