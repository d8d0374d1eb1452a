//! The order list at scale: newest first, keyset pages, full-text search and filters.
//!
//! The statement is assembled from fixed fragments (never from user text, which is always
//! bound), so each filter combination gets its own query plan: with a search, FTS5 walks
//! matching order ids newest first (`ORDER BY rowid DESC` is native to it); without one,
//! SQLite walks the orders' primary key backwards, and the status, register and customer
//! indexes when those filters are set. A date range becomes an id range first (ids follow
//! time, as orders are numbered when placed), and is also checked exactly.

use chrono::{DateTime, Utc};
use sqlx::AssertSqlSafe;

use crate::orders::OrderRow;
use crate::{Store, StoreResult};

/// What to list.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct OrderFilter {
    /// Words that must all match (prefixes), in reference, customer or products.
    pub search: Option<String>,
    /// Status code.
    pub status: Option<String>,
    /// Payment method code.
    pub payment_method: Option<String>,
    /// Register code.
    pub register_code: Option<String>,
    /// Placed at or after.
    pub from: Option<DateTime<Utc>>,
    /// Placed before.
    pub until: Option<DateTime<Utc>>,
    /// Keyset cursor: only orders with a smaller id.
    pub before_id: Option<i64>,
}

const SELECT: &str = concat!("SELECT ", order_columns!());

/// Turns what a person typed into an FTS5 query: it is cut into words the way the index
/// cuts text (letters, digits and '-'). Every word but the last must match a whole word;
/// the last, still being typed, matches as a prefix (a one-letter prefix is dropped: it
/// matches nearly everything and costs the most). Each word is quoted, so nothing a person
/// types is FTS syntax.
pub fn fts_query(search: &str) -> Option<String> {
    let words: Vec<&str> = search
        .split(|character: char| !(character.is_alphanumeric() || character == '-'))
        .map(|word| word.trim_matches('-'))
        .filter(|word| !word.is_empty())
        .collect();
    let last = words.len().checked_sub(1)?;
    let terms: Vec<String> = words
        .iter()
        .enumerate()
        .filter_map(
            |(index, word)| match (index == last, word.chars().count()) {
                (false, _) => Some(format!("\"{word}\"")),
                (true, 1) if last > 0 => None,
                (true, _) => Some(format!("\"{word}\"*")),
            },
        )
        .collect();
    Some(terms.join(" "))
}

/// Whether the search is an e-mail address (or its beginning): then the customers' e-mail
/// index finds the orders, which is far cheaper than intersecting the common words of
/// e-mail addresses ("example", "com") in the full-text index.
fn email_prefix(search: &str) -> Option<String> {
    let trimmed = search.trim();
    (trimmed.contains('@') && !trimmed.contains(char::is_whitespace))
        .then(|| trimmed.to_lowercase())
}

