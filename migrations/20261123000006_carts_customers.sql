-- Carts and customers (SPEC §2, §3): parked carts with a name, the most recent cart of a
-- customer found fast, abandoned carts with their "recovery sent" state, and customer
-- notes. A discarded cart is deleted (its lines and coupons go with it); carts that became
-- orders are never deleted.

ALTER TABLE carts ADD COLUMN name TEXT NOT NULL DEFAULT '';
ALTER TABLE carts ADD COLUMN recovery_sent_at TEXT;
CREATE INDEX carts_customer ON carts (customer_id, status, updated_at) WHERE customer_id IS NOT NULL;

INSERT INTO settings (key, value) VALUES
    -- Picking a customer at the counter reloads their most recent unordered cart.
    ('reload_customer_cart', '1'),
    -- A cart with items and a customer and no order for this long is abandoned.
    ('abandoned_cart_hours', '24');
