import { section } from '../session/access';

/** The customs screens' addresses: the officers' under /customs, the brokers' under /declarations. */
export const customsPaths = {
  queue: section('customs').path,
  officerDeclaration: (reference: string) => `${section('customs').path}/declarations/${encodeURIComponent(reference)}`,
  myDeclarations: section('declarations').path,
  lodge: `${section('declarations').path}/new`,
  brokerDeclaration: (reference: string) => `${section('declarations').path}/${encodeURIComponent(reference)}`,
};

export const declarationApiPath = (reference: string) => `/api/customs/declarations/${encodeURIComponent(reference)}`;
