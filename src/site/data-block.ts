/**
 * A value as the text of a data block (`<script type="application/json">`, `application/ld+json`):
 * JSON with `<` escaped, so that no text in it ends the script element. The CSP runs no data block.
 */
export const dataBlockText = (value: unknown) => JSON.stringify(value).replace(/</g, '\\u003c');
