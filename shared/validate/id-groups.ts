/**
 * Rows grouped by a digit-string identifier (NIK, NIP, numeric STR, a Pelatihan row's NIK; 1–18 ASCII
 * digits, see addIfFits), found by sorting instead of hashing as the rows pass.
 *
 * Why: probing a hash table of 100,000 keys waits on one memory read per row, because the table is
 * larger than the processor's caches; that wait was the validator's largest single cost (SPEC §8
 * target, issue 11). Here each row's key is written in row order (sequential memory), and `seal` sorts
 * the rows by a 32-bit hash of the key with a three-pass radix sort (11-bit digits: the buckets' write
 * positions stay in cache) and compares neighbours; only rows whose hashes are equal have their full
 * keys compared, so a hash collision never merges two identifiers.
 *
 * Shapes: `add(key, row)` / `addIfFits(key, row)` for rows 0 ≤ row < rowCount, at most once per row;
 * after `seal()`, `idOf(row)` is the key's id (the first row that holds the key; -1 when the row has
 * none), `isRepeated(id)` whether more than one row holds it, and `forEachRepeated` visits the rows of
 * each repeated key; `has(key)` is a binary search on the sorted hashes.
 */
export class DigitGroups {
  private readonly hash: Int32Array;
  private readonly hi: Int32Array;
  private readonly lo: Int32Array;
  /** Per row, the key's length; 0 when the row has no key. */
  private readonly len: Uint8Array;
  private count = 0;
  private sealed = false;
  /** After seal: per row its id (-1 none); per id (a row) 1 when the key repeats. */
  private ids: Int32Array = new Int32Array(0);
  private repeatedFlag: Uint8Array = new Uint8Array(0);
  /** After seal: the rows holding a key, ordered by hash, and their hashes. */
  private sortedRows: Int32Array = new Int32Array(0);
  private sortedHash: Int32Array = new Int32Array(0);
  /** How many ids repeat (after seal). */
  repeatedCount = 0;

  constructor(private readonly rowCount: number) {
    this.hash = new Int32Array(rowCount);
    this.hi = new Int32Array(rowCount);
    this.lo = new Int32Array(rowCount);
    this.len = new Uint8Array(rowCount);
  }

  /** Records `row`'s key, which must fit (1–18 ASCII digits: a NIK or NIP as readId returns it). */
  add(key: string, row: number): void {
    this.addIfFits(key, row);
  }

  /** Records `row`'s key when it fits (1–18 ASCII digits) and says whether it did, in one scan. */
  addIfFits(key: string, row: number): boolean {
    const n = key.length;
    if (n === 0 || n > 18) return false;
    const cut = n > 9 ? n - 9 : 0;
    let hi = 0;
    let lo = 0;
    for (let i = 0; i < n; i++) {
      const c = key.charCodeAt(i) - 48;
      if (c < 0 || c > 9) return false;
      if (i < cut) hi = hi * 10 + c;
      else lo = lo * 10 + c;
    }
    this.hi[row] = hi;
    this.lo[row] = lo;
    this.len[row] = n;
    this.hash[row] = hashOf(hi, lo, n);
    this.count++;
    return true;
  }

  /** Sorts the rows by hash and gives each row its key's id. Idempotent; no `add` after it. */
  seal(): void {
    if (this.sealed) return;
    this.sealed = true;
    const m = this.count;
    let rows = new Int32Array(m);
    let keys = new Int32Array(m);
    let k = 0;
    for (let row = 0; row < this.rowCount; row++) {
      if (this.len[row] === 0) continue;
      rows[k] = row;
      keys[k++] = this.hash[row]!;
    }
    // LSD radix sort on the hash (stable, so rows of one hash stay in row order).
    let rowsOut = new Int32Array(m);
    let keysOut = new Int32Array(m);
    const counts = new Int32Array(2048);
    for (let shift = 0; shift < 33; shift += 11) {
      counts.fill(0);
      for (let i = 0; i < m; i++) counts[(keys[i]! >>> shift) & 2047]!++;
      let sum = 0;
      for (let b = 0; b < 2048; b++) {
        const c = counts[b]!;
        counts[b] = sum;
        sum += c;
      }
      for (let i = 0; i < m; i++) {
        const at = counts[(keys[i]! >>> shift) & 2047]!++;
        rowsOut[at] = rows[i]!;
        keysOut[at] = keys[i]!;
      }
      const r = rows;
      rows = rowsOut;
      rowsOut = r;
      const h = keys;
      keys = keysOut;
      keysOut = h;
    }
    this.sortedRows = rows;
    this.sortedHash = keys;

    const ids = new Int32Array(this.rowCount).fill(-1);
    const repeated = new Uint8Array(this.rowCount);
    let repeatedCount = 0;
    for (let i = 0; i < m; ) {
      let j = i + 1;
      while (j < m && keys[j] === keys[i]) j++;
      if (j === i + 1) {
        ids[rows[i]!] = rows[i]!;
      } else {
        // Rows of one hash: group them by their full key (a collision is rare; the run is short).
        for (let a = i; a < j; a++) {
          const ra = rows[a]!;
          if (ids[ra] !== -1) continue;
          ids[ra] = ra;
          for (let b = a + 1; b < j; b++) {
            const rb = rows[b]!;
            if (ids[rb] === -1 && this.same(ra, rb)) {
              ids[rb] = ra;
              if (repeated[ra] === 0) {
                repeated[ra] = 1;
                repeatedCount++;
              }
            }
          }
        }
      }
      i = j;
    }
    this.ids = ids;
    this.repeatedFlag = repeated;
    this.repeatedCount = repeatedCount;
  }

