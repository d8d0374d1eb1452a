//! Catalog store tests on real SQLite files: the search index follows every change of a
//! product, the category filter covers subcategories (also after a move), staged imports
//! are checked and applied in one transaction, and the bulk generator writes valid
//! barcodes, unique SKUs and variations.

#![allow(
    clippy::unwrap_used,
    clippy::indexing_slicing,
    reason = "test fixtures fail loudly"
)]

use std::collections::BTreeSet;
use std::sync::atomic::AtomicI64;

use chrono::{TimeZone, Utc};
use kassa_store::Store;
use kassa_store::catalog::NewProduct;
use kassa_store::catalog_admin::ProductWrite;
use kassa_store::catalog_import::{ImportColumns, ImportRow, StagedProblem};
use kassa_store::catalog_search::ProductFilter;

async fn fresh() -> (tempfile::TempDir, Store) {
    let folder = tempfile::tempdir().unwrap();
    let store = Store::open(&folder.path().join("kassa.sqlite3"))
        .await
        .unwrap();
    let mut tx = store.begin_write().await.unwrap();
    tx.insert_tax_class("standard", "VAT 21%", "21")
        .await
        .unwrap();
    tx.commit().await.unwrap();
    (folder, store)
}

fn now() -> chrono::DateTime<Utc> {
    Utc.with_ymd_and_hms(2026, 11, 23, 10, 0, 0).unwrap()
}

fn ean13_valid(code: &str) -> bool {
    let digits: Vec<u32> = code.chars().filter_map(|c| c.to_digit(10)).collect();
    if digits.len() != 13 || code.len() != 13 {
        return false;
    }
    let sum: u32 = digits[..12]
        .iter()
        .enumerate()
        .map(|(index, digit)| if index % 2 == 0 { *digit } else { digit * 3 })
        .sum();
    (10 - sum % 10) % 10 == digits[12]
}

async fn skus(store: &Store, text: &str, category: Option<i64>) -> Vec<String> {
    let mut found: Vec<String> = store
        .search_products(text, category, 100)
        .await
        .unwrap()
        .into_iter()
        .map(|row| row.sku)
        .collect();
    found.sort();
    found
}

fn write<'a>(sku: &'a str, name: &'a str, barcodes: &'a [String]) -> ProductWrite<'a> {
    ProductWrite {
        id: None,
        sku,
        name,
        description: "",
        category_id: None,
        price_minor: 199,
        tax_class_id: 1,
        stock_tracked: true,
        stock_on_hand: Some(4),
        weight_grams: None,
        shippable: true,
        active: true,
        kind: "normal",
        bin_location: None,
        parent_id: None,
        barcodes,
        attributes: &[],
        now: now(),
    }
}

