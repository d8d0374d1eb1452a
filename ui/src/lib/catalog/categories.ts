// The category tree as the screens show it: paths built from the parent links (`Drinks >
// Juice`), the tree in display order (each category under its parent, siblings by name),
// a category with everything below it (a filter includes subcategories; a category cannot
// move under itself or one of those), and an option's label indented by its depth.
import type { CategoryView } from '../api/bindings/CategoryView';

/** What the tree is made of: an id, a name and the parent's id (none at the top). */
export interface CategoryNode {
  id: number;
  name: string;
  parent_id: number | null;
}

/** The separator of the levels of a category path. */
export const PATH_SEPARATOR = ' > ';

/**
 * The categories in display order with their paths and depths: every category follows its
 * parent, siblings sorted by name (case-insensitively). A category whose parent is missing,
 * or that sits in a loop, is shown at the top rather than lost.
 */
export function buildTree(nodes: readonly CategoryNode[]): CategoryView[] {
  const ids = new Set(nodes.map((node) => node.id));
  const children = new Map<number | null, CategoryNode[]>();
  for (const node of nodes) {
    const parent = node.parent_id !== null && ids.has(node.parent_id) ? node.parent_id : null;
    children.set(parent, [...(children.get(parent) ?? []), node]);
  }
  const byName = (a: CategoryNode, b: CategoryNode): number =>
    a.name.localeCompare(b.name, undefined, { sensitivity: 'base' }) || a.id - b.id;
  const views: CategoryView[] = [];
  const placed = new Set<number>();
  const walk = (parent: number | null, path: string, depth: number): void => {
    for (const node of [...(children.get(parent) ?? [])].sort(byName)) {
      if (placed.has(node.id)) continue;
      placed.add(node.id);
      const own = path === '' ? node.name : `${path}${PATH_SEPARATOR}${node.name}`;
      views.push({ id: node.id, parent_id: parent, name: node.name, path: own, depth });
      walk(node.id, own, depth + 1);
    }
  };
  walk(null, '', 0);
  // A loop of parents never reaches the top: show its members at the top level.
  for (const node of [...nodes].sort(byName)) {
    if (placed.has(node.id)) continue;
    placed.add(node.id);
    views.push({ id: node.id, parent_id: null, name: node.name, path: node.name, depth: 0 });
    walk(node.id, node.name, 1);
  }
  return views;
}

/** The category and every category below it (its ids). */
export function subtreeIds(
  nodes: readonly Pick<CategoryNode, 'id' | 'parent_id'>[],
  id: number,
): Set<number> {
  const ids = new Set<number>([id]);
  let grew = true;
  while (grew) {
    grew = false;
    for (const node of nodes) {
      if (node.parent_id !== null && ids.has(node.parent_id) && !ids.has(node.id)) {
        ids.add(node.id);
        grew = true;
      }
    }
  }
  return ids;
}

/** A category's name indented by its depth, for the options of a picker. */
export function indentedName(category: Pick<CategoryView, 'name' | 'depth'>): string {
  // Non-breaking spaces: an <option> collapses ordinary ones.
  return `${'\u00a0\u00a0\u00a0'.repeat(category.depth)}${category.name}`;
}
