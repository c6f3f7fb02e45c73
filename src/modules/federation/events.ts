/** What the federation publishes on the outbox. */
export interface FederationTopics {
  /** A cross-border document was received and its signature holds: its issuer is to be asked whether it is still valid. */
  'crossborder.received': { documentId: string };
}
