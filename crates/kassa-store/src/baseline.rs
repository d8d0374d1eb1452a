//! The bare-SQLite reference for the checkout benchmark (`cargo bench -p kassa-core`).
//!
//! It writes the rows one five-line counter sale writes — order, lines, taxes, payment,
//! invoice, stock movements and stock updates, history, two outbox rows, two counters and
//! the cart — as plain INSERT/UPDATE statements in one `BEGIN IMMEDIATE` transaction, with
//! no reads, pricing, validation or read-back. Checkout's throughput is reported next to it.

use chrono::{DateTime, Utc};

use crate::{Store, StoreResult};

impl Store {
    /// Inserts reference sale number `n` over the given products (ids must exist).
    pub async fn insert_reference_sale(
        &self,
        n: i64,
        product_ids: &[i64],
        now: DateTime<Utc>,
    ) -> StoreResult<()> {
        let mut tx = self.begin_write().await?;
        let conn = tx.conn();
        let uuid = format!("00000000-0000-4000-8000-{n:012}");
        let reference = format!("B1-R1-{n:06}");
        sqlx::query("INSERT INTO document_sequences (scope, last_value) VALUES ('order:B1:R1', 1) ON CONFLICT (scope) DO UPDATE SET last_value = last_value + 1")
            .execute(&mut *conn)
            .await?;
        let order_id: i64 = sqlx::query_scalar(
            "INSERT INTO orders (uuid, reference, store_code, register_code, status, currency_code, price_mode,
                                 subtotal_net_minor, tax_total_minor, total_minor, paid_minor, change_minor, created_at)
             VALUES (?1, ?2, 'B1', 'R1', 'payment_accepted', 'EUR', 'tax_inclusive', 1000, 210, 1210, 1210, 90, ?3) RETURNING id",
        )
        .bind(&uuid)
        .bind(&reference)
        .bind(now)
        .fetch_one(&mut *conn)
        .await?;
        for (position, product_id) in (1_i64..).zip(product_ids) {
            sqlx::query(
                "INSERT INTO order_lines (order_id, position, product_id, sku, name, quantity, unit_price_minor,
                                          tax_code, tax_label, tax_percent, net_minor, tax_minor, gross_minor)
                 VALUES (?1, ?2, ?3, 'SKU', 'Product', 1, 242, 'standard', 'VAT 21%', '21', 200, 42, 242)",
            )
            .bind(order_id)
            .bind(position)
            .bind(product_id)
            .execute(&mut *conn)
            .await?;
            sqlx::query("INSERT INTO stock_movements (product_id, order_id, delta, reason, created_at) VALUES (?1, ?2, -1, 'sale', ?3)")
                .bind(product_id)
                .bind(order_id)
                .bind(now)
                .execute(&mut *conn)
                .await?;
            sqlx::query("UPDATE products SET stock_on_hand = stock_on_hand - 1, updated_at = ?2 WHERE id = ?1")
                .bind(product_id)
                .bind(now)
                .execute(&mut *conn)
                .await?;
        }
        for code in ["standard", "reduced"] {
            sqlx::query("INSERT INTO order_taxes (order_id, tax_code, label, percent, base_minor, tax_minor) VALUES (?1, ?2, 'VAT', '21', 500, 105)")
                .bind(order_id)
                .bind(code)
                .execute(&mut *conn)
                .await?;
        }
        sqlx::query("INSERT INTO payments (order_id, method, amount_minor, tendered_minor, change_minor, created_at) VALUES (?1, 'cash', 1210, 1300, 90, ?2)")
            .bind(order_id)
            .bind(now)
            .execute(&mut *conn)
            .await?;
        sqlx::query("INSERT INTO document_sequences (scope, last_value) VALUES ('invoice:B:2026', 1) ON CONFLICT (scope) DO UPDATE SET last_value = last_value + 1")
            .execute(&mut *conn)
            .await?;
        sqlx::query("INSERT INTO invoices (order_id, number, series, year, sequence, status, total_minor, paid_minor, issued_at) VALUES (?1, ?2, 'B', 2026, ?3, 'paid', 1210, 1210, ?4)")
            .bind(order_id)
            .bind(&reference)
            .bind(n)
            .bind(now)
            .execute(&mut *conn)
            .await?;
        sqlx::query("INSERT INTO order_status_history (order_id, to_status, changed_by, created_at) VALUES (?1, 'payment_accepted', 'bench', ?2)")
            .bind(order_id)
            .bind(now)
            .execute(&mut *conn)
            .await?;
        for (topic, kind) in [
            ("sync", "order_created"),
            ("mail", "new_order_notification"),
        ] {
            sqlx::query("INSERT INTO outbox (topic, kind, aggregate_uuid, payload, next_attempt_at, created_at) VALUES (?1, ?2, ?3, '{}', ?4, ?4)")
                .bind(topic)
                .bind(kind)
                .bind(&uuid)
                .bind(now)
                .execute(&mut *conn)
                .await?;
        }
        tx.commit().await
    }
}
