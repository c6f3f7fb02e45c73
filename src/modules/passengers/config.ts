export interface PassengersConfig {
  /** The longest stay a temporary-admission pass may allow (PASSENGERS_VEHICLE_MAX_DAYS, 90). */
  vehicleMaxDays: number;
  /** Cash at or above this, in national currency, is declared (PASSENGERS_CURRENCY_THRESHOLD, 5,000,000 XOF). */
  currencyThreshold: number;
  /** How often entered passes are checked for overdue vehicles (PASSENGERS_OVERDUE_CHECK_SECONDS, 3600). */
  overdueCheckSeconds: number;
}

export function passengersConfig(env: NodeJS.ProcessEnv): PassengersConfig {
  const whole = (name: string, fallback: number, max: number) => {
    const raw = env[name];
    if (raw === undefined || raw === '') return fallback;
    const value = Number(raw);
    if (!Number.isInteger(value) || value < 1 || value > max) throw new Error(`${name} must be a whole number from 1 to ${max}`);
    return value;
  };
  return {
    vehicleMaxDays: whole('PASSENGERS_VEHICLE_MAX_DAYS', 90, 3650),
    currencyThreshold: whole('PASSENGERS_CURRENCY_THRESHOLD', 5_000_000, 1e12),
    overdueCheckSeconds: whole('PASSENGERS_OVERDUE_CHECK_SECONDS', 3600, 86_400),
  };
}
