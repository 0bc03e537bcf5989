import type { StorageAreaLike } from '../../src/shared/settings-store';

/** Chrome stores JSON; values come back as copies. */
const clone = <T>(v: T): T => (v === undefined ? v : JSON.parse(JSON.stringify(v)));

/** An in-memory storage area that copies values like the real one (structured clone), and can fail. */
export class FakeStorageArea implements StorageAreaLike {
  data: Record<string, unknown> = {};
  failWrites: Error | null = null;
  failReads: Error | null = null;
  writes = 0;

  constructor(initial: Record<string, unknown> = {}) {
    this.data = clone(initial);
  }
  async get(keys?: string | string[] | null): Promise<Record<string, unknown>> {
    if (this.failReads) throw this.failReads;
    const list = keys == null ? Object.keys(this.data) : Array.isArray(keys) ? keys : [keys];
    const out: Record<string, unknown> = {};
    for (const k of list) if (k in this.data) out[k] = clone(this.data[k]);
    return out;
  }
  async set(items: Record<string, unknown>): Promise<void> {
    if (this.failWrites) throw this.failWrites;
    this.writes++;
    Object.assign(this.data, clone(items));
  }
  async remove(keys: string | string[]): Promise<void> {
    if (this.failWrites) throw this.failWrites;
    for (const k of Array.isArray(keys) ? keys : [keys]) delete this.data[k];
  }
}
