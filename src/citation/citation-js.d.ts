// citation-js ships no types: the one call this site makes.
declare module '@citation-js/core' {
  export class Cite {
    constructor(data: object | object[]);
    format(style: 'bibtex' | 'biblatex' | 'data', options?: object): string;
  }
}
declare module '@citation-js/plugin-bibtex';
