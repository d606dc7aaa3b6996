/**
 * The part of CBOR (RFC 8949) that Pagefind's index files use: unsigned and negative integers,
 * byte and text strings, arrays, maps and the simple values false/true/null. A cursor reads
 * item by item (so a large file can be walked, copied and skipped through without building
 * every value), and a writer emits definite lengths in their shortest form, as minicbor does.
 */

const MAJOR = { uint: 0, negint: 1, bytes: 2, text: 3, array: 4, map: 5, simple: 7 } as const;

const utf8 = new TextDecoder('utf-8', { fatal: true });
const utf8Encoder = new TextEncoder();

/** Reads CBOR items one after another from `bytes`, starting at `at`. */
export class CborCursor {
  at: number;
  private readonly bytes: Uint8Array;
  private readonly view: DataView;
  private readonly label: string;

  constructor(bytes: Uint8Array, at = 0, label = 'CBOR') {
    this.bytes = bytes;
    this.at = at;
    this.label = label;
    this.view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  }

  get done(): boolean {
    return this.at >= this.bytes.length;
  }

  private fail(message: string): never {
    throw new Error(`${this.label}: ${message} (위치 ${this.at})`);
  }

  /** The next item's major type, without reading it. */
  peekMajor(): number {
    if (this.done) this.fail('파일이 중간에 끝났습니다');
    return this.bytes[this.at] >> 5;
  }

  /** Read an item head: its major type and argument (-1 for an indefinite length). */
  private head(): { major: number; arg: number } {
    if (this.done) this.fail('파일이 중간에 끝났습니다');
    const initial = this.bytes[this.at++];
    const major = initial >> 5;
    const info = initial & 31;
    if (info < 24) return { major, arg: info };
    if (info === 31) return { major, arg: -1 };
    const size = info === 24 ? 1 : info === 25 ? 2 : info === 26 ? 4 : info === 27 ? 8 : 0;
    if (size === 0) this.fail(`알 수 없는 CBOR 길이 ${info}`);
    if (this.at + size > this.bytes.length) this.fail('파일이 중간에 끝났습니다');
    const v = this.view;
    const at = this.at;
    const arg = size === 1 ? v.getUint8(at) : size === 2 ? v.getUint16(at) : size === 4 ? v.getUint32(at) : Number(v.getBigUint64(at));
    this.at += size;
    return { major, arg };
  }

  private expect(major: number, what: string): number {
    const start = this.at;
    const h = this.head();
    if (h.major !== major) {
      this.at = start;
      this.fail(`${what}이(가) 있어야 할 자리에 CBOR 형식 ${h.major}`);
    }
    return h.arg;
  }

  /** An array head with a definite length: the number of items that follow. */
  array(): number {
    const n = this.expect(MAJOR.array, '배열');
    if (n < 0) this.fail('길이가 정해지지 않은 배열');
    return n;
  }

  uint(): number {
    return this.expect(MAJOR.uint, '0 이상의 정수');
  }

  /** A signed integer (major type 0 or 1). */
  int(): number {
    const start = this.at;
    const h = this.head();
    if (h.major === MAJOR.uint) return h.arg;
    if (h.major === MAJOR.negint) return -1 - h.arg;
    this.at = start;
    return this.fail(`정수가 있어야 할 자리에 CBOR 형식 ${h.major}`);
  }

  /** A text string's UTF-8 bytes (a view into the input, not a copy). */
  textBytes(): Uint8Array {
    const n = this.expect(MAJOR.text, '문자열');
    if (n < 0) this.fail('길이가 정해지지 않은 문자열');
    if (this.at + n > this.bytes.length) this.fail('파일이 중간에 끝났습니다');
    const out = this.bytes.subarray(this.at, this.at + n);
    this.at += n;
    return out;
  }

  text(): string {
    return utf8.decode(this.textBytes());
  }

  /** Skip one item, whatever it holds, and return its encoded bytes (a view into the input). */
  skip(): Uint8Array {
    const start = this.at;
    this.skipItem();
    return this.bytes.subarray(start, this.at);
  }

