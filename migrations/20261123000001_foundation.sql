-- Foundation schema: catalog, customers, carts, orders with snapshots, invoices, stock
-- movements and the outbox. Money is INTEGER minor units (exact, and SUM() stays exact);
-- rates are canonical decimal TEXT; timestamps are RFC 3339 UTC TEXT.
-- Never edit this file once released: schema changes are new migration files.

CREATE TABLE settings (
    key   TEXT PRIMARY KEY NOT NULL,
    value TEXT NOT NULL
) WITHOUT ROWID;

INSERT INTO settings (key, value) VALUES
    ('store_name', 'Kassa Demo Store'),
    ('store_code', 'S1'),
    ('store_address', '1 Market Street, 1000 Brussels, Belgium'),
    ('store_tax_id', 'BE0123456789'),
    ('currency_code', 'EUR'),
    ('currency_minor_unit_digits', '2'),
    ('currency_rounding', 'half_away_from_zero'),
    ('price_mode', 'tax_inclusive'),
    ('tax_rounding', 'per_line'),
    ('oversell_policy', 'allow_and_warn'),
    ('invoice_series', 'INV');

CREATE TABLE tax_classes (
    id    INTEGER PRIMARY KEY,
    code  TEXT NOT NULL UNIQUE,
    label TEXT NOT NULL
);

-- A class's rate, optionally per destination country (NULL: the store's own country).
CREATE TABLE tax_rates (
    id           INTEGER PRIMARY KEY,
    tax_class_id INTEGER NOT NULL REFERENCES tax_classes (id),
    country_code TEXT,
    label        TEXT NOT NULL,
    percent      TEXT NOT NULL,
    UNIQUE (tax_class_id, country_code)
);

CREATE TABLE categories (
    id        INTEGER PRIMARY KEY,
    parent_id INTEGER REFERENCES categories (id),
    name      TEXT NOT NULL,
    UNIQUE (parent_id, name)
);

CREATE TABLE products (
    id             INTEGER PRIMARY KEY,
    sku            TEXT NOT NULL UNIQUE,
    name           TEXT NOT NULL,
    description    TEXT NOT NULL DEFAULT '',
    category_id    INTEGER REFERENCES categories (id),
    price_minor    INTEGER NOT NULL CHECK (price_minor >= 0),
    tax_class_id   INTEGER NOT NULL REFERENCES tax_classes (id),
    stock_tracked  INTEGER NOT NULL DEFAULT 1 CHECK (stock_tracked IN (0, 1)),
    stock_on_hand  INTEGER NOT NULL DEFAULT 0,
    weight_grams   INTEGER,
    shippable      INTEGER NOT NULL DEFAULT 1 CHECK (shippable IN (0, 1)),
    active         INTEGER NOT NULL DEFAULT 1 CHECK (active IN (0, 1)),
    kind           TEXT NOT NULL DEFAULT 'normal' CHECK (kind IN ('normal', 'gift_card')),
    created_at     TEXT NOT NULL,
    updated_at     TEXT NOT NULL
);
CREATE INDEX products_name ON products (name COLLATE NOCASE);
CREATE INDEX products_category ON products (category_id);

-- Several barcodes per product (EAN-13, UPC-A, Code128); a barcode names one product.
CREATE TABLE product_barcodes (
    barcode    TEXT PRIMARY KEY NOT NULL,
    product_id INTEGER NOT NULL REFERENCES products (id) ON DELETE CASCADE
);
CREATE INDEX product_barcodes_product ON product_barcodes (product_id);

CREATE TABLE customers (
    id             INTEGER PRIMARY KEY,
    kind           TEXT NOT NULL DEFAULT 'account' CHECK (kind IN ('guest', 'account')),
    name           TEXT NOT NULL,
    email          TEXT,
    phone          TEXT,
    customer_group TEXT NOT NULL DEFAULT 'retail',
    newsletter     INTEGER NOT NULL DEFAULT 0 CHECK (newsletter IN (0, 1)),
    notes          TEXT NOT NULL DEFAULT '',
    referred_by    INTEGER REFERENCES customers (id),
    created_at     TEXT NOT NULL
);
CREATE INDEX customers_name ON customers (name COLLATE NOCASE);
CREATE INDEX customers_email ON customers (email);

