import { describe, expect, it } from 'vitest';
import { LOCALES } from '../i18n/i18n.ts';
import { BAG_PROBLEM_CODES, bagProblem, describeBagProblem } from './problems.ts';

describe('bag problems', () => {
  it('have a message in every language, naming the file', () => {
    for (const code of BAG_PROBLEM_CODES) {
      const problem = bagProblem(code, { file: 'data/KD-2026-0001.pdf', manifest: 'manifest-sha512.txt', line: 7 });
      for (const locale of LOCALES) expect(describeBagProblem(problem, locale), `${code} in ${locale}`).not.toContain('bagit.problems');
      if (!['bagit_missing_payload_dir', 'bagit_missing_manifest', 'bagit_missing_bagit_txt', 'bagit_unsupported_version', 'bagit_bad_declaration', 'bagit_bad_bag_info', 'bagit_bad_oxum', 'bagit_repeated_oxum', 'bagit_oxum_mismatch', 'bagit_bad_fetch_line'].includes(code)) {
        expect(problem.message, code).toContain('data/KD-2026-0001.pdf');
      }
    }
  });
});
