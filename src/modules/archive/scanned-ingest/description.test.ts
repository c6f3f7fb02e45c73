import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { dateRangeProblem, daysCovered, dublinCoreDate, itemReference, localisedTitle } from './description.ts';
import { scanPath } from './record-package.ts';

describe("a scanned batch's description", () => {
  it('reads a year, a month or a day as the days it covers, and refuses dates that do not exist', () => {
    expect(daysCovered('1987')).toEqual({ first: '1987-01-01', last: '1987-12-31' });
    expect(daysCovered('1988-02')).toEqual({ first: '1988-02-01', last: '1988-02-29' });
    expect(daysCovered('1987-03-12')).toEqual({ first: '1987-03-12', last: '1987-03-12' });
    for (const bad of ['1987-02-29', '1987-13', '1987-00-10', '1987-04-31', '87', '1987/03']) expect(daysCovered(bad), bad).toBeUndefined();
  });

  it('accepts a period that does not run backwards, down to a period inside one year', () => {
    expect(dateRangeProblem('1985', '1990')).toBeUndefined();
    expect(dateRangeProblem('1987', '1987-06')).toBeUndefined();
    expect(dateRangeProblem('1987-06', '1987')).toBeUndefined();
    expect(dateRangeProblem('1990', '1985')).toBe('range');
    expect(dateRangeProblem('1987-02-30', undefined)).toBe('date');
    fc.assert(
      fc.property(fc.date({ min: new Date('1800-01-01'), max: new Date('2100-12-31'), noInvalidDate: true }), fc.date({ min: new Date('1800-01-01'), max: new Date('2100-12-31'), noInvalidDate: true }), (a, b) => {
        const [from, to] = [a.toISOString().slice(0, 10), b.toISOString().slice(0, 10)];
        return (dateRangeProblem(from, to) === undefined) === (from <= to);
      }),
    );
    expect(dublinCoreDate('1985', '1990')).toBe('1985/1990');
    expect(dublinCoreDate('1985', null)).toBe('1985');
  });

  it('gives every language a title, from the first one given', () => {
    expect(localisedTitle({ ar: 'سجلات الميناء' })).toEqual({ fr: 'سجلات الميناء', ar: 'سجلات الميناء', en: 'سجلات الميناء' });
    expect(localisedTitle({ fr: 'Registres', en: ' ' })).toEqual({ fr: 'Registres', ar: 'Registres', en: 'Registres' });
  });

  it("names each file by its batch and place, and files the scan under a safe name with its format's extension", () => {
    expect(itemReference('KD-SCAN-2026-000004', 12)).toBe('KD-SCAN-2026-000004-012');
    expect(scanPath('Préfecture 1987.PNG', 'image/png')).toBe('data/Pr-fecture-1987.png');
    expect(scanPath('lot-12.tiff', 'image/tiff')).toBe('data/lot-12.tif');
    expect(scanPath('سجل.jpeg', 'image/jpeg')).toBe('data/file.jpg');
    expect(scanPath('../../etc/passwd', 'application/pdf')).toBe('data/file.pdf');
    expect(scanPath('.registre.v2.pdf', 'application/pdf')).toBe('data/registre.v2.pdf');
  });
});