impl Store {
    /// One page of orders matching the filter, newest first.
    pub async fn search_orders(
        &self,
        filter: &OrderFilter,
        limit: i64,
    ) -> StoreResult<Vec<OrderRow>> {
        let min_id = match filter.from {
            Some(from) => match sqlx::query_scalar::<_, i64>(
                "SELECT id FROM orders WHERE created_at >= ?1 ORDER BY created_at, id LIMIT 1",
            )
            .bind(from)
            .fetch_optional(self.pool())
            .await?
            {
                Some(id) => Some(id),
                None => return Ok(Vec::new()),
            },
            None => None,
        };
        let max_id = match filter.until {
            Some(until) => match sqlx::query_scalar::<_, i64>(
                "SELECT id FROM orders WHERE created_at < ?1 ORDER BY created_at DESC, id DESC LIMIT 1",
            )
            .bind(until)
            .fetch_optional(self.pool())
            .await?
            {
                Some(id) => Some(id),
                None => return Ok(Vec::new()),
            },
            None => None,
        };
        let email = filter.search.as_deref().and_then(email_prefix);
        // One customer (the usual case): walk that customer's orders by index, newest first.
        // Several: check membership while walking all orders newest first.
        let mut email_customer = None;
        if let Some(prefix) = &email {
            let ids: Vec<i64> = sqlx::query_scalar(
                "SELECT id FROM customers WHERE lower(email) >= ?1 AND lower(email) < ?1 || x'ff' LIMIT 2",
            )
            .bind(prefix)
            .fetch_all(self.pool())
            .await?;
            match ids.as_slice() {
                [] => return Ok(Vec::new()),
                [only] => email_customer = Some(*only),
                _ => {}
            }
        }
        let search = if email.is_some() {
            None
        } else {
            filter.search.as_deref().and_then(fts_query)
        };
        let upper = match (filter.before_id, max_id) {
            (Some(before), Some(max)) => Some(before.min(max + 1)),
            (Some(before), None) => Some(before),
            (None, Some(max)) => Some(max + 1),
            (None, None) => None,
        };

        let mut sql = String::from(SELECT);
        let key = if search.is_some() {
            // CROSS JOIN keeps FTS5 as the outer loop: left to itself the planner may walk
            // a status index and probe the full-text index once per order (minutes at 1M).
            sql.push_str(" FROM order_search f CROSS JOIN orders o ON o.id = f.rowid");
            "f.rowid"
        } else {
            sql.push_str(" FROM orders o");
            "o.id"
        };
        sql.push_str(
            " JOIN order_statuses s ON s.code = o.status
              LEFT JOIN invoices i ON i.order_id = o.id
              LEFT JOIN customers c ON c.id = o.customer_id WHERE 1 = 1",
        );
        if search.is_some() {
            sql.push_str(" AND order_search MATCH ?1");
        }
        if upper.is_some() {
            sql.push_str(&format!(" AND {key} < ?2"));
        }
        if min_id.is_some() {
            sql.push_str(&format!(" AND {key} >= ?3"));
        }
        if filter.from.is_some() {
            sql.push_str(" AND o.created_at >= ?4");
        }
        if filter.until.is_some() {
            sql.push_str(" AND o.created_at < ?5");
        }
        if filter.status.is_some() {
            sql.push_str(" AND o.status = ?6");
        }
        if filter.register_code.is_some() {
            sql.push_str(" AND o.register_code = ?7");
        }
        if email_customer.is_some() {
            sql.push_str(" AND o.customer_id = ?11");
        } else if email.is_some() {
            sql.push_str(
                " AND +o.customer_id IN (SELECT id FROM customers WHERE lower(email) >= ?10 AND lower(email) < ?10 || x'ff')",
            );
        }
        if filter.payment_method.is_some() {
            sql.push_str(
                " AND EXISTS (SELECT 1 FROM payments p WHERE p.order_id = o.id AND p.method = ?8)",
            );
        }
        sql.push_str(&format!(" ORDER BY {key} DESC LIMIT ?9"));

        // Every fragment above is a constant of this function; user input is only bound.
        Ok(sqlx::query_as(AssertSqlSafe(sql))
            .bind(search)
            .bind(upper)
            .bind(min_id)
            .bind(filter.from)
            .bind(filter.until)
            .bind(&filter.status)
            .bind(&filter.register_code)
            .bind(&filter.payment_method)
            .bind(limit)
            .bind(email)
            .bind(email_customer)
            .fetch_all(self.pool())
            .await?)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn search_words_become_quoted_prefix_terms() {
        assert_eq!(fts_query("  "), None);
        assert_eq!(fts_query("S1-R1-000042"), Some("\"S1-R1-000042\"*".into()));
        assert_eq!(
            fts_query("greek y"),
            Some("\"greek\"".into()),
            "a one-letter last word is dropped"
        );
        assert_eq!(
            email_prefix("Sofia.P@example"),
            Some("sofia.p@example".into())
        );
        assert_eq!(email_prefix("sofia"), None);
        assert_eq!(
            fts_query("amélie bread"),
            Some("\"amélie\" \"bread\"*".into())
        );
        assert_eq!(
            fts_query("amelie.dubois@example"),
            Some("\"amelie\" \"dubois\" \"example\"*".into()),
            "an e-mail is cut into words like the index cuts it"
        );
        assert_eq!(
            fts_query("a\"b OR ("),
            Some("\"a\" \"b\" \"OR\"*".into()),
            "quotes and operators stay literal"
        );
    }
}
