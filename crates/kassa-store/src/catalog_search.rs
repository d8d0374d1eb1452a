//! Product search at a million products: the counter's search box and the owner's product
//! list, by name, SKU, barcode or attribute value, with a category filter that includes
//! subcategories.
//!
//! Like the order list, the statement is assembled from fixed fragments (user text is only
//! ever bound) and `product_search` (contentless FTS5, rowid = product id) drives it as the
//! outer loop (`CROSS JOIN`), so a common word costs no more than the rows asked for. A
//! category filter is one more FTS5 term (`kc<id>k`, indexed for every ancestor of the
//! product's category). What FTS5 cannot answer cheaply — a search of a single letter —
//! walks the name index instead, and no search at all walks the name index (counter) or the
//! primary key (list).
//!
//! The counter takes the first 200 matches FTS5 yields and shows the best of those: an
//! exact SKU or barcode first, then names that start with what was typed, then by name.
//! The owner's list is newest first with keyset pages (`before_id`).

use sqlx::AssertSqlSafe;

use crate::catalog::{ProductRow, product_columns, product_joins};
use crate::{Store, StoreResult};

/// Matches the counter ranks before showing the best (bounds the cost of a common word).
const COUNTER_CANDIDATES: i64 = 200;

/// What to look for.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct ProductFilter {
    /// What was typed: words of the name, SKU, barcode or attribute values; the last one,
    /// or all when they are long enough, as prefixes.
    pub text: String,
    /// Only products in this category or its subcategories.
    pub category_id: Option<i64>,
    /// Also products that are switched off (the owner's list); the counter never shows them.
    pub include_inactive: bool,
    /// Leave out variations (list only standalone products and parents).
    pub hide_variations: bool,
    /// Keyset cursor of the owner's list: only products with a smaller id.
    pub before_id: Option<i64>,
}

/// How a filter is answered.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct SearchPlan {
    /// The FTS5 query, when there is one.
    pub fts: Option<String>,
    /// Text that names must start with, when it has no word FTS5 can use (one letter).
    pub name_prefix: Option<String>,
}

/// The words of a search, cut the way the index cuts text (letters, digits and '-').
fn words(text: &str) -> Vec<&str> {
    text.split(|character: char| !(character.is_alphanumeric() || character == '-'))
        .map(|word| word.trim_matches('-'))
        .filter(|word| !word.is_empty())
        .collect()
}

/// Turns what was typed and the category filter into an FTS5 query. Every word matches as
/// a prefix (a clerk types "dark choc" or "tom sauc"); one-letter words are dropped when
/// there are longer ones (they match nearly everything and are not in the prefix index),
/// and when there are only one-letter words the name must start with the text instead.
/// Each word is quoted, so nothing typed is FTS5 syntax.
pub fn search_plan(text: &str, category_id: Option<i64>) -> SearchPlan {
    let words = words(text);
    let mut terms: Vec<String> = words
        .iter()
        .filter(|word| word.chars().nth(1).is_some())
        .map(|word| format!("\"{word}\"*"))
        .collect();
    let name_prefix = (terms.is_empty() && !words.is_empty()).then(|| text.trim().to_owned());
    if let Some(category) = category_id {
        terms.push(format!("kc{category}k"));
    }
    SearchPlan {
        fts: (!terms.is_empty()).then(|| terms.join(" ")),
        name_prefix,
    }
}

/// `p` may be shown at the counter: switched on, and so is its parent.
const VISIBLE: &str = " AND p.active = 1
     AND (p.parent_id IS NULL OR (SELECT pp.active FROM products pp WHERE pp.id = p.parent_id) = 1)";

const COLUMNS: &str = concat!("SELECT ", product_columns!());
const JOINS: &str = product_joins!();

