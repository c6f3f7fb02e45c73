import type { Selectable } from 'kysely';
import type { Db, Trx } from '../../platform/db/database.ts';
import { conflict, notFound, type AppError } from '../../platform/http/errors.ts';
import type { PaymentsTable } from './schema.ts';
import type { FeeInvoice } from '../cases/index.ts';

export type PaymentRow = Selectable<PaymentsTable>;

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
export const isUuid = (value: string) => UUID.test(value);

export async function loadPayment(db: Db | Trx, id: string): Promise<PaymentRow> {
  const row = isUuid(id) ? await db.selectFrom('payments').selectAll().where('id', '=', id).executeTakeFirst() : undefined;
  if (!row) throw notFound('payment', id);
  return row;
}

/**
 * The payment, locked until the transaction ends. Taken before anything else that touches the
 * row: a callback's own insert would otherwise hold a key-share lock (its foreign key) that the
 * settling update — which changes unique columns, so needs FOR UPDATE — waits on, in both orders.
 */
export async function lockPayment(trx: Trx, id: string): Promise<PaymentRow> {
  return trx.selectFrom('payments').selectAll().where('id', '=', id).forUpdate().executeTakeFirstOrThrow();
}

/** Payments that took money (whatever happened after), newest first: the file's receipt is the first. */
export const PAID_STATES = ['succeeded', 'refund_pending', 'refunded'] as const;

/** A unique index refused the row; `constraint` names which (both engines report it). */
export function uniqueViolation(error: unknown): string | null {
  const e = error as { code?: unknown; constraint?: unknown };
  return e?.code === '23505' ? String(e.constraint ?? '') : null;
}

/** 409 fee_not_due, naming the step the file is at (the message quotes it). */
export const feeNotDue = (invoice: Pick<FeeInvoice, 'state'> | null): AppError => conflict('fee_not_due', { state: invoice?.state ?? '' });
