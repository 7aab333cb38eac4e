// The server's breach texts carry their citation in brackets ("60 calendar days after discovery
// (164.410(b))"); a person reads the words, the citation shows as a small tag beside them.

export interface Cited {
  text: string;
  cites: string[];
}

// "164.410(b)", "164.402 (Breach)(2)": a section number and its parenthesised parts.
const CITATION = /\s*\((\d{3}\.\d{3}(?:\s?\([^()]*\))*)\)/g;

export function splitCitations(text: string): Cited {
  const cites: string[] = [];
  const rest = text.replace(CITATION, (_m, cite: string) => {
    cites.push(cite);
    return '';
  });
  return { text: rest.trim(), cites };
}

// "presumed a breach: …" as the start of a sentence.
export function sentence(text: string): string {
  return text ? text.charAt(0).toUpperCase() + text.slice(1) : text;
}
