/** A doubt or guess the import made, with where in the source text it comes from (1-based line). */
export interface ImportNote {
  readonly line: number;
  /** The page of a paged source (a PDF), where its lines mean nothing to the reader. */
  readonly page?: number;
  readonly message: string;
}

/** Collects notes in source order; every module of the import reports through one of these. */
export class NoteList {
  private readonly items: ImportNote[] = [];
  add(line: number, message: string): void {
    this.items.push({ line, message });
  }
  list(): ImportNote[] {
    return [...this.items].sort((a, b) => a.line - b.line);
  }
}
