/**
 * BagIt (RFC 8493) for the national archive: preservation packages written as 1.0 bags, and any
 * 1.0 or 0.97 bag validated. See docs/archive/bagit.md.
 */
export { hashFile, MultiDigest } from './digest.ts';
export { bagProblem, describeBagProblem, type BagProblem } from './problems.ts';
export { validateBag, type BagVerdict, type ValidateOptions } from './validate.ts';
export { PayloadDigestMismatch, writeBag, type BagPayloadFile, type BagTagFile, type PayloadOpener, type WrittenBag } from './write.ts';
export { validateBagCommand } from './validate-command.ts';
export { readBagContents, type BagContentFile, type BagContents } from './bag-contents.ts';
