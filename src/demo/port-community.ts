import { recordAudit, type ChangeContext } from '../platform/audit/record.ts';
import type { Db } from '../platform/db/database.ts';
import { insertMember, senderContext, type Exchange } from '../modules/exchange/index.ts';
import { CONTAINER_GATE_OUT, customsMemberOf, ensurePortServices, isMember, portMemberOf, type GateOutMessage } from '../modules/port/index.ts';

const PORT_NAMES = {
  fr: 'Port autonome de Kandara — système communautaire portuaire',
  ar: 'ميناء كاندارا المستقل — النظام المجتمعي للميناء',
  en: 'Port of Kandara — port community system',
};

/**
 * The demo's port community system: a commercial member of the exchange (KD/COM/PORT-AUTONOME)
 * with the three manifest services and their rights. Without an endpoint of its own it is served
 * in this process by `provideDemoPort`; a real port system gets its endpoint and key through the
 * registry (exchange console), and the in-process stand-in is then never called.
 */
export async function seedDemoPort(db: Db, context: ChangeContext, country: string): Promise<void> {
  // An instance under another code (a federation partner in tests) has no customs member of this country.
  if (!(await isMember(db, customsMemberOf(country)))) return;
  await db.transaction().execute((trx) => insertMember(trx, context, { identifier: portMemberOf(country), kind: 'external_system', names: PORT_NAMES }));
  await ensurePortServices(db, context, country);
}

/** The stand-in port system's gate: it takes a gate-out message and notes it in the audit trail, as the port's own log would. */
export function provideDemoPort(exchange: Pick<Exchange, 'provide'>, country: string): void {
  exchange.provide(portMemberOf(country), CONTAINER_GATE_OUT.code, CONTAINER_GATE_OUT.version, async (message) => {
    const gateOut = message.body as GateOutMessage;
    await recordAudit(message.trx, senderContext(message), { action: 'demo_port.gate_out_received', recordType: 'port_gate_out', recordId: null, details: { ...gateOut } });
    return { received: true };
  });
}
