// Output written a row at a time, for answers too large to hold (a region's flows): rows are
// gathered into chunks of about 64 KB, and each chunk waits until the reader has taken the last.
import type { Io } from "./io";

const CHUNK = 64 * 1024;

export class Lines {
  private chunk: string[] = [];
  private size = 0;

  constructor(private readonly io: Io) {}

  /** Adds a row; a promise (to await) only when a chunk went out, so that most rows cost no await. */
  write(line: string): Promise<void> | undefined {
    this.chunk.push(line);
    this.size += line.length + 1;
    return this.size >= CHUNK ? this.flush() : undefined;
  }

  async flush(): Promise<void> {
    if (this.chunk.length === 0) return;
    this.io.out(this.chunk.join("\n"));
    this.chunk = [];
    this.size = 0;
    await this.io.drain?.();
  }
}