impl Store {
    /// The counter's search: products that can be shown (switched on, parents with
    /// variations included), best matches first.
    pub async fn search_products(
        &self,
        text: &str,
        category_id: Option<i64>,
        limit: i64,
    ) -> StoreResult<Vec<ProductRow>> {
        let text = text.trim();
        let plan = search_plan(text, category_id);
        let like_prefix = plan
            .name_prefix
            .as_deref()
            .map(|prefix| format!("{}%", crate::escape_like(prefix)));
        let Some(fts) = plan.fts else {
            // No FTS5 term: walk the name index from the prefix (or from the start).
            let mut sql = format!("{COLUMNS} FROM products p{JOINS} WHERE 1 = 1{VISIBLE}");
            if plan.name_prefix.is_some() {
                sql.push_str(" AND p.name COLLATE NOCASE >= ?1 AND p.name COLLATE NOCASE < ?2");
            }
            sql.push_str(" ORDER BY p.name COLLATE NOCASE, p.id LIMIT ?3");
            let upper = plan
                .name_prefix
                .as_deref()
                .map(|prefix| format!("{prefix}\u{10FFFF}"));
            // Every fragment above is a constant of this module; user text is only bound.
            return Ok(sqlx::query_as(AssertSqlSafe(sql))
                .bind(plan.name_prefix)
                .bind(upper)
                .bind(limit)
                .fetch_all(self.pool())
                .await?);
        };
        let mut sql = format!(
            "WITH hits AS MATERIALIZED (
                 SELECT p.id FROM product_search f CROSS JOIN products p ON p.id = f.rowid
                  WHERE product_search MATCH ?1{VISIBLE}"
        );
        if like_prefix.is_some() {
            sql.push_str(" AND p.name LIKE ?3 ESCAPE '\\'");
        }
        sql.push_str(&format!(
            " LIMIT {COUNTER_CANDIDATES})
             {COLUMNS} FROM hits h CROSS JOIN products p ON p.id = h.id{JOINS}
             ORDER BY (p.sku = ?2 COLLATE NOCASE
                       OR EXISTS (SELECT 1 FROM product_barcodes b WHERE b.barcode = ?2 AND b.product_id = p.id)) DESC,
                      (p.name LIKE ?4 ESCAPE '\\') DESC, p.name COLLATE NOCASE, p.id
             LIMIT ?5"
        ));
        let starts_with = format!("{}%", crate::escape_like(text));
        Ok(sqlx::query_as(AssertSqlSafe(sql))
            .bind(fts)
            .bind(text)
            .bind(like_prefix)
            .bind(starts_with)
            .bind(limit)
            .fetch_all(self.pool())
            .await?)
    }

    /// One page of the owner's product list, newest first.
    pub async fn list_products(
        &self,
        filter: &ProductFilter,
        limit: i64,
    ) -> StoreResult<Vec<ProductRow>> {
        let plan = search_plan(filter.text.trim(), filter.category_id);
        let like_prefix = plan
            .name_prefix
            .as_deref()
            .map(|prefix| format!("{}%", crate::escape_like(prefix)));
        let (mut sql, key) = if plan.fts.is_some() {
            (
                format!(
                    "{COLUMNS} FROM product_search f CROSS JOIN products p ON p.id = f.rowid{JOINS}
                      WHERE product_search MATCH ?1"
                ),
                "f.rowid",
            )
        } else {
            (
                format!("{COLUMNS} FROM products p{JOINS} WHERE 1 = 1"),
                "p.id",
            )
        };
        if filter.before_id.is_some() {
            sql.push_str(&format!(" AND {key} < ?2"));
        }
        if !filter.include_inactive {
            sql.push_str(" AND p.active = 1");
        }
        if filter.hide_variations {
            sql.push_str(" AND p.parent_id IS NULL");
        }
        if like_prefix.is_some() {
            sql.push_str(" AND p.name LIKE ?3 ESCAPE '\\'");
        }
        sql.push_str(&format!(" ORDER BY {key} DESC LIMIT ?4"));
        // Every fragment above is a constant of this module; user text is only bound.
        Ok(sqlx::query_as(AssertSqlSafe(sql))
            .bind(plan.fts)
            .bind(filter.before_id)
            .bind(like_prefix)
            .bind(limit)
            .fetch_all(self.pool())
            .await?)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn typed_text_becomes_quoted_prefix_terms() {
        assert_eq!(
            search_plan("dark choc", None).fts.as_deref(),
            Some("\"dark\"* \"choc\"*")
        );
        assert_eq!(
            search_plan("CLO-00012", Some(7)).fts.as_deref(),
            Some("\"CLO-00012\"* kc7k")
        );
        assert_eq!(
            search_plan("dark c", None).fts.as_deref(),
            Some("\"dark\"*"),
            "a one-letter word is dropped when there are longer ones"
        );
        let letter = search_plan(" c ", None);
        assert_eq!(letter.fts, None);
        assert_eq!(letter.name_prefix.as_deref(), Some("c"));
        let letter_in_category = search_plan("c", Some(3));
        assert_eq!(letter_in_category.fts.as_deref(), Some("kc3k"));
        assert_eq!(letter_in_category.name_prefix.as_deref(), Some("c"));
        assert_eq!(search_plan("", None).fts, None);
        assert_eq!(search_plan("", None).name_prefix, None);
        assert_eq!(
            search_plan("a\"b OR (", None).fts.as_deref(),
            Some("\"OR\"*"),
            "quotes and operators stay literal"
        );
    }
}
