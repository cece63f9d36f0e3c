/**
 * A hash set of digit strings (NIK, NIP, numeric STR; at most 18 digits) in typed arrays: each key is
 * held as two 9-digit integers and its length, with the first row that held it. At 100,000 rows a
 * Set<string> spends most of its time growing and being traced by the garbage collector; this table
 * is sized once from the row count and holds no objects.
 *
 * The table is larger than the processor's caches, so each lookup waits for one memory read: that
 * wait was the validator's largest single cost (SPEC §8 target). So the hash table itself is kept
 * small, two integers a slot (the key's entry and its low nine digits, which tell keys apart nearly
 * always); the rest of a key (high digits, length, first row, repeated) sits in per-entry arrays filled
 * in insertion order, read only when the low digits match.
 */
export class DigitTable {
  // Assigned by allocate(), from the constructor and on every growth.
  private mask!: number;
  /** Per slot, at 2 × slot: entry + 1 (0: empty), low 9 digits of the key. */
  private slots!: Int32Array;
  /** Per entry (in insertion order): high digits, length, first row, repeated (0/1). */
  private hi: Int32Array;
  private len: Uint8Array;
  private first: Int32Array;
  private repeatedFlag: Uint8Array;
  private count = 0;
  /** Entries (the ids `add` returns) whose key was inserted more than once. */
  readonly repeated: number[] = [];
  private khi = 0;
  private klo = 0;

  constructor(expected: number) {
    let cap = 16;
    while (cap < expected * 2) cap *= 2;
    this.allocate(cap);
    const entries = Math.max(16, expected);
    this.hi = new Int32Array(entries);
    this.len = new Uint8Array(entries);
    this.first = new Int32Array(entries);
    this.repeatedFlag = new Uint8Array(entries);
  }

  /** An empty hash table of `cap` slots (a power of two). */
  private allocate(cap: number): void {
    this.mask = cap - 1;
    this.slots = new Int32Array(cap * 2);
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

  private hashOf(n: number): number {
    let h = Math.imul(this.khi ^ Math.imul(this.klo, 0x9e3779b1), 0x85ebca6b) ^ n;
    h ^= h >>> 15;
    h = Math.imul(h, 0x2c1b3c6d);
    h ^= h >>> 12;
    return h;
  }

  /** The index into `slots` holding the split key of length n, or of the empty slot where it goes. */
  private slotOf(n: number): number {
    const slots = this.slots;
    const mask = this.mask;
    let slot = this.hashOf(n) & mask;
    for (;;) {
      const at = slot << 1;
      const e = slots[at]!;
      if (e === 0) return at;
      if (slots[at + 1] === this.klo && this.hi[e - 1] === this.khi && this.len[e - 1] === n) return at;
      slot = (slot + 1) & mask;
    }
  }

  /** Adds a key (which must `fit`) held by `row`; returns its entry, the key's id. */
  add(key: string, row: number): number {
    if ((this.count + 1) * 2 > this.mask + 1) this.grow();
    this.split(key);
    const n = key.length;
    const at = this.slotOf(n);
    const e = this.slots[at]!;
    if (e !== 0) {
      if (this.repeatedFlag[e - 1] === 0) {
        this.repeatedFlag[e - 1] = 1;
        this.repeated.push(e - 1);
      }
      return e - 1;
    }
    const entry = this.count++;
    if (entry >= this.first.length) this.growEntries();
    this.slots[at] = entry + 1;
    this.slots[at + 1] = this.klo;
    this.hi[entry] = this.khi;
    this.len[entry] = n;
    this.first[entry] = row;
    return entry;
  }

  has(key: string): boolean {
    if (!DigitTable.fits(key)) return false;
    this.split(key);
    return this.slots[this.slotOf(key.length)] !== 0;
  }

  isRepeated(entry: number): boolean {
    return this.repeatedFlag[entry] === 1;
  }

  /** Twice the slots; entries keep their ids, so nothing else moves. */
  private grow(): void {
    const old = this.slots;
    this.allocate((this.mask + 1) * 2);
    for (let i = 0; i < old.length; i += 2) {
      const e = old[i]!;
      if (e === 0) continue;
      this.khi = this.hi[e - 1]!;
      this.klo = old[i + 1]!;
      const at = this.slotOf(this.len[e - 1]!);
      this.slots[at] = e;
      this.slots[at + 1] = old[i + 1]!;
    }
  }

  private growEntries(): void {
    const size = this.first.length * 2;
    const hi = new Int32Array(size);
    hi.set(this.hi);
    this.hi = hi;
    const len = new Uint8Array(size);
    len.set(this.len);
    this.len = len;
    const first = new Int32Array(size);
    first.set(this.first);
    this.first = first;
    const rep = new Uint8Array(size);
    rep.set(this.repeatedFlag);
    this.repeatedFlag = rep;
  }
}