CREATE TABLE customer_addresses (
    id                  INTEGER PRIMARY KEY,
    customer_id         INTEGER NOT NULL REFERENCES customers (id) ON DELETE CASCADE,
    name                TEXT NOT NULL,
    line1               TEXT NOT NULL,
    line2               TEXT NOT NULL DEFAULT '',
    postal_code         TEXT NOT NULL,
    city                TEXT NOT NULL,
    country_code        TEXT NOT NULL,
    is_default_shipping INTEGER NOT NULL DEFAULT 0,
    is_default_invoice  INTEGER NOT NULL DEFAULT 0
);
CREATE INDEX customer_addresses_customer ON customer_addresses (customer_id);

-- A cart exists from its first item. 'open' is the one a register is ringing up;
-- 'parked' ones wait to be resumed; 'ordered' ones became an order.
CREATE TABLE carts (
    id            INTEGER PRIMARY KEY,
    register_code TEXT NOT NULL,
    customer_id   INTEGER REFERENCES customers (id),
    status        TEXT NOT NULL DEFAULT 'open' CHECK (status IN ('open', 'parked', 'ordered')),
    created_at    TEXT NOT NULL,
    updated_at    TEXT NOT NULL
);
CREATE INDEX carts_register_status ON carts (register_code, status, updated_at);

CREATE TABLE cart_lines (
    id         INTEGER PRIMARY KEY,
    cart_id    INTEGER NOT NULL REFERENCES carts (id) ON DELETE CASCADE,
    product_id INTEGER NOT NULL REFERENCES products (id),
    quantity   INTEGER NOT NULL CHECK (quantity >= 0),
    note       TEXT NOT NULL DEFAULT '',
    added_at   TEXT NOT NULL,
    UNIQUE (cart_id, product_id)
);

CREATE TABLE order_statuses (
    code            TEXT PRIMARY KEY NOT NULL,
    label           TEXT NOT NULL,
    position        INTEGER NOT NULL,
    paid            INTEGER NOT NULL DEFAULT 0,
    shipped         INTEGER NOT NULL DEFAULT 0,
    delivered       INTEGER NOT NULL DEFAULT 0,
    canceled        INTEGER NOT NULL DEFAULT 0,
    refunded        INTEGER NOT NULL DEFAULT 0,
    notify_customer INTEGER NOT NULL DEFAULT 0,
    colour          TEXT NOT NULL
) WITHOUT ROWID;

INSERT INTO order_statuses (code, label, position, paid, shipped, delivered, canceled, refunded, notify_customer, colour) VALUES
    ('awaiting_payment', 'Awaiting payment', 1, 0, 0, 0, 0, 0, 1, '#b7791f'),
    ('payment_accepted', 'Payment accepted', 2, 1, 0, 0, 0, 0, 1, '#2f855a'),
    ('processing',       'Processing',       3, 1, 0, 0, 0, 0, 0, '#2b6cb0'),
    ('shipped',          'Shipped',          4, 1, 1, 0, 0, 0, 1, '#6b46c1'),
    ('delivered',        'Delivered',        5, 1, 1, 1, 0, 0, 0, '#276749'),
    ('canceled',         'Canceled',         6, 0, 0, 0, 1, 0, 1, '#718096'),
    ('refunded',         'Refunded',         7, 1, 0, 0, 0, 1, 1, '#c53030'),
    ('returned',         'Returned',         8, 1, 1, 1, 0, 1, 1, '#9c4221');

-- Gap-free counters: order references per store and register, invoice numbers per series
-- and year. Only ever advanced inside the transaction that uses the number.
CREATE TABLE document_sequences (
    scope      TEXT PRIMARY KEY NOT NULL,
    last_value INTEGER NOT NULL
) WITHOUT ROWID;

CREATE TABLE orders (
    id                 INTEGER PRIMARY KEY,
    uuid               TEXT NOT NULL UNIQUE,
    reference          TEXT NOT NULL UNIQUE,
    store_code         TEXT NOT NULL,
    register_code      TEXT NOT NULL,
    cart_id            INTEGER REFERENCES carts (id),
    customer_id        INTEGER REFERENCES customers (id),
    status             TEXT NOT NULL REFERENCES order_statuses (code),
    currency_code      TEXT NOT NULL,
    price_mode         TEXT NOT NULL,
    subtotal_net_minor INTEGER NOT NULL,
    tax_total_minor    INTEGER NOT NULL,
    total_minor        INTEGER NOT NULL CHECK (total_minor >= 0),
    paid_minor         INTEGER NOT NULL,
    change_minor       INTEGER NOT NULL,
    is_test            INTEGER NOT NULL DEFAULT 0,
    created_at         TEXT NOT NULL
);
CREATE INDEX orders_created ON orders (created_at DESC, id DESC);