#[tokio::test]
async fn the_search_index_follows_every_change() {
    let (_folder, store) = fresh().await;
    let mut tx = store.begin_write().await.unwrap();
    let drinks = tx.insert_category(None, "Drinks").await.unwrap();
    let barcodes = ["5449000000996".to_owned()];
    let id = tx
        .insert_product(&NewProduct {
            sku: "COLA-33",
            name: "Coca-Cola Zéro 33 cl",
            category_id: Some(drinks),
            price_minor: 120,
            tax_class_id: 1,
            stock_on_hand: 10,
            barcodes: &barcodes,
            weight_grams: None,
            kind: "normal",
            bin_location: None,
            now: now(),
        })
        .await
        .unwrap();
    tx.commit().await.unwrap();
    for query in [
        "coca",
        "cola zero",
        "coca-cola",
        "COLA-3",
        "33",
        "5449000000996",
        "544900",
    ] {
        assert_eq!(skus(&store, query, None).await, ["COLA-33"], "{query}");
    }
    assert_eq!(skus(&store, "", Some(drinks)).await, ["COLA-33"]);

    // Renamed, new SKU and barcode: found by the new words only.
    let new_barcodes = ["4006381333931".to_owned()];
    let mut tx = store.begin_write().await.unwrap();
    tx.save_product(&ProductWrite {
        id: Some(id),
        category_id: Some(drinks),
        ..write("FANTA-33", "Fanta orange", &new_barcodes)
    })
    .await
    .unwrap();
    tx.commit().await.unwrap();
    assert!(skus(&store, "coca", None).await.is_empty());
    assert!(skus(&store, "5449000000996", None).await.is_empty());
    assert!(
        store
            .product_by_barcode("5449000000996")
            .await
            .unwrap()
            .is_none()
    );
    assert_eq!(skus(&store, "fanta", None).await, ["FANTA-33"]);
    assert_eq!(skus(&store, "4006381333931", None).await, ["FANTA-33"]);
    let row = store
        .product_by_barcode("4006381333931")
        .await
        .unwrap()
        .unwrap();
    assert_eq!(row.stock_on_hand, 4, "the stock was set");

    // Switched off: hidden at the counter, listed for the owner on request.
    let mut tx = store.begin_write().await.unwrap();
    assert!(tx.set_product_active(id, false, now()).await.unwrap());
    tx.commit().await.unwrap();
    assert!(skus(&store, "fanta", None).await.is_empty());
    let owner = |include_inactive| ProductFilter {
        text: "fanta".into(),
        include_inactive,
        ..ProductFilter::default()
    };
    assert_eq!(
        store.list_products(&owner(true), 10).await.unwrap().len(),
        1
    );
    assert!(
        store
            .list_products(&owner(false), 10)
            .await
            .unwrap()
            .is_empty()
    );

    // Whatever path tries it, a switched-off product does not go into a cart.
    let mut tx = store.begin_write().await.unwrap();
    let cart = tx.create_cart("R1", now()).await.unwrap();
    assert!(tx.add_cart_item(cart, id, 1, now()).await.is_err());
}

#[tokio::test]
async fn a_category_filter_covers_its_subtree_also_after_a_move() {
    let (_folder, store) = fresh().await;
    let mut tx = store.begin_write().await.unwrap();
    let food = tx.insert_category(None, "Food").await.unwrap();
    let sweets = tx.insert_category(Some(food), "Sweets").await.unwrap();
    let chocolate = tx.insert_category(Some(sweets), "Chocolate").await.unwrap();
    let home = tx.insert_category(None, "Home").await.unwrap();
    for (sku, name, category) in [
        ("CHOC-1", "Dark chocolate", chocolate),
        ("SWEET-1", "Fruit gums", sweets),
        ("FOOD-1", "Bread", food),
        ("HOME-1", "Chocolate scented candle", home),
    ] {
        tx.save_product(&ProductWrite {
            category_id: Some(category),
            ..write(sku, name, &[])
        })
        .await
        .unwrap();
    }
    tx.commit().await.unwrap();
    assert_eq!(
        skus(&store, "", Some(food)).await,
        ["CHOC-1", "FOOD-1", "SWEET-1"]
    );
    assert_eq!(skus(&store, "choc", Some(food)).await, ["CHOC-1"]);
    assert_eq!(skus(&store, "choc", None).await, ["CHOC-1", "HOME-1"]);
    assert_eq!(skus(&store, "", Some(sweets)).await, ["CHOC-1", "SWEET-1"]);
    let paths: Vec<String> = store
        .categories()
        .await
        .unwrap()
        .into_iter()
        .map(|row| row.path)
        .collect();
    assert_eq!(
        paths,
        ["Food", "Food > Sweets", "Food > Sweets > Chocolate", "Home"]
    );

    // Sweets (with Chocolate below it) moves to Home.
    let mut tx = store.begin_write().await.unwrap();
    tx.save_category(Some(sweets), Some(home), "Sweets")
        .await
        .unwrap();
    tx.commit().await.unwrap();
    assert_eq!(skus(&store, "", Some(food)).await, ["FOOD-1"]);
    assert_eq!(
        skus(&store, "", Some(home)).await,
        ["CHOC-1", "HOME-1", "SWEET-1"]
    );
    assert!(store.category_contains(home, chocolate).await.unwrap());
    assert!(!store.category_contains(food, chocolate).await.unwrap());
    let listed = store
        .list_products(
            &ProductFilter {
                category_id: Some(home),
                ..ProductFilter::default()
            },
            2,
        )
        .await
        .unwrap();
    assert_eq!(listed.len(), 2, "a page");
    assert!(listed[0].id > listed[1].id, "newest first");
    let next = store
        .list_products(
            &ProductFilter {
                category_id: Some(home),
                before_id: Some(listed[1].id),
                ..ProductFilter::default()
            },
            2,
        )
        .await
        .unwrap();
    assert_eq!(next.len(), 1, "the keyset page after it");
}

