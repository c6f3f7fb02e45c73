import { Type } from 'typebox';
import { Closed } from '../../platform/http/schema.ts';
import { VerificationResultSchema } from '../documents/index.ts';

const Day = Type.String({ pattern: '^[0-9]{4}-[0-9]{2}-[0-9]{2}$', description: 'YYYY-MM-DD' });
const CountryCode = Type.String({ pattern: '^[A-Z]{2}$', description: 'ISO 3166-1 alpha-2' });
const OfficeCode = Type.String({ pattern: '^[A-Z0-9]{4,12}$', description: 'a customs office of the reference data (GET /api/customs/reference/offices)' });
const Nullable = <T extends Parameters<typeof Type.Union>[0][number]>(schema: T) => Type.Union([schema, Type.Null()]);

const Traveller = Closed({
  name: Type.String({ minLength: 2, maxLength: 120, pattern: '\\S', description: 'as in the passport' }),
  passportNumber: Type.String({ pattern: '^[A-Za-z0-9]{5,20}$' }),
  passportCountry: CountryCode,
});
const TravellerView = Type.Object({ name: Type.String(), passportNumber: Type.String(), passportCountry: Type.String() });

export const VehiclePassBody = Closed({
  traveller: Traveller,
  vehicle: Closed({
    vin: Type.String({ minLength: 1, maxLength: 30, description: 'ISO 3779, 17 characters (spaces and hyphens between groups are removed)' }),
    plate: Type.String({ pattern: '^[A-Za-z0-9][A-Za-z0-9 -]{0,13}[A-Za-z0-9]$' }),
    registrationCountry: CountryCode,
  }),
  entryOffice: OfficeCode,
  plannedEntryOn: Day,
  allowedDays: Type.Integer({ minimum: 1, description: 'up to the configured maximum (PASSENGERS_VEHICLE_MAX_DAYS, 90)' }),
});

export const VehiclePassSchema = Type.Object({
  id: Type.String({ format: 'uuid' }),
  documentId: Type.String({ format: 'uuid' }),
  documentNumber: Type.String(),
  state: Type.Union([Type.Literal('issued'), Type.Literal('entered'), Type.Literal('exited')]),
  overdue: Type.Boolean(),
  overdueOn: Nullable(Day),
  traveller: TravellerView,
  vehicle: Type.Object({ vin: Type.String(), plate: Type.String(), registrationCountry: Type.String() }),
  entryOffice: Type.String(),
  plannedEntryOn: Day,
  allowedDays: Type.Integer(),
  enteredOn: Nullable(Day),
  enteredAtOffice: Nullable(Type.String()),
  exitDueOn: Nullable(Day),
  exitedOn: Nullable(Day),
  exitedAtOffice: Nullable(Type.String()),
});

export const CurrencyDeclarationBody = Closed({
  traveller: Traveller,
  direction: Type.Union([Type.Literal('entry'), Type.Literal('exit')]),
  office: OfficeCode,
  travelOn: Day,
  amounts: Type.Array(
    Closed({
      currency: Type.String({ pattern: '^[A-Z]{3}$', description: 'ISO 4217' }),
      amount: Type.String({ pattern: '^(0|[1-9][0-9]{0,11})(\\.[0-9]{1,3})?$', description: 'in figures, a dot before the decimals' }),
    }),
    { minItems: 1, maxItems: 20 },
  ),
});

const ConvertedAmount = Type.Object({ currency: Type.String(), amount: Type.String(), rate: Type.String(), national: Type.Integer() });

export const CurrencyDeclarationSchema = Type.Object({
  id: Type.String({ format: 'uuid' }),
  documentId: Type.String({ format: 'uuid' }),
  documentNumber: Type.String(),
  traveller: TravellerView,
  direction: Type.Union([Type.Literal('entry'), Type.Literal('exit')]),
  office: Type.String(),
  declaredOn: Day,
  amounts: Type.Array(ConvertedAmount),
  nationalCurrency: Type.String(),
  totalNational: Type.Integer(),
});

export const CurrencyAnswerSchema = Type.Union([
  Type.Object({ required: Type.Literal(false), threshold: Type.Integer(), nationalCurrency: Type.String(), ratesOn: Day, amounts: Type.Array(ConvertedAmount), totalNational: Type.Integer() }),
  Type.Object({ required: Type.Literal(true), threshold: Type.Integer(), declaration: CurrencyDeclarationSchema }),
]);

export const BorderScanSchema = Type.Object({
  verification: VerificationResultSchema,
  vehiclePass: Nullable(VehiclePassSchema),
  currencyDeclaration: Nullable(CurrencyDeclarationSchema),
});
