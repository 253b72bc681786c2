import fs from 'node:fs';
import path from 'node:path';

/**
 * What is wrong with a path the operator gave, said in one line before anything touches it:
 * never a raw ENOENT or SQLITE_CANTOPEN.
 */
export class PathError extends Error {}

const kind = (p: string): 'missing' | 'file' | 'folder' => {
  try {
    return fs.statSync(p).isDirectory() ? 'folder' : 'file';
  } catch {
    return 'missing';
  }
};

/** A folder that must exist, e.g. what `import` reads. */
export function existingFolder(given: string, expected: string): string {
  const p = path.resolve(given);
  const k = kind(p);
  if (k === 'missing') throw new PathError(`${p} does not exist (expected ${expected}).`);
  if (k === 'file') throw new PathError(`${p} is a file, not a folder (expected ${expected}).`);
  return p;
}

/** A folder to write into: made if missing, refused if it is a file. */
export function folderToWrite(given: string): string {
  const p = path.resolve(given);
  if (kind(p) === 'file') throw new PathError(`${p} is a file, not a folder.`);
  return p;
}

/** A file to create: its folder must exist and the file must not. */
export function newFile(given: string): string {
  const p = path.resolve(given);
  const folder = path.dirname(p);
  if (kind(folder) !== 'folder')
    throw new PathError(`${folder} is not a folder, so ${path.basename(p)} cannot go there.`);
  if (kind(p) !== 'missing') throw new PathError(`${p} already exists: choose a new file name.`);
  return p;
}

/** A file that must exist, e.g. a dataset's queries. */
export function existingFile(given: string): string {
  const p = path.resolve(given);
  const k = kind(p);
  if (k === 'missing') throw new PathError(`${p} does not exist.`);
  if (k === 'folder') throw new PathError(`${p} is a folder, not a file.`);
  return p;
}

/** The database file: its folder may be created, but it cannot be a folder itself. */
export function databaseFile(file: string): string {
  if (file === ':memory:') return file;
  if (kind(file) === 'folder')
    throw new PathError(`DATABASE_PATH ${file} is a folder; give a file name.`);
  let folder = path.dirname(file);
  while (kind(folder) === 'missing') folder = path.dirname(folder);
  if (kind(folder) === 'file')
    throw new PathError(`DATABASE_PATH ${file} cannot be created: ${folder} is a file.`);
  return file;
}
