/**
 * Names a bag from another system gives its files, mapped to names the archive keeps
 * (archive_files.path: `^(data|metadata)/[A-Za-z0-9._/-]+$`, never ".."). Pure. A name that is
 * already safe keeps it; any other is spelled in those characters (accents dropped, other runs
 * of characters become "-") and, where that meets a name already taken in the same directory, given
 * "-2", "-3"… before its extension. Names are unique in each directory without regard to case, so
 * a bag exported again can be written on a file system that ignores case.
 */

/** Longest segment kept: room for a long scanner name, short of file-system limits. */
const LONGEST_SEGMENT = 120;

/** One path segment in the archive's characters; never empty, ".", ".." nor hidden. */
export function safeSegment(segment: string): string {
  let safe = segment
    .normalize('NFKD')
    .replace(/\p{M}+/gu, '')
    .replace(/[^A-Za-z0-9._-]+/g, '-')
    .replace(/\.{2,}/g, '.')
    .replace(/^[.-]+/, '');
  if (safe.length > LONGEST_SEGMENT) {
    const extension = /\.[A-Za-z0-9]{1,10}$/.exec(safe)?.[0] ?? '';
    safe = safe.slice(0, LONGEST_SEGMENT - extension.length) + extension;
  }
  return safe || 'file';
}

function withSuffix(name: string, n: number): string {
  const dot = name.lastIndexOf('.');
  return dot > 0 ? `${name.slice(0, dot)}-${n}${name.slice(dot)}` : `${name}-${n}`;
}

interface Directory {
  /** Original segment → the node below it (a file has no children). */
  children: Map<string, Directory>;
}

/** Gives each child of one directory its archived name: safe names first, so they keep theirs. */
function nameChildren(directory: Directory): Map<string, string> {
  const names = new Map<string, string>();
  const taken = new Set<string>();
  const originals = [...directory.children.keys()].sort();
  const alreadySafe = originals.filter((o) => safeSegment(o) === o);
  for (const original of [...alreadySafe, ...originals.filter((o) => safeSegment(o) !== o)]) {
    const base = safeSegment(original);
    let name = base;
    for (let n = 2; taken.has(name.toLowerCase()); n++) name = withSuffix(base, n);
    taken.add(name.toLowerCase());
    names.set(original, name);
  }
  return names;
}

/**
 * Each original path (relative, '/'-separated, as the bag lists it under `base`) → the path the
 * archive keeps it under, `prefix` + the mapped segments. A directory maps to one name for all the
 * files below it.
 */
export function archivedPaths(originals: readonly string[], prefix: string): Map<string, string> {
  const root: Directory = { children: new Map() };
  for (const original of originals) {
    let node = root;
    for (const segment of original.split('/')) {
      let child = node.children.get(segment);
      if (!child) node.children.set(segment, (child = { children: new Map() }));
      node = child;
    }
  }
  const mapped = new Map<string, string>();
  const walk = (directory: Directory, originalPath: string, archivedPath: string) => {
    for (const [original, name] of nameChildren(directory)) {
      const child = directory.children.get(original) as Directory;
      const from = originalPath ? `${originalPath}/${original}` : original;
      const to = `${archivedPath}${name}`;
      if (child.children.size === 0) mapped.set(from, to);
      else walk(child, from, `${to}/`);
    }
  };
  walk(root, '', prefix);
  return mapped;
}
