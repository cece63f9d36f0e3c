/**
 * A hash set of digit strings (NIK, NIP, numeric STR; at most 18 digits) in typed arrays: each key is
 * held as two 9-digit integers and its length, with the first row that held it. At 100,000 rows a
 * Set<string> spends most of its time growing and being traced by the garbage collector; this table
 * is sized once from the row count and holds no objects.
 */
export class DigitTable {
  // Assigned by allocate(), from the constructor and on every growth.
  private mask!: number;
  private hi!: Int32Array;
  private lo!: Int32Array;
  private len!: Uint8Array;
  private first!: Int32Array;
  private repeatedFlag!: Uint8Array;
  private count = 0;
  /** Slots whose key was inserted more than once. */
  readonly repeated: number[] = [];
  private khi = 0;
  private klo = 0;

  constructor(expected: number) {
    let cap = 16;
    while (cap < expected * 2) cap *= 2;
    this.allocate(cap);
  }

  /** Empty arrays of `cap` slots (a power of two). */
  private allocate(cap: number): void {
    this.mask = cap - 1;
    this.hi = new Int32Array(cap);
    this.lo = new Int32Array(cap);
    this.len = new Uint8Array(cap);
    this.first = new Int32Array(cap).fill(-1);
    this.repeatedFlag = new Uint8Array(cap);
  }

  /** Whether a string can be a key: 1–18 ASCII digits. */
  static fits(key: string): boolean {
    const n = key.length;
    if (n === 0 || n > 18) return false;
    for (let i = 0; i < n; i++) {
      const c = key.charCodeAt(i);
      if (c < 48 || c > 57) return false;
    }
    return true;
  }

  private split(key: string): void {
    let hi = 0;
    let lo = 0;
    const n = key.length;
    const cut = n > 9 ? n - 9 : 0;
    for (let i = 0; i < cut; i++) hi = hi * 10 + (key.charCodeAt(i) - 48);
    for (let i = cut; i < n; i++) lo = lo * 10 + (key.charCodeAt(i) - 48);
    this.khi = hi;
    this.klo = lo;
  }

  private slotOf(n: number): number {
    let h = Math.imul(this.khi ^ Math.imul(this.klo, 0x9e3779b1), 0x85ebca6b) ^ n;
    h ^= h >>> 15;
    h = Math.imul(h, 0x2c1b3c6d);
    h ^= h >>> 12;
    let slot = h & this.mask;
    for (;;) {
      if (this.first[slot] === -1) return slot;
      if (this.lo[slot] === this.klo && this.hi[slot] === this.khi && this.len[slot] === n) return slot;
      slot = (slot + 1) & this.mask;
    }
  }

  /** Adds a key (which must `fit`) held by `row`; returns its slot. */
  add(key: string, row: number): number {
    if ((this.count + 1) * 2 > this.mask + 1) this.grow();
    this.split(key);
    const n = key.length;
    const slot = this.slotOf(n);
    if (this.first[slot] === -1) {
      this.first[slot] = row;
      this.hi[slot] = this.khi;
      this.lo[slot] = this.klo;
      this.len[slot] = n;
      this.count++;
    } else if (this.repeatedFlag[slot] === 0) {
      this.repeatedFlag[slot] = 1;
      this.repeated.push(slot);
    }
    return slot;
  }

  has(key: string): boolean {
    if (!DigitTable.fits(key)) return false;
    this.split(key);
    return this.first[this.slotOf(key.length)] !== -1;
  }

  isRepeated(slot: number): boolean {
    return this.repeatedFlag[slot] === 1;
  }

  private grow(): void {
    const old = { hi: this.hi, lo: this.lo, len: this.len, first: this.first, rep: this.repeatedFlag };
    this.allocate((this.mask + 1) * 2);
    this.repeated.length = 0;
    for (let i = 0; i < old.first.length; i++) {
      if (old.first[i] === -1) continue;
      this.khi = old.hi[i]!;
      this.klo = old.lo[i]!;
      const n = old.len[i]!;
      const slot = this.slotOf(n);
      this.first[slot] = old.first[i]!;
      this.hi[slot] = this.khi;
      this.lo[slot] = this.klo;
      this.len[slot] = n;
      if (old.rep[i] === 1) {
        this.repeatedFlag[slot] = 1;
        this.repeated.push(slot);
      }
    }
  }
}
