/** A LIKE pattern matching `text` anywhere, with LIKE's own wildcards in it taken literally. */
export const containing = (text: string) => `%${text.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
