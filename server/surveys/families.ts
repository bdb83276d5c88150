/**
 * Which children form one family for a per-family survey: children who share a guardian,
 * directly or through a sibling (a father linked to the elder, a mother to both). Each
 * family is keyed by its lowest pupil id; a child with no guardian is a family of one.
 */
export function familyKeys(pupilIds: readonly number[], links: readonly { guardianId: number; pupilId: number }[]): Map<number, number> {
  const parent = new Map(pupilIds.map((id) => [id, id]))
  const find = (id: number): number => {
    let root = id
    while (parent.get(root)! !== root) root = parent.get(root)!
    // Path compression keeps a large school's families flat.
    for (let n = id; n !== root; ) {
      const next = parent.get(n)!
      parent.set(n, root)
      n = next
    }
    return root
  }
  const union = (a: number, b: number) => {
    const [ra, rb] = [find(a), find(b)]
    if (ra !== rb) parent.set(Math.max(ra, rb), Math.min(ra, rb))
  }
  const firstChildOf = new Map<number, number>()
  for (const { guardianId, pupilId } of links) {
    if (!parent.has(pupilId)) continue
    const first = firstChildOf.get(guardianId)
    if (first === undefined) firstChildOf.set(guardianId, pupilId)
    else union(first, pupilId)
  }
  return new Map(pupilIds.map((id) => [id, find(id)]))
}
