//! Demo order history in bulk (`kassa demo --orders 1000000`): realistic past orders over
//! the demo catalog, generated inside SQLite with recursive CTEs so that a million orders
//! take seconds, not the hours a million checkouts would.
//!
//! Every generated order is complete and consistent — snapshot lines with tax-inclusive
//! amounts rounded half away from zero, taxes per rate, a payment for paid orders, an
//! invoice numbered per year without gaps, a history entry and the search index — so the
//! back office and its benchmarks see the same shape of data as real use. Stock is left
//! alone (the history is the past), and the counters are moved past the generated numbers
//! so live sales continue the series.

use chrono::{DateTime, Utc};

use crate::{Store, StoreError, StoreResult};

/// Orders per transaction: big enough to be fast, small enough to keep the WAL small.
const BATCH: i64 = 50_000;

/// What was generated.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct HistorySummary {
    /// Orders.
    pub orders: i64,
    /// Lines.
    pub lines: i64,
}

impl Store {
    /// Generates `count` orders spread evenly over the `span_seconds` before `until`, into a
    /// store that has products and no orders yet. Registers R1–R3, one order in four for a
    /// demo customer, a mix of statuses, cash and card.
    pub async fn generate_order_history(
        &self,
        count: i64,
        until: DateTime<Utc>,
        span_seconds: i64,
    ) -> StoreResult<HistorySummary> {
        let orders: i64 = sqlx::query_scalar("SELECT COUNT(*) FROM orders")
            .fetch_one(self.pool())
            .await?;
        if orders > 0 {
            return Err(StoreError::Corrupt(
                "order history can only be generated into a store without orders".into(),
            ));
        }
        let (first_product, products): (i64, i64) =
            sqlx::query_as("SELECT COALESCE(MIN(id), 0), COUNT(*) FROM products")
                .fetch_one(self.pool())
                .await?;
        if products == 0 {
            return Err(StoreError::Corrupt(
                "order history needs products: load the demo store first".into(),
            ));
        }
        let (first_customer, customers): (i64, i64) =
            sqlx::query_as("SELECT COALESCE(MIN(id), 0), COUNT(*) FROM customers")
                .fetch_one(self.pool())
                .await?;
        let step = (span_seconds / count.max(1)).max(1);
        let start = until.timestamp() - step * count;
        let mut done = 0;
        while done < count {
            let size = BATCH.min(count - done);
            let mut tx = self.begin_write().await?;
            let conn = tx.conn();
            // ?1 first id (0-based g = id - 1), ?2 batch size, ?3 start epoch, ?4 step,
            // ?5 first customer id, ?6 customer count.
            sqlx::query(
                "WITH RECURSIVE n(i) AS (SELECT 0 UNION ALL SELECT i + 1 FROM n WHERE i + 1 < ?2)
                 INSERT INTO orders (id, uuid, reference, store_code, register_code, customer_id, status, currency_code,
                                     price_mode, subtotal_net_minor, tax_total_minor, total_minor, paid_minor, change_minor,
                                     created_at, paid_at)
                 SELECT ?1 + i,
                        printf('00000000-0000-4000-8000-%012d', ?1 + i),
                        printf('S1-R%d-%06d', (?1 + i - 1) % 3 + 1, (?1 + i - 1) / 3 + 1),
                        'S1', 'R' || ((?1 + i - 1) % 3 + 1),
                        CASE WHEN ?6 > 0 AND (?1 + i) % 4 = 0 THEN ?5 + ((?1 + i) / 4) % ?6 END,
                        CASE (?1 + i) % 20 WHEN 0 THEN 'canceled' WHEN 1 THEN 'awaiting_payment' WHEN 2 THEN 'shipped'
                             WHEN 3 THEN 'delivered' WHEN 4 THEN 'processing' ELSE 'payment_accepted' END,
                        'EUR', 'tax_inclusive', 0, 0, 0, 0, 0,
                        strftime('%Y-%m-%dT%H:%M:%S+00:00', ?3 + (?1 + i) * ?4, 'unixepoch'),
                        CASE WHEN (?1 + i) % 20 NOT IN (0, 1)
                             THEN strftime('%Y-%m-%dT%H:%M:%S+00:00', ?3 + (?1 + i) * ?4, 'unixepoch') END
                   FROM n",
            )
            .bind(done + 1)
            .bind(size)
            .bind(start)
            .bind(step)
            .bind(first_customer)
            .bind(customers)
            .execute(&mut *conn)
            .await?;
            let (low, high) = (done + 1, done + size);
            // One to three lines per order, over the whole catalog.
            sqlx::query(
                "WITH k(j) AS (VALUES (1), (2), (3)),
                 picked AS (
                     SELECT o.id AS order_id, k.j AS position, 1 + (o.id + k.j) % 3 AS quantity,
                            ?3 + (o.id * 7 + k.j * 131) % ?4 AS product_id
                       FROM orders o JOIN k ON k.j <= 1 + o.id % 3
                      WHERE o.id BETWEEN ?1 AND ?2),
                 priced AS (
                     SELECT x.order_id, x.position, p.id AS product_id, p.sku, p.name, x.quantity, p.price_minor,
                            tc.code AS tax_code, r.label AS tax_label, r.percent AS tax_percent,
                            x.quantity * p.price_minor AS gross, CAST(r.percent AS INTEGER) AS pct
                       FROM picked x
                       JOIN products p ON p.id = x.product_id
                       JOIN tax_classes tc ON tc.id = p.tax_class_id
                       JOIN tax_rates r ON r.tax_class_id = tc.id AND r.country_code IS NULL)
                 INSERT INTO order_lines (order_id, position, product_id, sku, name, quantity, unit_price_minor,
                                          tax_code, tax_label, tax_percent, net_minor, tax_minor, gross_minor)
                 SELECT order_id, position, product_id, sku, name, quantity, price_minor, tax_code, tax_label, tax_percent,
                        gross - (gross * pct * 2 + 100 + pct) / (2 * (100 + pct)),
                        (gross * pct * 2 + 100 + pct) / (2 * (100 + pct)),
                        gross
                   FROM priced",
            )
            .bind(low)
            .bind(high)
            .bind(first_product)
            .bind(products)
            .execute(&mut *conn)
            .await?;
            for statement in [
                "UPDATE orders SET
                    subtotal_net_minor = (SELECT SUM(net_minor) FROM order_lines WHERE order_id = orders.id),
                    tax_total_minor = (SELECT SUM(tax_minor) FROM order_lines WHERE order_id = orders.id),
                    total_minor = (SELECT SUM(gross_minor) FROM order_lines WHERE order_id = orders.id)
                  WHERE id BETWEEN ?1 AND ?2",
                "UPDATE orders SET paid_minor = total_minor WHERE id BETWEEN ?1 AND ?2 AND paid_at IS NOT NULL",
                "INSERT INTO order_taxes (order_id, tax_code, label, percent, base_minor, tax_minor)
                 SELECT order_id, tax_code, tax_label, tax_percent, SUM(net_minor), SUM(tax_minor)
                   FROM order_lines WHERE order_id BETWEEN ?1 AND ?2 GROUP BY order_id, tax_code",
                "INSERT INTO payments (order_id, method, amount_minor, tendered_minor, change_minor, reference, created_at)
                 SELECT id, CASE WHEN id % 2 = 0 THEN 'cash' ELSE 'card' END, total_minor, total_minor, 0, NULL, created_at
                   FROM orders WHERE id BETWEEN ?1 AND ?2 AND paid_at IS NOT NULL",
                "INSERT INTO order_status_history (order_id, from_status, to_status, changed_by, note, created_at)
                 SELECT id, NULL, status, 'Demo history', '', created_at FROM orders WHERE id BETWEEN ?1 AND ?2",
                index_orders_for_search!("WHERE o.id BETWEEN ?1 AND ?2"),
            ] {
                sqlx::query(statement).bind(low).bind(high).execute(&mut *conn).await?;
            }
            tx.commit().await?;
            done += size;
        }
        let mut tx = self.begin_write().await?;
        let conn = tx.conn();
        for statement in [
            // Invoices numbered per year in order of placing: gap-free like live ones.
            "INSERT INTO invoices (order_id, number, series, year, sequence, status, total_minor, paid_minor, issued_at)
             SELECT id, 'INV-' || year || '-' || printf('%06d', sequence), 'INV', year, sequence,
                    CASE WHEN status = 'canceled' THEN 'void' WHEN paid_at IS NULL THEN 'unpaid' ELSE 'paid' END,
                    total_minor, paid_minor, created_at
               FROM (SELECT o.*, CAST(substr(o.created_at, 1, 4) AS INTEGER) AS year,
                            ROW_NUMBER() OVER (PARTITION BY substr(o.created_at, 1, 4) ORDER BY o.id) AS sequence
                       FROM orders o)",
            "INSERT INTO document_sequences (scope, last_value)
             SELECT 'invoice:INV:' || year, MAX(sequence) FROM invoices GROUP BY year
             ON CONFLICT (scope) DO UPDATE SET last_value = MAX(last_value, excluded.last_value)",
            "INSERT INTO document_sequences (scope, last_value)
             SELECT 'order:S1:' || register_code, COUNT(*) FROM orders GROUP BY register_code
             ON CONFLICT (scope) DO UPDATE SET last_value = MAX(last_value, excluded.last_value)",
        ] {
            sqlx::query(statement).execute(&mut *conn).await?;
        }
        tx.commit().await?;
        let lines: i64 = sqlx::query_scalar("SELECT COUNT(*) FROM order_lines")
            .fetch_one(self.pool())
            .await?;
        Ok(HistorySummary {
            orders: count,
            lines,
        })
    }
}