  private same(a: number, b: number): boolean {
    return this.lo[a] === this.lo[b] && this.hi[a] === this.hi[b] && this.len[a] === this.len[b];
  }

  /** The id of the row's key (the first row holding it), -1 when the row has none. After seal. */
  idOf(row: number): number {
    return this.ids[row]!;
  }

  isRepeated(id: number): boolean {
    return this.repeatedFlag[id] === 1;
  }

  /**
   * Calls `visit` with the rows of each key that more than one row holds, in row order; keys come in
   * the order of their hashes. After seal. Reads the sorted rows, so no map of ids is built.
   */
  forEachRepeated(visit: (rows: number[]) => void): void {
    if (this.repeatedCount === 0) return;
    const rows = this.sortedRows;
    const hashes = this.sortedHash;
    const ids = this.ids;
    const m = rows.length;
    for (let i = 0; i < m; ) {
      let j = i + 1;
      while (j < m && hashes[j] === hashes[i]) j++;
      if (j - i > 1) {
        // The sort is stable, so a run of one hash holds its rows in row order; a run whose rows hold
        // different keys (a hash collision) is split by id.
        const id = ids[rows[i]!]!;
        let one = true;
        for (let k = i + 1; k < j && one; k++) one = ids[rows[k]!] === id;
        if (one) visit(Array.from(rows.subarray(i, j)));
        else {
          const byId = new Map<number, number[]>();
          for (let k = i; k < j; k++) {
            const row = rows[k]!;
            const list = byId.get(ids[row]!);
            if (list) list.push(row);
            else byId.set(ids[row]!, [row]);
          }
          for (const list of byId.values()) if (list.length > 1) visit(list);
        }
      }
      i = j;
    }
  }

  /** The last key `has` answered, and its answer: a person's rows of another table follow each other. */
  private lastKey: string | null = null;
  private lastHas = false;

  /** Whether some row holds `key` (any string; false when it is no digit key). Seals first. */
  has(key: string): boolean {
    if (key === this.lastKey && this.sealed) return this.lastHas;
    const found = this.find(key);
    this.lastKey = key;
    this.lastHas = found;
    return found;
  }

  private find(key: string): boolean {
    const n = key.length;
    if (n === 0 || n > 18) return false;
    let hi = 0;
    let lo = 0;
    const cut = n > 9 ? n - 9 : 0;
    for (let i = 0; i < n; i++) {
      const c = key.charCodeAt(i);
      if (c < 48 || c > 57) return false;
      if (i < cut) hi = hi * 10 + (c - 48);
      else lo = lo * 10 + (c - 48);
    }
    this.seal();
    const h = hashOf(hi, lo, n);
    const sorted = this.sortedHash;
    // The sort's order: unsigned, by the 33 bits the radix passes read (all 32).
    const target = h >>> 0;
    const m = sorted.length;
    let low = 0;
    let high = m;
    if (m > 64) {
      // The hashes are spread evenly over 2^32: start where the target's rank is expected and widen a
      // bracket around it (a few reads close together instead of log2(m) reads across the array).
      const guess = Math.min(m - 1, Math.floor((target / 4294967296) * m));
      let step = 16;
      if (sorted[guess]! >>> 0 < target) {
        low = guess + 1;
        let j = guess + step;
        while (j < m && sorted[j]! >>> 0 < target) {
          low = j + 1;
          step *= 2;
          j = guess + step;
        }
        high = Math.min(j, m);
      } else {
        high = guess;
        let j = guess - step;
        while (j >= 0 && sorted[j]! >>> 0 >= target) {
          high = j;
          step *= 2;
          j = guess - step;
        }
        low = Math.max(j + 1, 0);
      }
    }
    while (low < high) {
      const mid = (low + high) >>> 1;
      if (sorted[mid]! >>> 0 < target) low = mid + 1;
      else high = mid;
    }
    for (let i = low; i < sorted.length && sorted[i] === h; i++) {
      const row = this.sortedRows[i]!;
      if (this.lo[row] === lo && this.hi[row] === hi && this.len[row] === n) return true;
    }
    return false;
  }
}

function hashOf(hi: number, lo: number, n: number): number {
  let h = Math.imul(hi ^ Math.imul(lo, 0x9e3779b1), 0x85ebca6b) ^ n;
  h ^= h >>> 15;
  h = Math.imul(h, 0x2c1b3c6d);
  h ^= h >>> 12;
  return h | 0;
}
