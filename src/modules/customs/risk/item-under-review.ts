import type { DeclarationItemInput } from '../declarations/types.ts';

/** One item as the item criteria see it. */
export interface ItemUnderReview {
  index: number;
  item: DeclarationItemInput;
  /** The tariff line's digits, dots and spaces removed. */
  digits: string;
  /** Customs value in national currency. */
  value: number;
}

export const tariffDigits = (hsCode: string) => hsCode.replace(/\D/g, '');
