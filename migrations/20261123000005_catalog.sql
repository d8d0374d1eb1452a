-- Catalog (SPEC §1): variations with their attributes, a category tree with a filter that
-- includes subcategories, product search at a million products, and CSV imports that run
-- in the background. Money is INTEGER minor units, as everywhere.

-- A variation (T-shirt, size L, red) is a product of its own with its own SKU, barcodes,
-- price and stock; `parent_id` names the product it is a variation of. One level only: a
-- parent is not itself a variation, and a product that has variations is not sold itself
-- (the counter asks which variation).
ALTER TABLE products ADD COLUMN parent_id INTEGER REFERENCES products (id);
CREATE INDEX products_parent ON products (parent_id) WHERE parent_id IS NOT NULL;

-- A variation's attribute values (Size = L, Colour = Red), in display order.
CREATE TABLE product_attributes (
    product_id INTEGER NOT NULL REFERENCES products (id) ON DELETE CASCADE,
    position   INTEGER NOT NULL,
    name       TEXT NOT NULL,
    value      TEXT NOT NULL,
    PRIMARY KEY (product_id, position)
) WITHOUT ROWID;

-- Sibling categories have different names, top-level ones included (the UNIQUE of the
-- foundation does not hold for NULL parents), in any case: "Drinks > Juice" names one
-- category.
CREATE UNIQUE INDEX categories_sibling_name ON categories (COALESCE(parent_id, 0), name COLLATE NOCASE);

-- Every (ancestor, descendant) pair of the category tree, a category being its own
-- ancestor at depth 0: a category filter is one indexed lookup of the subtree, however deep.
-- Rebuilt whenever a category is created or moved (categories are few).
CREATE TABLE category_tree (
    ancestor_id INTEGER NOT NULL REFERENCES categories (id) ON DELETE CASCADE,
    category_id INTEGER NOT NULL REFERENCES categories (id) ON DELETE CASCADE,
    depth       INTEGER NOT NULL,
    PRIMARY KEY (ancestor_id, category_id)
) WITHOUT ROWID;
CREATE INDEX category_tree_category ON category_tree (category_id, depth);
INSERT INTO category_tree (ancestor_id, category_id, depth)
WITH RECURSIVE up (ancestor_id, category_id, depth) AS (
    SELECT id, id, 0 FROM categories
    UNION ALL
    SELECT c.parent_id, up.category_id, up.depth + 1
      FROM up JOIN categories c ON c.id = up.ancestor_id
     WHERE c.parent_id IS NOT NULL
)
SELECT ancestor_id, category_id, depth FROM up;

-- Full-text index of products, like order_search: contentless (the text lives in the real
-- tables), rowid = products.id, `detail=none` (only which products hold a word), words of
-- letters, digits and '-' without diacritics, prefix indexes for the word still being
-- typed. A product is found by its name, SKU (whole, and each '-'-separated part, so a
-- partial SKU matches), barcodes and attribute values. Each ancestor-or-self category of
-- its category is indexed as a token `kc<id>k`, so a category filter (subcategories
-- included) is one more term that FTS5 intersects, never a scan.
CREATE VIRTUAL TABLE product_search USING fts5 (
    body,
    content = '',
    contentless_delete = 1,
    detail = none,
    tokenize = "unicode61 remove_diacritics 2 tokenchars '-'",
    prefix = '2 3 4 5 6 7 8'
);
INSERT INTO product_search (rowid, body)
SELECT p.id,
       p.name || ' ' || replace(p.name, '-', ' ') || ' ' || p.sku || ' ' || replace(p.sku, '-', ' ') ||
       COALESCE((SELECT ' ' || group_concat(b.barcode, ' ') FROM product_barcodes b WHERE b.product_id = p.id), '') ||
       COALESCE((SELECT ' ' || group_concat('kc' || t.ancestor_id || 'k', ' ') FROM category_tree t
                  WHERE t.category_id = p.category_id), '')
  FROM products p;

-- Nothing puts a parent (it is not sold itself) or a switched-off product (or a variation
-- of a switched-off parent) into a cart, whichever way it comes: the API checks first and
-- says why (`choose_variation`, `product_inactive`); this is the net under every path.
CREATE TRIGGER cart_lines_sellable BEFORE INSERT ON cart_lines
WHEN EXISTS (SELECT 1 FROM products v WHERE v.parent_id = NEW.product_id)
  OR EXISTS (SELECT 1 FROM products p WHERE p.id = NEW.product_id AND p.active = 0)
  OR EXISTS (SELECT 1 FROM products p JOIN products q ON q.id = p.parent_id
              WHERE p.id = NEW.product_id AND q.active = 0)
BEGIN
    SELECT RAISE(ABORT, 'this product cannot be sold: it has variations or is switched off');
END;

-- Product imports run in the background and in one transaction: this row is the outcome
-- the UI polls once the work is over (progress while it runs is kept in memory). Written
-- in the import's own transaction when it succeeds, so the outcome and the products agree.
CREATE TABLE product_imports (
    id          INTEGER PRIMARY KEY,
    file_name   TEXT NOT NULL,
    status      TEXT NOT NULL DEFAULT 'running' CHECK (status IN ('running', 'done', 'failed')),
    total_rows  INTEGER NOT NULL DEFAULT 0,
    created     INTEGER NOT NULL DEFAULT 0,
    updated     INTEGER NOT NULL DEFAULT 0,
    -- Why nothing was imported: an error code and a sentence, and the rejected rows (JSON).
    error_code  TEXT,
    error       TEXT,
    problems    TEXT NOT NULL DEFAULT '[]',
    started_at  TEXT NOT NULL,
    finished_at TEXT
);
