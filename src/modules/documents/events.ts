/** What the documents module publishes on the outbox (docs/documents.md). */
export interface DocumentEvent {
  documentId: string;
  /** The definition's document type, or `payment_receipt`. */
  type: string;
  agencyCode: string;
  applicationId: string | null;
  paymentId: string | null;
}

export interface DocumentTopics {
  'document.issued': DocumentEvent;
  'document.revoked': DocumentEvent;
}
