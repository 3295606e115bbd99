/**
 * Growable byte writer and reader for unsigned LEB128 varints and zigzag-signed ones.
 * Arithmetic instead of bit operations, because values go past 2^31 (issue id deltas up to 2^49).
 */
export class ByteWriter {
  private bytes: Uint8Array;
  private length = 0;

  constructor(initialCapacity = 1024) {
    this.bytes = new Uint8Array(Math.max(16, initialCapacity));
  }

  byte(value: number): void {
    if (this.length === this.bytes.length) this.grow();
    this.bytes[this.length++] = value;
  }

  unsigned(value: number): void {
    while (value >= 0x80) {
      this.byte((value % 0x80) | 0x80);
      value = Math.floor(value / 0x80);
    }
    this.byte(value);
  }

  signed(value: number): void {
    this.unsigned(value >= 0 ? value * 2 : -value * 2 - 1);
  }

  finish(): Uint8Array {
    return this.bytes.slice(0, this.length);
  }

  private grow(): void {
    const bigger = new Uint8Array(this.bytes.length * 2);
    bigger.set(this.bytes);
    this.bytes = bigger;
  }
}

export class ByteReader {
  private offset = 0;

  constructor(private readonly bytes: Uint8Array) {}

  get atEnd(): boolean {
    return this.offset >= this.bytes.length;
  }

  get position(): number {
    return this.offset;
  }

  byte(): number {
    if (this.offset >= this.bytes.length) throw new RangeError(`Forest encoding ends early at byte ${this.offset}`);
    return this.bytes[this.offset++];
  }

  unsigned(): number {
    let value = 0;
    let scale = 1;
    for (let i = 0; ; i++) {
      // 8 groups of 7 bits cover 2^56; anything longer is corrupt, not a big number.
      if (i === 8) throw new RangeError(`Varint at byte ${this.offset} is longer than 8 bytes`);
      const b = this.byte();
      value += (b & 0x7f) * scale;
      if (b < 0x80) return value;
      scale *= 0x80;
    }
  }

  signed(): number {
    const z = this.unsigned();
    return z % 2 === 0 ? z / 2 : -(z + 1) / 2;
  }
}
