import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { ROOT } from '../../server/paths';
import { cliRunner } from '../helpers/cli';

/** The command line as an operator runs it: its own process, a real database file. */
describe('cli: a wrong path gets one line saying what is wrong, and exit 1', () => {
  let dir: string;
  beforeAll(() => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'firstcall-cli-'));
  });
  afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

  const cli = cliRunner(() => path.join(dir, 'cli.db'));

  it.each([
    [['import', '/nonexistent'], /^import: \/nonexistent does not exist \(expected a folder/],
    [['import', 'README.md'], /^import: .*README\.md is a file, not a folder/],
    [['export', 'README.md'], /^export: .*README\.md is a file, not a folder/],
    [['backup', '/nonexistent/dir/x.db'], /^backup: \/nonexistent\/dir is not a folder/],
    [['eval', '--dataset', '/nonexistent'], /^eval: \/nonexistent does not exist/],
  ])('%j', (args, message) => {
    const run = cli(...args);
    expect(run.status).toBe(1);
    const lines = run.stderr.trim().split('\n');
    expect(lines).toHaveLength(1);
    expect(lines[0]).toMatch(message);
    expect(run.stderr).not.toMatch(/ENOENT|ENOTDIR|EEXIST|SQLITE_/);
  });

  it('refuses to overwrite a backup', () => {
    const target = path.join(dir, 'taken.db');
    fs.writeFileSync(target, 'something precious');
    const run = cli('backup', target);
    expect(run.status).toBe(1);
    expect(run.stderr.trim()).toBe(`backup: ${target} already exists: choose a new file name.`);
    expect(fs.readFileSync(target, 'utf8')).toBe('something precious');
  });

  it('says when DATABASE_PATH cannot be a database file', () => {
    const run = cliRunner(() => dir)('migrate');
    expect(run.status).toBe(1);
    expect(run.stderr.trim()).toBe(`migrate: DATABASE_PATH ${dir} is a folder; give a file name.`);
  });

  it('prints its version', () => {
    const run = cli('--version');
    expect(run.status).toBe(0);
    const pkg = JSON.parse(fs.readFileSync(path.join(ROOT, 'package.json'), 'utf8'));
    expect(run.stdout.trim()).toBe(pkg.version);
  });
});