-- Immutable snapshot of what was sold: editing or deleting a product never changes it.
CREATE TABLE order_lines (
    id               INTEGER PRIMARY KEY,
    order_id         INTEGER NOT NULL REFERENCES orders (id),
    position         INTEGER NOT NULL,
    product_id       INTEGER REFERENCES products (id) ON DELETE SET NULL,
    sku              TEXT NOT NULL,
    name             TEXT NOT NULL,
    quantity         INTEGER NOT NULL CHECK (quantity >= 0),
    unit_price_minor INTEGER NOT NULL,
    tax_code         TEXT NOT NULL,
    tax_label        TEXT NOT NULL,
    tax_percent      TEXT NOT NULL,
    net_minor        INTEGER NOT NULL,
    tax_minor        INTEGER NOT NULL,
    gross_minor      INTEGER NOT NULL,
    UNIQUE (order_id, position)
);

CREATE TABLE order_taxes (
    order_id   INTEGER NOT NULL REFERENCES orders (id),
    tax_code   TEXT NOT NULL,
    label      TEXT NOT NULL,
    percent    TEXT NOT NULL,
    base_minor INTEGER NOT NULL,
    tax_minor  INTEGER NOT NULL,
    PRIMARY KEY (order_id, tax_code)
) WITHOUT ROWID;

CREATE TABLE payments (
    id             INTEGER PRIMARY KEY,
    order_id       INTEGER NOT NULL REFERENCES orders (id),
    method         TEXT NOT NULL,
    amount_minor   INTEGER NOT NULL,
    tendered_minor INTEGER NOT NULL,
    change_minor   INTEGER NOT NULL,
    reference      TEXT,
    created_at     TEXT NOT NULL
);
CREATE INDEX payments_order ON payments (order_id);

CREATE TABLE order_status_history (
    id          INTEGER PRIMARY KEY,
    order_id    INTEGER NOT NULL REFERENCES orders (id),
    from_status TEXT REFERENCES order_statuses (code),
    to_status   TEXT NOT NULL REFERENCES order_statuses (code),
    changed_by  TEXT NOT NULL,
    note        TEXT NOT NULL DEFAULT '',
    created_at  TEXT NOT NULL
);
CREATE INDEX order_status_history_order ON order_status_history (order_id);

CREATE TABLE invoices (
    id          INTEGER PRIMARY KEY,
    order_id    INTEGER NOT NULL UNIQUE REFERENCES orders (id),
    number      TEXT NOT NULL UNIQUE,
    series      TEXT NOT NULL,
    year        INTEGER NOT NULL,
    sequence    INTEGER NOT NULL,
    status      TEXT NOT NULL CHECK (status IN ('unpaid', 'partially_paid', 'paid', 'void')),
    total_minor INTEGER NOT NULL,
    paid_minor  INTEGER NOT NULL,
    issued_at   TEXT NOT NULL,
    UNIQUE (series, year, sequence)
);

CREATE TABLE stock_movements (
    id         INTEGER PRIMARY KEY,
    product_id INTEGER NOT NULL REFERENCES products (id),
    order_id   INTEGER REFERENCES orders (id),
    delta      INTEGER NOT NULL,
    reason     TEXT NOT NULL CHECK (reason IN ('sale', 'return', 'adjustment', 'initial')),
    created_at TEXT NOT NULL
);
CREATE INDEX stock_movements_product ON stock_movements (product_id);

-- Work for other systems, written in the same transaction as the change that causes it:
-- 'mail' rows for the mail worker, 'sync' rows for the shop connector. The unique key
-- makes queuing idempotent.
CREATE TABLE outbox (
    id              INTEGER PRIMARY KEY,
    topic           TEXT NOT NULL CHECK (topic IN ('mail', 'sync')),
    kind            TEXT NOT NULL,
    aggregate_uuid  TEXT NOT NULL,
    payload         TEXT NOT NULL,
    status          TEXT NOT NULL DEFAULT 'pending' CHECK (status IN ('pending', 'done', 'failed')),
    attempts        INTEGER NOT NULL DEFAULT 0,
    next_attempt_at TEXT NOT NULL,
    last_error      TEXT,
    created_at      TEXT NOT NULL,
    UNIQUE (topic, kind, aggregate_uuid)
);
CREATE INDEX outbox_pending ON outbox (topic, status, next_attempt_at);
