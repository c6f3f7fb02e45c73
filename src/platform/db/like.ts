/** `text` with LIKE's own wildcards (and its escape character) taken literally. */
const literal = (text: string) => text.replace(/[\\%_]/g, (c) => `\\${c}`);

/** A LIKE pattern matching `text` anywhere, with LIKE's own wildcards in it taken literally. */
export const containing = (text: string) => `%${literal(text)}%`;

/** A LIKE pattern matching what begins with `text`, taken literally. */
export const startingWith = (text: string) => `${literal(text)}%`;
