import type { Channel, DeclarationState } from './schema.ts';

/** What the customs module publishes on the outbox (docs/customs/declarations.md). */
export interface DeclarationMoved {
  declarationId: string;
  reference: string;
  state: DeclarationState;
  channel: Channel | null;
}

export interface CustomsTopics {
  'customs.declaration.lodged': DeclarationMoved;
  'customs.declaration.assessed': DeclarationMoved;
  'customs.declaration.rejected': DeclarationMoved;
  'customs.declaration.paid': DeclarationMoved;
  /** The goods may leave customs: the documents module issues the release note (ReleaseNote). */
  'customs.declaration.released': DeclarationMoved;
}