fn row(line: i64, sku: &str) -> ImportRow {
    ImportRow {
        line,
        sku: sku.into(),
        name: Some(format!("Product {sku}")),
        price_minor: Some(250),
        tax_class: Some("standard".into()),
        ..ImportRow::default()
    }
}

const ALL: ImportColumns = ImportColumns {
    name: true,
    description: true,
    parent_sku: true,
    attributes: true,
    category: true,
    price: true,
    tax_class: true,
    barcodes: true,
    stock: true,
    weight_grams: true,
    shippable: true,
    kind: true,
    active: true,
    bin_location: true,
};

#[tokio::test]
async fn staged_imports_are_checked_and_applied_in_one_transaction() {
    let (_folder, store) = fresh().await;
    let progress = AtomicI64::new(0);
    let parent = ImportRow {
        category_path: Some("Clothing > Tops".into()),
        ..row(2, "TEE")
    };
    let small = ImportRow {
        parent_sku: Some("TEE".into()),
        attributes: vec![("Size".into(), "S".into())],
        barcodes: vec!["4006381333931".into()],
        stock: Some(7),
        ..row(3, "TEE-S")
    };
    let twin = ImportRow {
        parent_sku: Some("TEE".into()),
        attributes: vec![("size".into(), "s".into())],
        ..row(4, "TEE-S2")
    };
    let unknown = ImportRow {
        tax_class: Some("luxury".into()),
        parent_sku: Some("NOPE".into()),
        attributes: vec![("Size".into(), "M".into())],
        ..row(5, "X")
    };

    // Checked: unknown tax class and parent, counts of what would be written.
    let mut staged = store
        .stage_import(&[parent.clone(), small.clone(), unknown], ALL, &progress)
        .await
        .unwrap();
    let plan = staged.check().await.unwrap();
    let problems: Vec<(i64, StagedProblem)> = plan
        .problems
        .iter()
        .map(|problem| (problem.line, problem.problem.clone()))
        .collect();
    assert_eq!(
        problems,
        [
            (5, StagedProblem::UnknownTaxClass("luxury".into())),
            (5, StagedProblem::UnknownParent("NOPE".into())),
        ]
    );
    assert_eq!(
        (plan.creates, plan.updates),
        (2, 0),
        "the refused row is not counted"
    );
    staged.discard().await.unwrap();

    // Two variations that cannot be told apart: found while applying, nothing written.
    let staged = store
        .stage_import(&[parent.clone(), small.clone(), twin], ALL, &progress)
        .await
        .unwrap();
    let refused = staged
        .apply(now(), &progress, None)
        .await
        .unwrap()
        .unwrap_err();
    assert_eq!(refused.len(), 2);
    assert!(matches!(
        refused[0].problem,
        StagedProblem::DuplicateVariation(_)
    ));
    assert_eq!(store.count_products().await.unwrap(), 0);
    assert!(
        store.categories().await.unwrap().is_empty(),
        "no category either"
    );

    // Applied: parent, variation, category path, barcode, stock, search index.
    let staged = store
        .stage_import(&[parent.clone(), small.clone()], ALL, &progress)
        .await
        .unwrap();
    let plan = staged.apply(now(), &progress, None).await.unwrap().unwrap();
    assert_eq!((plan.creates, plan.updates), (2, 0));
    let variation = store
        .product_by_barcode("4006381333931")
        .await
        .unwrap()
        .unwrap();
    assert_eq!(variation.sku, "TEE-S");
    assert_eq!(variation.stock_on_hand, 7);
    assert_eq!(variation.variation.as_deref(), Some("S"));
    assert!(variation.active);
    let parent_row = store
        .product(variation.parent_id.unwrap())
        .await
        .unwrap()
        .unwrap();
    assert!(
        parent_row.has_variations && !parent_row.active,
        "a parent is not sold"
    );
    let mut tx = store.begin_write().await.unwrap();
    let cart = tx.create_cart("R1", now()).await.unwrap();
    assert!(
        tx.add_cart_item(cart, parent_row.id, 1, now())
            .await
            .is_err(),
        "not even through a path that forgets to check"
    );
    tx.add_cart_item(cart, variation.id, 1, now())
        .await
        .unwrap();
    drop(tx);
    assert_eq!(parent_row.category.as_deref(), Some("Tops"));
    assert_eq!(skus(&store, "product tee-s", None).await, ["TEE-S"]);
    assert_eq!(store.categories().await.unwrap()[1].path, "Clothing > Tops");

    // The same rows again update by SKU; a file without barcodes keeps them.
    let mut columns = ALL;
    columns.barcodes = false;
    let cheaper = ImportRow {
        price_minor: Some(199),
        barcodes: Vec::new(),
        ..small
    };
    let staged = store
        .stage_import(&[parent, cheaper], columns, &progress)
        .await
        .unwrap();
    let later = now() + chrono::Duration::hours(1);
    let plan = staged.apply(later, &progress, None).await.unwrap().unwrap();
    assert_eq!((plan.creates, plan.updates), (0, 2));
    assert_eq!(store.count_products().await.unwrap(), 2);
    let variation = store
        .product_by_barcode("4006381333931")
        .await
        .unwrap()
        .unwrap();
    assert_eq!(variation.price_minor, 199);
    assert_eq!(
        variation.stock_on_hand, 7,
        "no stock column: the stock stays"
    );
    let changed = store.product_record(variation.id).await.unwrap().unwrap();
    assert_eq!(changed.updated_at, later);
    let unchanged = store
        .product_record(variation.parent_id.unwrap())
        .await
        .unwrap()
        .unwrap();
    assert_eq!(
        unchanged.updated_at,
        now(),
        "an unchanged row is not written"
    );
    assert_eq!(
        store.product_barcodes(variation.id).await.unwrap(),
        ["4006381333931"]
    );
}

