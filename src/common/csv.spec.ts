import { CSV_BOM, csvCell, toCsv } from './csv';

describe('csv', () => {
  it('leaves plain cells alone and quotes cells with ; " or line breaks', () => {
    expect(csvCell('Marleen Vandamme')).toBe('Marleen Vandamme');
    expect(csvCell(2)).toBe('2');
    expect(csvCell(null)).toBe('');
    expect(csvCell('opvang; vervoer')).toBe('"opvang; vervoer"');
    expect(csvCell('zeg "hallo"')).toBe('"zeg ""hallo"""');
    expect(csvCell('regel 1\nregel 2')).toBe('"regel 1\nregel 2"');
  });

  it.each([
    ['=HYPERLINK("http://x.be","klik")', `"'=HYPERLINK(""http://x.be"",""klik"")"`],
    ['+32 57 34 66 00', `"'+32 57 34 66 00"`],
    ['-2+3', `"'-2+3"`],
    ['@SUM(A1)', `"'@SUM(A1)"`],
    ['\t=1+1', `"'\t=1+1"`],
    ['\r=1+1', `"'\r=1+1"`],
  ])('defuses a formula: %j', (input, expected) => {
    expect(csvCell(input)).toBe(expected);
  });

  it('writes a BOM, ; between cells and CRLF between rows', () => {
    expect(
      toCsv([
        ['Naam', 'Aantal'],
        ['Jozef', 1],
      ]),
    ).toBe(`${CSV_BOM}Naam;Aantal\r\nJozef;1\r\n`);
  });
});
