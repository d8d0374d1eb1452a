-- Back office (SPEC §6, §7): editable order fields, paid/refunded bookkeeping, credit notes
-- in their own gap-free series, order search at scale, background jobs for mass actions,
-- referral commissions, and test orders with their own invoice series.

ALTER TABLE orders ADD COLUMN internal_reference TEXT NOT NULL DEFAULT '';
ALTER TABLE orders ADD COLUMN tracking_code TEXT NOT NULL DEFAULT '';
ALTER TABLE orders ADD COLUMN notes TEXT NOT NULL DEFAULT '';
-- Set once, in the transaction where the order becomes paid: the "exactly once" guard of
-- the becoming-paid effects (stock, gift cards, mails, commission).
ALTER TABLE orders ADD COLUMN paid_at TEXT;
ALTER TABLE orders ADD COLUMN refunded_minor INTEGER NOT NULL DEFAULT 0;
UPDATE orders SET paid_at = created_at
 WHERE status IN (SELECT code FROM order_statuses WHERE paid = 1);

CREATE INDEX orders_status ON orders (status, id);
CREATE INDEX orders_register ON orders (register_code, id);
CREATE INDEX orders_customer ON orders (customer_id, id);
CREATE INDEX payments_method ON payments (method, order_id);
CREATE INDEX customers_phone ON customers (phone);

INSERT INTO settings (key, value) VALUES
    ('credit_note_series', 'CN'),
    ('test_invoice_series', 'TEST'),
    ('referral_commission_percent', '5'),
    ('store_country', 'BE');

-- A credit note refunds (part of) an invoice. Issued documents are never edited.
CREATE TABLE credit_notes (
    id              INTEGER PRIMARY KEY,
    number          TEXT NOT NULL UNIQUE,
    series          TEXT NOT NULL,
    year            INTEGER NOT NULL,
    sequence        INTEGER NOT NULL,
    invoice_id      INTEGER NOT NULL REFERENCES invoices (id),
    order_id        INTEGER NOT NULL REFERENCES orders (id),
    reason          TEXT NOT NULL,
    subtotal_net_minor INTEGER NOT NULL,
    tax_total_minor INTEGER NOT NULL,
    total_minor     INTEGER NOT NULL CHECK (total_minor >= 0),
    issued_by       TEXT NOT NULL,
    issued_at       TEXT NOT NULL,
    UNIQUE (series, year, sequence)
);
CREATE INDEX credit_notes_order ON credit_notes (order_id);

CREATE TABLE credit_note_lines (
    credit_note_id   INTEGER NOT NULL REFERENCES credit_notes (id),
    position         INTEGER NOT NULL,
    sku              TEXT NOT NULL,
    name             TEXT NOT NULL,
    quantity         INTEGER NOT NULL,
    unit_price_minor INTEGER NOT NULL,
    tax_label        TEXT NOT NULL,
    tax_minor        INTEGER NOT NULL,
    gross_minor      INTEGER NOT NULL,
    PRIMARY KEY (credit_note_id, position)
) WITHOUT ROWID;

CREATE TABLE referral_commissions (
    id             INTEGER PRIMARY KEY,
    order_id       INTEGER NOT NULL UNIQUE REFERENCES orders (id),
    referrer_id    INTEGER NOT NULL REFERENCES customers (id),
    percent        TEXT NOT NULL,
    amount_minor   INTEGER NOT NULL,
    created_at     TEXT NOT NULL
);

-- Full-text index of orders: reference, customer name and e-mail, product names and SKUs.
-- Contentless (the text lives in the real tables); rowid = orders.id, so FTS5 walks matches
-- newest first for keyset pages. `detail=none` keeps only which orders hold a word (no
-- positions): doclists of common words stay small and fast to intersect. '-' is part of a
-- word, so a reference like S1-R1-000042 is one token; the references, SKUs and names are
-- indexed a second time with '-' as a space, so 000042 or a word of a hyphenated name match.
CREATE VIRTUAL TABLE order_search USING fts5 (
    body,
    content = '',
    contentless_delete = 1,
    detail = none,
    tokenize = "unicode61 remove_diacritics 2 tokenchars '-'",
    -- Prefix indexes up to 8 letters: the last word of a search is still being typed and
    -- matches as a prefix, and an unindexed prefix of a common word makes FTS5 load its
    -- whole doclist (≈100 ms at 1M orders) where an indexed one takes well under 1 ms.
    prefix = '2 3 4 5 6 7 8'
);
INSERT INTO order_search (rowid, body)
SELECT o.id,
       o.reference || ' ' || replace(o.reference, '-', ' ') || ' ' || COALESCE(c.name, '') || ' ' ||
       COALESCE(c.email, '') || ' ' ||
       COALESCE((SELECT group_concat(l.name || ' ' || l.sku || ' ' || replace(l.name || ' ' || l.sku, '-', ' '), ' ')
                   FROM order_lines l WHERE l.order_id = o.id), '')
  FROM orders o LEFT JOIN customers c ON c.id = o.customer_id;

-- Mass actions run as jobs that survive a restart: each order is an item with its own
-- outcome, so the rest still succeeds when one fails.
CREATE TABLE jobs (
    id          INTEGER PRIMARY KEY,
    kind        TEXT NOT NULL CHECK (kind IN ('fulfil', 'cancel', 'return', 'export_csv', 'packing_slips', 'pick_list')),
    status      TEXT NOT NULL DEFAULT 'queued' CHECK (status IN ('queued', 'running', 'done')),
    requested_by TEXT NOT NULL,
    output      TEXT,
    created_at  TEXT NOT NULL,
    finished_at TEXT
);

CREATE TABLE job_items (
    job_id   INTEGER NOT NULL REFERENCES jobs (id) ON DELETE CASCADE,
    position INTEGER NOT NULL,
    order_id INTEGER NOT NULL REFERENCES orders (id),
    status   TEXT NOT NULL DEFAULT 'pending' CHECK (status IN ('pending', 'done', 'failed')),
    error    TEXT,
    PRIMARY KEY (job_id, position)
) WITHOUT ROWID;
CREATE INDEX job_items_pending ON job_items (job_id, status);
