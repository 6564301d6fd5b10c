/** An input that could not be read as the format it claims to be. */
export class CorpusError extends Error {
  readonly path: string;
  constructor(path: string, message: string, options?: { cause?: unknown }) {
    super(message, options);
    this.name = "CorpusError";
    this.path = path;
  }
}
