// Tests the category tree helpers: paths and depths built from the parent links in display
// order (parents first, siblings by name), a broken tree still shown whole, a category's
// branch, and option labels indented by depth.
import { describe, expect, it } from 'vitest';
import { buildTree, indentedName, subtreeIds, type CategoryNode } from './categories';

const NODES: CategoryNode[] = [
  { id: 1, name: 'Drinks', parent_id: null },
  { id: 2, name: 'Juice', parent_id: 1 },
  { id: 3, name: 'Bakery', parent_id: null },
  { id: 4, name: 'apple', parent_id: 2 },
  { id: 5, name: 'Beer', parent_id: 1 },
];

describe('buildTree', () => {
  it('builds paths and depths, each category under its parent, siblings by name', () => {
    expect(buildTree(NODES).map((c) => [c.id, c.path, c.depth, c.parent_id])).toEqual([
      [3, 'Bakery', 0, null],
      [1, 'Drinks', 0, null],
      [5, 'Drinks > Beer', 1, 1],
      [2, 'Drinks > Juice', 1, 1],
      [4, 'Drinks > Juice > apple', 2, 2],
    ]);
  });

  it('shows a category with a missing parent, or in a loop, at the top instead of losing it', () => {
    const tree = buildTree([
      { id: 1, name: 'Orphan', parent_id: 99 },
      { id: 2, name: 'Ping', parent_id: 3 },
      { id: 3, name: 'Pong', parent_id: 2 },
    ]);
    expect(tree.map((c) => c.path)).toEqual(['Orphan', 'Ping', 'Ping > Pong']);
    expect(tree.map((c) => c.id).sort()).toEqual([1, 2, 3]);
  });
});

describe('subtreeIds', () => {
  it('is the category and everything below it', () => {
    expect([...subtreeIds(NODES, 1)].sort()).toEqual([1, 2, 4, 5]);
    expect([...subtreeIds(NODES, 2)].sort()).toEqual([2, 4]);
    expect([...subtreeIds(NODES, 3)]).toEqual([3]);
  });
});

describe('indentedName', () => {
  it('indents by depth with spaces an option keeps', () => {
    expect(indentedName({ name: 'Juice', depth: 0 })).toBe('Juice');
    expect(indentedName({ name: 'apple', depth: 2 })).toBe('\u00a0'.repeat(6) + 'apple');
  });
});
