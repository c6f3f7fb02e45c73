import { Type } from 'typebox';
import { LocaleSchema, Uuid } from '../../../platform/http/schema.ts';

const Nullable = <T extends Parameters<typeof Type.Union>[0][number]>(schema: T) => Type.Union([schema, Type.Null()]);
const Localised = Type.Object({ fr: Type.String(), ar: Type.String(), en: Type.String() });
export const Day = (description: string) => Type.String({ format: 'date', description: `YYYY-MM-DD: ${description}` });

export const HsMatch = Type.Object({
  code: Type.String({ description: 'As customs writes it: 10, 10.06, 1006.30, 1006.30.00.00' }),
  level: Type.Union([Type.Literal('chapter'), Type.Literal('heading'), Type.Literal('subheading'), Type.Literal('national_line')]),
  description: Type.String(),
  descriptionLocale: LocaleSchema,
  parent: Nullable(Type.String()),
});

const Excise = Type.Union([
  Type.Object({ kind: Type.Literal('ad_valorem'), percent: Type.String() }),
  Type.Object({ kind: Type.Literal('specific'), amountPerUnit: Type.String({ description: 'national currency per unit' }), unit: Type.String({ description: 'UN/ECE Rec. 20 unit code, e.g. LTR' }) }),
]);

const FeeRates = Type.Object({ statisticalFeePercent: Type.String(), communityLevyPercent: Type.String() });

const TariffVersionFields = {
  id: Uuid,
  label: Type.String(),
  validFrom: Type.String({ format: 'date' }),
  validTo: Nullable(Type.String({ format: 'date', description: 'last day in force, inclusive' })),
};

export const TariffVersion = Type.Object({
  ...TariffVersionFields,
  feeRates: FeeRates,
  lineCount: Type.Integer(),
  sourceSha256: Type.String(),
  importedBy: Type.String(),
  importedAt: Type.String({ format: 'date-time' }),
});

export const TariffLineView = Type.Object({
  nationalLine: Type.String({ description: 'e.g. 1006.30.00.00' }),
  hs6: Type.String(),
  description: Type.String(),
  dutyBand: Type.Union([Type.Literal(0), Type.Literal(5), Type.Literal(10), Type.Literal(20), Type.Literal(35)]),
  vatPercent: Type.String(),
  excise: Nullable(Excise),
  communityPreference: Type.Boolean(),
  version: Type.Object(TariffVersionFields),
  feeRates: FeeRates,
});

export const Country = Type.Object({ code: Type.String(), names: Localised, currency: Nullable(Type.String()), communityMember: Type.Boolean() });
export const Currency = Type.Object({ code: Type.String(), numericCode: Type.String(), minorUnit: Type.Integer(), name: Type.String() });
export const CustomsOffice = Type.Object({
  code: Type.String(),
  kind: Type.Union([Type.Literal('port'), Type.Literal('airport'), Type.Literal('land_border'), Type.Literal('inland'), Type.Literal('post')]),
  unLocode: Type.String(),
  names: Localised,
});
export const ExchangeRate = Type.Object({
  currency: Type.String(),
  rate: Type.String({ description: 'units of national currency for one unit, exactly as published' }),
  validOn: Type.String({ format: 'date', description: 'the day it was published for; it holds until the next one' }),
});
