// The category tree of the fake backend, checked as the core checks it: a name (at most
// 100 characters, no '>'), unique among its siblings in any case (`duplicate_category`);
// a parent that exists and is neither the category itself nor one below it
// (`invalid_input`); an unknown category to change is `not_found`.
import type { CategoryInput } from '../bindings/CategoryInput';
import { BackendError } from '../errors';
import { buildTree, subtreeIds, type CategoryNode } from '../../catalog/categories';

const MAX_NAME = 100;

function checkName(name: string): string {
  const trimmed = name.trim();
  if (trimmed === '') throw new BackendError('invalid_input', 'A category name is empty.');
  if ([...trimmed].length > MAX_NAME) {
    throw new BackendError('invalid_input', `The category name is longer than ${MAX_NAME} characters.`);
  }
  if (trimmed.includes('>')) {
    throw new BackendError(
      'invalid_input',
      `The category name “${trimmed}” contains '>', which separates the levels of a category path.`,
    );
  }
  return trimmed;
}

function sibling(
  nodes: readonly CategoryNode[],
  parentId: number | null,
  name: string,
): CategoryNode | undefined {
  const lower = name.toLowerCase();
  return nodes.find((node) => node.parent_id === parentId && node.name.toLowerCase() === lower);
}

/** Creates (no `id`), renames or moves a category in `nodes`; returns the saved one. */
export function saveCategory(nodes: CategoryNode[], input: CategoryInput): CategoryNode {
  const name = checkName(input.name);
  const existing = input.id === undefined ? undefined : nodes.find((node) => node.id === input.id);
  if (input.id !== undefined && !existing) {
    throw new BackendError('not_found', `Category ${input.id} does not exist.`);
  }
  const parentId = input.parent_id ?? null;
  if (parentId !== null) {
    const parent = buildTree(nodes).find((view) => view.id === parentId);
    if (!parent) {
      throw new BackendError('invalid_input', `The parent category ${parentId} does not exist.`);
    }
    if (existing && subtreeIds(nodes, existing.id).has(parentId)) {
      throw new BackendError(
        'invalid_input',
        `“${parent.path}” is this category or one of its subcategories: a category cannot move under itself.`,
      );
    }
  }
  const clash = sibling(nodes, parentId, name);
  if (clash && clash !== existing) {
    throw new BackendError(
      'duplicate_category',
      `There is already a category “${name}” here: choose another name.`,
    );
  }
  if (existing) {
    existing.name = name;
    existing.parent_id = parentId;
    return existing;
  }
  const created: CategoryNode = {
    id: Math.max(0, ...nodes.map((node) => node.id)) + 1,
    name,
    parent_id: parentId,
  };
  nodes.push(created);
  return created;
}

/**
 * The category at a path such as `Clothing > Shirts`, made with the levels it lacks
 * (`preferredId` for the last one when it is free), as an import does.
 */
export function ensurePath(nodes: CategoryNode[], path: string, preferredId?: number): CategoryNode | null {
  const names = path
    .split('>')
    .map((part) => part.trim())
    .filter((part) => part !== '');
  let parent: CategoryNode | null = null;
  for (const [index, name] of names.entries()) {
    const parentId: number | null = parent === null ? null : parent.id;
    let node: CategoryNode | undefined = sibling(nodes, parentId, name);
    if (!node) {
      const last = index === names.length - 1;
      const id =
        last && preferredId !== undefined && !nodes.some((n) => n.id === preferredId)
          ? preferredId
          : Math.max(0, ...nodes.map((n) => n.id)) + 1;
      node = { id, name, parent_id: parentId };
      nodes.push(node);
    }
    parent = node;
  }
  return parent;
}

/** The path of a category (`Clothing > Shirts`), or null when it does not exist. */
export function pathOf(nodes: readonly CategoryNode[], id: number): string | null {
  return buildTree(nodes).find((view) => view.id === id)?.path ?? null;
}