#[tokio::test]
async fn the_generator_writes_valid_barcodes_unique_skus_and_variations() {
    let (_folder, store) = fresh().await;
    let made = store.generate_catalog(1_000, now()).await.unwrap();
    assert_eq!(made.products, 1_000);
    assert_eq!(made.variations, 120);
    assert_eq!(made.categories, 108);
    let rows = store
        .list_products(
            &ProductFilter {
                include_inactive: true,
                ..ProductFilter::default()
            },
            2_000,
        )
        .await
        .unwrap();
    assert_eq!(rows.len(), 1_000);
    let mut barcodes = BTreeSet::new();
    let mut skus = BTreeSet::new();
    for row in &rows {
        assert!(skus.insert(row.sku.clone()));
        if row.has_variations {
            assert_eq!(row.barcode, None);
        } else {
            let barcode = row.barcode.clone().unwrap();
            assert!(ean13_valid(&barcode), "{barcode}");
            assert!(barcodes.insert(barcode));
        }
        if row.parent_id.is_some() {
            let variation = row.variation.clone().unwrap();
            assert!(
                [
                    "S / Black",
                    "M / Black",
                    "L / Black",
                    "S / White",
                    "M / White",
                    "L / White"
                ]
                .contains(&variation.as_str()),
                "{variation}"
            );
            assert!(row.sku.starts_with("CLO-"), "{}", row.sku);
        }
    }
    assert_eq!(
        rows.iter().filter(|row| !row.active_flag).count(),
        1,
        "one in 997"
    );
    assert!(!skus_of(&store, "hoodie black").await.is_empty());
    // Generating more continues after the products there are.
    let more = store.generate_catalog(50, now()).await.unwrap();
    assert_eq!(more.products, 50);
    assert_eq!(store.count_products().await.unwrap(), 1_050);
    assert_eq!(
        more.categories, 108,
        "the categories are found again, not doubled"
    );
    assert_eq!(store.categories().await.unwrap().len(), 108);
}

async fn skus_of(store: &Store, text: &str) -> Vec<String> {
    skus(store, text, None).await
}
