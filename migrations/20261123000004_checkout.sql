-- Full checkout (SPEC §4, §5): coupons, gift cards, store credit, carriers, payment methods
-- with their initial statuses, cash rounding, and what an order keeps of its discounts,
-- delivery and addresses; products' bin locations for picking (SPEC §8). Money is INTEGER minor units; lists of codes are comma-separated
-- TEXT ('' = no restriction).

INSERT INTO settings (key, value) VALUES
    -- Cash is rounded to this step (e.g. 0.05 where the smallest coin is five cents);
    -- '0' rounds to the minor unit only.
    ('cash_rounding_increment', '0'),
    -- A gift card bought in an order is valid this many days from the day it is issued.
    ('gift_card_validity_days', '365');

-- Order totals: total = items_total − discount_total + shipping_total; the cash payment
-- may differ from the total by cash_rounding (paid = total + cash_rounding when paid).
ALTER TABLE orders ADD COLUMN items_total_minor INTEGER;
ALTER TABLE orders ADD COLUMN discount_total_minor INTEGER NOT NULL DEFAULT 0;
ALTER TABLE orders ADD COLUMN shipping_total_minor INTEGER NOT NULL DEFAULT 0;
ALTER TABLE orders ADD COLUMN shipping_tax_minor INTEGER NOT NULL DEFAULT 0;
ALTER TABLE orders ADD COLUMN shipping_tax_label TEXT;
ALTER TABLE orders ADD COLUMN cash_rounding_minor INTEGER NOT NULL DEFAULT 0;
ALTER TABLE orders ADD COLUMN carrier_code TEXT;
ALTER TABLE orders ADD COLUMN carrier_name TEXT;
-- The method chosen to pay the rest later (check, wire transfer, cash on delivery).
ALTER TABLE orders ADD COLUMN pay_later_method TEXT;
-- Address snapshots (JSON) as they were when the order was placed.
ALTER TABLE orders ADD COLUMN shipping_address TEXT;
ALTER TABLE orders ADD COLUMN invoice_address TEXT;
UPDATE orders SET items_total_minor = total_minor;

-- What coupons took off each line, in the store's price mode (gross when tax-inclusive).
ALTER TABLE order_lines ADD COLUMN discount_minor INTEGER NOT NULL DEFAULT 0;

-- Where a product sits in the stock room (aisle-shelf-level, e.g. A-03-2): packing slips
-- list it and pick lists are sorted by it.
ALTER TABLE products ADD COLUMN bin_location TEXT;

ALTER TABLE customers ADD COLUMN store_credit_minor INTEGER NOT NULL DEFAULT 0 CHECK (store_credit_minor >= 0);

INSERT INTO order_statuses (code, label, position, paid, shipped, delivered, canceled, refunded, notify_customer, colour) VALUES
    ('awaiting_check', 'Awaiting check payment', 9, 0, 0, 0, 0, 0, 1, '#b7791f'),
    ('awaiting_wire', 'Awaiting wire payment', 10, 0, 0, 0, 0, 0, 1, '#b7791f'),
    ('awaiting_cod', 'Awaiting cash on delivery', 11, 0, 0, 0, 0, 0, 1, '#b7791f');

-- Coupons (cart rules). A coupon takes `percent` % or `amount_minor` off the cart or off
-- the products / categories in coupon_targets; it may also make shipping free.
CREATE TABLE coupons (
    id                     INTEGER PRIMARY KEY,
    code                   TEXT NOT NULL UNIQUE COLLATE NOCASE,
    description            TEXT NOT NULL DEFAULT '',
    kind                   TEXT NOT NULL CHECK (kind IN ('percent', 'fixed', 'none')),
    percent                TEXT,
    amount_minor           INTEGER CHECK (amount_minor IS NULL OR amount_minor > 0),
    scope                  TEXT NOT NULL DEFAULT 'cart' CHECK (scope IN ('cart', 'products', 'categories')),
    free_shipping          INTEGER NOT NULL DEFAULT 0 CHECK (free_shipping IN (0, 1)),
    minimum_subtotal_minor INTEGER NOT NULL DEFAULT 0 CHECK (minimum_subtotal_minor >= 0),
    valid_from             TEXT,
    valid_to               TEXT,
    usage_limit            INTEGER CHECK (usage_limit IS NULL OR usage_limit >= 0),
    per_customer_limit     INTEGER CHECK (per_customer_limit IS NULL OR per_customer_limit >= 0),
    customer_id            INTEGER REFERENCES customers (id),
    customer_group         TEXT,
    combinable             INTEGER NOT NULL DEFAULT 0 CHECK (combinable IN (0, 1)),
    active                 INTEGER NOT NULL DEFAULT 1 CHECK (active IN (0, 1)),
    created_at             TEXT NOT NULL
);

-- The products (scope 'products') or categories (scope 'categories') a coupon applies to.
CREATE TABLE coupon_targets (
    coupon_id INTEGER NOT NULL REFERENCES coupons (id) ON DELETE CASCADE,
    target_id INTEGER NOT NULL,
    PRIMARY KEY (coupon_id, target_id)
) WITHOUT ROWID;

-- Coupons entered on a cart, in the order they were entered.
CREATE TABLE cart_coupons (
    cart_id   INTEGER NOT NULL REFERENCES carts (id) ON DELETE CASCADE,
    coupon_id INTEGER NOT NULL REFERENCES coupons (id),
    position  INTEGER NOT NULL,
    added_at  TEXT NOT NULL,
    PRIMARY KEY (cart_id, coupon_id)
) WITHOUT ROWID;

