import { conflict, fieldError } from '../../platform/http/errors.ts';

/** issued → entered → exited; `overdue` is a flag on an entered pass, kept once the vehicle leaves. */
export type VehiclePassState = 'issued' | 'entered' | 'exited';

const DAY_MS = 86_400_000;

/** `day` plus `days` calendar days (YYYY-MM-DD, UTC: Kandara keeps UTC). */
export const addDays = (day: string, days: number) => new Date(Date.parse(`${day}T00:00:00Z`) + days * DAY_MS).toISOString().slice(0, 10);

/**
 * The last day the vehicle may still be in the country: the entry day plus the allowed days
 * (entered on 1 March for 30 days, it leaves by 31 March). The day after, it is overdue
 * (overdue.ts flags it).
 */
export const exitDueOn = (enteredOn: string, allowedDays: number) => addDays(enteredOn, allowedDays);

/**
 * Entry is recorded once, on or after the planned entry day; a pass already used is a 409 that
 * says when and where the vehicle entered (or left), so an officer scanning twice knows why.
 */
export function assertMayEnter(pass: { number: string; state: VehiclePassState; plannedEntryOn: string; enteredOn: string | null; exitedOn: string | null }, today: string): void {
  if (pass.state === 'entered') throw conflict('vehicle_pass_already_entered', { number: pass.number, date: pass.enteredOn });
  if (pass.state === 'exited') throw conflict('vehicle_pass_closed', { number: pass.number, date: pass.exitedOn });
  if (today < pass.plannedEntryOn) throw fieldError(422, 'vehicle_pass_entry_too_early', 'plannedEntryOn', { number: pass.number, date: pass.plannedEntryOn });
}

/** Exit closes an entered pass, overdue or not; a pass never used or already closed cannot exit. */
export function assertMayExit(pass: { number: string; state: VehiclePassState; exitedOn: string | null }): void {
  if (pass.state === 'issued') throw conflict('vehicle_pass_not_entered', { number: pass.number });
  if (pass.state === 'exited') throw conflict('vehicle_pass_closed', { number: pass.number, date: pass.exitedOn });
}
