import type { EventBus } from '../../platform/events/index.ts';
import { today } from '../cases/index.ts';
import { borderScan } from './border.ts';
import { passengersConfig } from './config.ts';
import { currencyDeclarations } from './currency-declarations.ts';
import { flagOverdueVehicles } from './overdue.ts';
import { vehiclePasses, type PassengersDeps } from './vehicle-passes.ts';

export { passengersMigration } from './migration.ts';
export type { PassengerTables } from './schema.ts';
export { passengerRoutes } from './routes.ts';
export { flagOverdueVehicles } from './overdue.ts';
export { passengersConfig, type PassengersConfig } from './config.ts';
export { VEHICLE_PASS_TYPE, CURRENCY_DECLARATION_TYPE } from './passenger-documents.ts';
export type { VehiclePass } from './store.ts';
export type { VehiclePassRequest } from './vehicle-passes.ts';
export type { CurrencyDeclaration, CurrencyDeclarationRequest, CurrencyAnswer } from './currency-declarations.ts';

/**
 * The passenger module: vehicle temporary-admission passes and foreign-currency declarations,
 * requested online and shown as QR codes at the border, where customs officers scan them and
 * record crossings. Its overdue job flags vehicles that outstay their pass.
 */
export function createPassengers(deps: Omit<PassengersDeps, 'config' | 'now'> & { env: NodeJS.ProcessEnv; now?: () => Date }) {
  const full: PassengersDeps = { ...deps, config: passengersConfig(deps.env), now: deps.now ?? (() => new Date()) };
  const passes = vehiclePasses(full);
  const declarations = currencyDeclarations(full);
  return {
    config: full.config,
    passes,
    declarations,
    scan: borderScan(full, passes, declarations),
    /** Flags the vehicles overdue as of `day` (today by default); the scheduled job runs it. */
    flagOverdue: (day = today(full.now())) => flagOverdueVehicles(deps.db, day),
  };
}

export type Passengers = ReturnType<typeof createPassengers>;

/** The overdue check, on the platform's scheduler (every PASSENGERS_OVERDUE_CHECK_SECONDS). */
export function schedulePassengerJobs(bus: Pick<EventBus, 'schedule'>, passengers: Passengers): void {
  bus.schedule('passengers.flag_overdue_vehicles', passengers.config.overdueCheckSeconds, async () => {
    await passengers.flagOverdue();
  });
}