-- One row per coupon used by an order: the usage count (written in the order's
-- transaction, so limits hold under concurrent checkouts) and the amount it took.
CREATE TABLE order_discounts (
    order_id     INTEGER NOT NULL REFERENCES orders (id),
    coupon_id    INTEGER NOT NULL REFERENCES coupons (id),
    code         TEXT NOT NULL,
    customer_id  INTEGER REFERENCES customers (id),
    amount_minor INTEGER NOT NULL CHECK (amount_minor >= 0),
    created_at   TEXT NOT NULL,
    PRIMARY KEY (order_id, coupon_id)
) WITHOUT ROWID;
CREATE INDEX order_discounts_coupon ON order_discounts (coupon_id, customer_id);

-- Gift cards: the balance never goes below zero (CHECK), whatever two registers do.
CREATE TABLE gift_cards (
    id             INTEGER PRIMARY KEY,
    code           TEXT NOT NULL UNIQUE,
    currency_code  TEXT NOT NULL,
    initial_minor  INTEGER NOT NULL CHECK (initial_minor > 0),
    balance_minor  INTEGER NOT NULL CHECK (balance_minor >= 0),
    expires_at     TEXT,
    active         INTEGER NOT NULL DEFAULT 1 CHECK (active IN (0, 1)),
    order_id       INTEGER REFERENCES orders (id),
    customer_id    INTEGER REFERENCES customers (id),
    created_at     TEXT NOT NULL
);
CREATE INDEX gift_cards_order ON gift_cards (order_id);

-- Every change of a gift card's balance: issued (+), redeemed (−), refunded (+).
CREATE TABLE gift_card_ledger (
    id                  INTEGER PRIMARY KEY,
    gift_card_id        INTEGER NOT NULL REFERENCES gift_cards (id),
    kind                TEXT NOT NULL CHECK (kind IN ('issued', 'redeemed', 'refunded')),
    amount_minor        INTEGER NOT NULL,
    balance_after_minor INTEGER NOT NULL CHECK (balance_after_minor >= 0),
    order_id            INTEGER REFERENCES orders (id),
    created_at          TEXT NOT NULL
);
CREATE INDEX gift_card_ledger_card ON gift_card_ledger (gift_card_id, id);

-- Every change of a customer's store credit: granted (+), redeemed (−), refunded (+).
CREATE TABLE store_credit_ledger (
    id                  INTEGER PRIMARY KEY,
    customer_id         INTEGER NOT NULL REFERENCES customers (id),
    kind                TEXT NOT NULL CHECK (kind IN ('granted', 'redeemed', 'refunded')),
    amount_minor        INTEGER NOT NULL,
    balance_after_minor INTEGER NOT NULL CHECK (balance_after_minor >= 0),
    order_id            INTEGER REFERENCES orders (id),
    note                TEXT NOT NULL DEFAULT '',
    created_at          TEXT NOT NULL
);
CREATE INDEX store_credit_ledger_customer ON store_credit_ledger (customer_id, id);

-- Carriers. The price is that of the first range holding the order's weight in grams
-- (basis 'weight') or its items total in minor units (basis 'price'); shipping is free at
-- or above free_over_minor. In-store pickup is a carrier that costs nothing and needs no
-- address.
CREATE TABLE carriers (
    id              INTEGER PRIMARY KEY,
    code            TEXT NOT NULL UNIQUE,
    name            TEXT NOT NULL,
    active          INTEGER NOT NULL DEFAULT 1 CHECK (active IN (0, 1)),
    is_pickup       INTEGER NOT NULL DEFAULT 0 CHECK (is_pickup IN (0, 1)),
    basis           TEXT NOT NULL DEFAULT 'weight' CHECK (basis IN ('weight', 'price')),
    countries       TEXT NOT NULL DEFAULT '',
    customer_groups TEXT NOT NULL DEFAULT '',
    free_over_minor INTEGER,
    tax_class_id    INTEGER REFERENCES tax_classes (id),
    position        INTEGER NOT NULL DEFAULT 0
);

CREATE TABLE carrier_ranges (
    carrier_id  INTEGER NOT NULL REFERENCES carriers (id) ON DELETE CASCADE,
    from_value  INTEGER NOT NULL CHECK (from_value >= 0),
    to_value    INTEGER,
    price_minor INTEGER NOT NULL CHECK (price_minor >= 0),
    PRIMARY KEY (carrier_id, from_value)
) WITHOUT ROWID;

INSERT INTO carriers (code, name, is_pickup, position) VALUES ('pickup', 'In-store pickup', 1, 0);

-- Payment methods: which order status each starts an order in (a paid one means the money
-- is taken at the counter), and where each may be used.
CREATE TABLE payment_methods (
    code            TEXT PRIMARY KEY NOT NULL,
    label           TEXT NOT NULL,
    active          INTEGER NOT NULL DEFAULT 1 CHECK (active IN (0, 1)),
    initial_status  TEXT NOT NULL REFERENCES order_statuses (code),
    currencies      TEXT NOT NULL DEFAULT '',
    countries       TEXT NOT NULL DEFAULT '',
    customer_groups TEXT NOT NULL DEFAULT '',
    carriers        TEXT NOT NULL DEFAULT '',
    position        INTEGER NOT NULL
) WITHOUT ROWID;

INSERT INTO payment_methods (code, label, initial_status, carriers, position) VALUES
    ('cash', 'Cash', 'payment_accepted', '', 1),
    ('card', 'Card (terminal)', 'payment_accepted', '', 2),
    ('check', 'Check', 'awaiting_check', '', 3),
    ('wire_transfer', 'Wire transfer', 'awaiting_wire', '', 4),
    ('cash_on_delivery', 'Cash on delivery', 'awaiting_cod', '', 5),
    ('gift_card', 'Gift card', 'payment_accepted', '', 6),
    ('store_credit', 'Store credit', 'payment_accepted', '', 7);
