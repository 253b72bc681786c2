import fs from 'node:fs';
import { FIELDS } from './document';
import { SEGMENT_ARRAYS, type Segment } from './segment';

/**
 * The base segment on disk, so a restart loads it instead of re-analyzing every article.
 * Layout: 4-byte header length, JSON header, then each array's bytes (8-byte aligned).
 * The header names the format and fields: a file from another analyzer is ignored, never
 * misread. `versions` (article version per entry, -1 for dead ones) lets boot find the
 * articles that changed since.
 */
const FORMAT = 'firstcall-segment/1';
type ArrayName = (typeof SEGMENT_ARRAYS)[number];

export interface SavedBase {
  segment: Segment;
  versions: Int32Array;
  departments: [string, number][];
}

interface Header {
  format: string;
  fields: string[];
  departments: [string, number][];
  termTextBytes: number;
  arrays: { name: ArrayName | 'versions'; bytes: number }[];
}

const align = (n: number) => (n + 7) & ~7;

export async function saveBase(file: string, saved: SavedBase): Promise<void> {
  const term = Buffer.from(saved.segment.termText, 'utf16le');
  const arrays = [
    ...SEGMENT_ARRAYS.map((name) => ({ name, data: saved.segment[name] })),
    { name: 'versions' as const, data: saved.versions },
  ];
  const header: Header = {
    format: FORMAT,
    fields: FIELDS.map((f) => f.name),
    departments: saved.departments,
    termTextBytes: term.length,
    arrays: arrays.map((a) => ({ name: a.name, bytes: a.data.byteLength })),
  };
  const json = Buffer.from(JSON.stringify(header));
  const length = Buffer.alloc(4);
  length.writeUInt32LE(json.length);
  const parts: Uint8Array[] = [
    length,
    json,
    Buffer.alloc(align(4 + json.length) - 4 - json.length),
  ];
  parts.push(term, Buffer.alloc(align(term.length) - term.length));
  for (const a of arrays) {
    parts.push(new Uint8Array(a.data.buffer, a.data.byteOffset, a.data.byteLength));
    parts.push(Buffer.alloc(align(a.data.byteLength) - a.data.byteLength));
  }
  // piece by piece (no 100 MB concatenation on the event loop), beside the file, then renamed
  // over it: a crash mid-write never leaves a half file
  const handle = await fs.promises.open(`${file}.tmp`, 'w');
  try {
    for (const part of parts) await handle.write(part);
  } finally {
    await handle.close();
  }
  await fs.promises.rename(`${file}.tmp`, file);
}

export function loadBase(file: string): SavedBase | null {
  let bytes: Buffer;
  try {
    bytes = fs.readFileSync(file);
  } catch {
    return null;
  }
  try {
    const jsonLength = bytes.readUInt32LE(0);
    const header = JSON.parse(bytes.subarray(4, 4 + jsonLength).toString()) as Header;
    if (header.format !== FORMAT || header.fields.join() !== FIELDS.map((f) => f.name).join())
      return null;
    let offset = align(4 + jsonLength);
    const termText = bytes.subarray(offset, offset + header.termTextBytes).toString('utf16le');
    offset += align(header.termTextBytes);
    const view: Record<string, ArrayBufferView> = {};
    for (const a of header.arrays) {
      // copy into its own aligned buffer: typed arrays need aligned offsets
      const copy = new Uint8Array(a.bytes);
      copy.set(bytes.subarray(offset, offset + a.bytes));
      view[a.name] = copy;
      offset += align(a.bytes);
    }
    const as = <T>(name: string, Type: new (b: ArrayBufferLike) => T) =>
      new Type((view[name] as Uint8Array).buffer);
    const segment: Segment = {
      termText,
      termOffsets: as('termOffsets', Uint32Array),
      docIds: as('docIds', Int32Array),
      lengths: as('lengths', Uint32Array),
      start: as('start', Uint32Array),
      postDoc: as('postDoc', Uint32Array),
      postTf: as('postTf', Uint32Array),
      flags: as('flags', Uint8Array),
      department: as('department', Uint16Array),
      dead: as('dead', Uint8Array),
    };
    return { segment, versions: as('versions', Int32Array), departments: header.departments };
  } catch {
    return null; // unreadable: rebuilt from the database instead
  }
}