  private skipItem(): void {
    const h = this.head();
    switch (h.major) {
      case MAJOR.uint:
      case MAJOR.negint:
      case MAJOR.simple:
        return;
      case MAJOR.bytes:
      case MAJOR.text:
        if (h.arg < 0) this.fail('길이가 정해지지 않은 문자열');
        this.at += h.arg;
        return;
      case MAJOR.array:
      case MAJOR.map: {
        const per = h.major === MAJOR.map ? 2 : 1;
        if (h.arg < 0) {
          while (this.bytes[this.at] !== 0xff) this.skipItem();
          this.at++;
        } else for (let i = 0; i < h.arg * per; i++) this.skipItem();
        return;
      }
      default:
        this.fail(`지원하지 않는 CBOR 형식 ${h.major}`);
    }
  }

  /** Decode one whole item into plain values (arrays, Maps, strings, numbers, Uint8Array). */
  item(): unknown {
    const h = this.head();
    switch (h.major) {
      case MAJOR.uint: return h.arg;
      case MAJOR.negint: return -1 - h.arg;
      case MAJOR.bytes: { const b = this.bytes.subarray(this.at, this.at + h.arg); this.at += h.arg; return b; }
      case MAJOR.text: { const s = utf8.decode(this.bytes.subarray(this.at, this.at + h.arg)); this.at += h.arg; return s; }
      case MAJOR.array: {
        const list: unknown[] = [];
        if (h.arg < 0) {
          while (this.bytes[this.at] !== 0xff) list.push(this.item());
          this.at++;
        } else for (let i = 0; i < h.arg; i++) list.push(this.item());
        return list;
      }
      case MAJOR.map: {
        const map = new Map<unknown, unknown>();
        for (let i = 0; i < h.arg; i++) map.set(this.item(), this.item());
        return map;
      }
      case MAJOR.simple: {
        const info = h.arg;
        if (info === 20) return false;
        if (info === 21) return true;
        if (info === 22) return null;
        return this.fail(`지원하지 않는 CBOR 값 7/${info}`);
      }
      default:
        return this.fail(`지원하지 않는 CBOR 형식 ${h.major}`);
    }
  }
}

/** Writes CBOR items into a growing buffer. */
export class CborWriter {
  private buf = new Uint8Array(1 << 16);
  private length = 0;

  private room(n: number): void {
    if (this.length + n <= this.buf.length) return;
    let size = this.buf.length * 2;
    while (size < this.length + n) size *= 2;
    const next = new Uint8Array(size);
    next.set(this.buf.subarray(0, this.length));
    this.buf = next;
  }

  private head(major: number, arg: number): void {
    if (!Number.isSafeInteger(arg) || arg < 0) throw new Error(`CBOR: 쓸 수 없는 값 ${arg}`);
    this.room(9);
    const m = major << 5;
    const b = this.buf;
    let at = this.length;
    if (arg < 24) b[at++] = m | arg;
    else if (arg < 0x100) { b[at++] = m | 24; b[at++] = arg; }
    else if (arg < 0x10000) { b[at++] = m | 25; b[at++] = arg >> 8; b[at++] = arg & 0xff; }
    else if (arg < 0x100000000) {
      b[at++] = m | 26;
      b[at++] = (arg >>> 24) & 0xff; b[at++] = (arg >>> 16) & 0xff; b[at++] = (arg >>> 8) & 0xff; b[at++] = arg & 0xff;
    } else {
      b[at++] = m | 27;
      new DataView(b.buffer, b.byteOffset).setBigUint64(at, BigInt(arg));
      at += 8;
    }
    this.length = at;
  }

  array(n: number): this {
    this.head(MAJOR.array, n);
    return this;
  }

  uint(n: number): this {
    this.head(MAJOR.uint, n);
    return this;
  }

  int(n: number): this {
    if (n >= 0) this.head(MAJOR.uint, n);
    else this.head(MAJOR.negint, -1 - n);
    return this;
  }

  textBytes(bytes: Uint8Array): this {
    this.head(MAJOR.text, bytes.length);
    return this.raw(bytes);
  }

  text(s: string): this {
    return this.textBytes(utf8Encoder.encode(s));
  }

  /** Already-encoded CBOR (e.g. an item a cursor skipped over). */
  raw(bytes: Uint8Array): this {
    this.room(bytes.length);
    this.buf.set(bytes, this.length);
    this.length += bytes.length;
    return this;
  }

  get size(): number {
    return this.length;
  }

  /** The bytes written so far (a copy). */
  bytes(): Uint8Array {
    return this.buf.slice(0, this.length);
  }
}
