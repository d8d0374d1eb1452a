//! Catalog tests over real SQLite files: variations at the counter, the owner's product
//! form and its refusals by field, categories with their subcategories, switched-off
//! products, search, CSV preview, import (one transaction, updates by SKU) and export, and
//! the generated big catalog.

#![allow(
    clippy::unwrap_used,
    clippy::panic,
    clippy::indexing_slicing,
    clippy::print_stdout,
    reason = "test code fails loudly and reports on stdout"
)]

mod support;

use std::collections::BTreeSet;
use std::time::Duration;

use kassa_core::api::{
    AddToCartRequest, BarcodeLookupRequest, CategoryInput, ExportProductsRequest, ImportJobRequest,
    ImportState, ListProductsRequest, ProductAttribute, ProductImportRequest, ProductImportStatus,
    ProductInput, ProductKind, ProductRequest, ScanRequest, SearchCatalogRequest,
    SearchProductsRequest, SetProductActiveRequest,
};
use kassa_core::demo::demo_barcode;
use kassa_core::{ErrorCode, Kassa};
use kassa_domain::barcode::{ean13_check_digit, is_valid_ean13};
use rust_decimal_macros::dec;
use support::TestStore;

/// A valid EAN-13 from a 12-digit body.
fn ean(body: &str) -> String {
    format!("{body}{}", ean13_check_digit(body).unwrap())
}

fn attribute(name: &str, value: &str) -> ProductAttribute {
    ProductAttribute {
        name: name.into(),
        value: value.into(),
    }
}

fn product(sku: &str, name: &str) -> ProductInput {
    ProductInput {
        sku: sku.into(),
        name: name.into(),
        price: dec!(19.99),
        tax_class: "standard".into(),
        ..ProductInput::default()
    }
}

async fn search(kassa: &Kassa, query: &str) -> Vec<kassa_core::api::ProductSummary> {
    kassa
        .search_products(SearchProductsRequest {
            query: query.into(),
            limit: Some(100),
        })
        .await
        .unwrap()
}

/// A T-shirt with four variations (S/M × Black/White); returns (parent id, variation ids).
async fn t_shirt(kassa: &Kassa) -> (i64, Vec<i64>) {
    let parent = kassa
        .save_product(ProductInput {
            barcodes: vec![ean("200000000001")],
            ..product("TEE", "Organic T-shirt")
        })
        .await
        .unwrap();
    let mut variations = Vec::new();
    for (index, (size, colour)) in [
        ("S", "Black"),
        ("S", "White"),
        ("M", "Black"),
        ("M", "White"),
    ]
    .into_iter()
    .enumerate()
    {
        let saved = kassa
            .save_product(ProductInput {
                parent_id: Some(parent.id),
                attributes: vec![attribute("Size", size), attribute("Colour", colour)],
                barcodes: vec![ean(&format!("20000000010{index}"))],
                stock_on_hand: Some(5),
                ..product(
                    &format!("TEE-{size}-{colour}"),
                    &format!("Organic T-shirt {size} {colour}"),
                )
            })
            .await
            .unwrap();
        variations.push(saved.id);
    }
    (parent.id, variations)
}

#[tokio::test]
async fn variations_are_chosen_at_the_counter_and_scanned_directly() {
    let test = TestStore::with_demo().await;
    let kassa = test.register("R1").await;
    let (parent, variations) = t_shirt(&kassa).await;

    let found = search(&kassa, "organic t-sh").await;
    let parent_hit = found.iter().find(|hit| hit.id == parent).unwrap();
    assert_eq!(parent_hit.has_variations, Some(true));
    let variation_hit = found.iter().find(|hit| hit.id == variations[0]).unwrap();
    assert_eq!(variation_hit.has_variations, Some(false));
    assert_eq!(variation_hit.parent_id, Some(parent));
    assert_eq!(variation_hit.variation.as_deref(), Some("S / Black"));
    let by_attribute = search(&kassa, "t-shirt white").await;
    assert_eq!(
        by_attribute.len(),
        2,
        "attribute values are searchable: {by_attribute:?}"
    );

    let variants = kassa
        .product_variants(ProductRequest { product_id: parent })
        .await
        .unwrap();
    assert_eq!(variants.attribute_names, ["Size", "Colour"]);
    assert_eq!(variants.variations.len(), 4);
    assert_eq!(
        variants.variations[3].attributes,
        [attribute("Size", "M"), attribute("Colour", "White")]
    );
    // Asked for one variation, the counter gets its family.
    let same = kassa
        .product_variants(ProductRequest {
            product_id: variations[1],
        })
        .await
        .unwrap();
    assert_eq!(same.parent.id, parent);

    let error = kassa
        .scan_barcode(ScanRequest {
            barcode: ean("200000000001"),
        })
        .await
        .unwrap_err();
    assert_eq!(error.code, ErrorCode::ChooseVariation, "{}", error.message);
    assert_eq!(
        kassa.sellable_product(parent).await.unwrap_err().code,
        ErrorCode::ChooseVariation
    );
    assert!(
        kassa
            .add_to_cart(AddToCartRequest {
                product_id: parent,
                quantity: 1,
            })
            .await
            .is_err(),
        "a parent is not sold itself"
    );
    assert!(kassa.current_cart().await.unwrap().lines.is_empty());

    let scanned = kassa
        .scan_barcode(ScanRequest {
            barcode: ean("200000000102"),
        })
        .await
        .unwrap();
    assert_eq!(scanned.product.id, variations[2]);
    assert_eq!(scanned.cart.lines.len(), 1);
    assert_eq!(scanned.cart.lines[0].product_id, variations[2]);

    let detail = kassa
        .get_product(ProductRequest { product_id: parent })
        .await
        .unwrap();
    assert_eq!(detail.variations.len(), 4);
    assert_eq!(detail.attribute_names, ["Size", "Colour"]);
    let variation = kassa
        .get_product(ProductRequest {
            product_id: variations[0],
        })
        .await
        .unwrap();
    assert_eq!(variation.parent_sku.as_deref(), Some("TEE"));
    assert_eq!(variation.attributes[0], attribute("Size", "S"));
}

#[tokio::test]
async fn variation_rules_are_enforced() {
    let test = TestStore::with_demo().await;
    let kassa = test.register("R1").await;
    let (parent, variations) = t_shirt(&kassa).await;

    let twin = kassa
        .save_product(ProductInput {
            parent_id: Some(parent),
            attributes: vec![attribute("colour", "black"), attribute("size", "s")],
            ..product("TEE-S-BLACK-2", "Twin")
        })
        .await
        .unwrap_err();
    assert_eq!(twin.code, ErrorCode::InvalidInput);
    assert!(twin.message.contains("TEE-S-Black"), "{}", twin.message);

    let grandchild = kassa
        .save_product(ProductInput {
            parent_id: Some(variations[0]),
            attributes: vec![attribute("Size", "XL")],
            ..product("TEE-XL", "Grandchild")
        })
        .await
        .unwrap_err();
    assert!(
        grandchild.message.contains("itself a variation"),
        "{}",
        grandchild.message
    );

    let no_attributes = kassa
        .save_product(ProductInput {
            parent_id: Some(parent),
            ..product("TEE-L", "No attributes")
        })
        .await
        .unwrap_err();
    assert!(
        no_attributes.message.contains("attribute"),
        "{}",
        no_attributes.message
    );

    // A parent cannot become a variation of something else.
    let other = kassa.save_product(product("OTHER", "Other")).await.unwrap();
    let mut input = product("TEE", "Organic T-shirt");
    input.id = Some(parent);
    input.parent_id = Some(other.id);
    input.attributes = vec![attribute("Size", "L")];
    let error = kassa.save_product(input).await.unwrap_err();
    assert!(
        error.message.contains("variations of its own"),
        "{}",
        error.message
    );
}

#[tokio::test]
async fn the_product_form_names_the_refused_field() {
    let test = TestStore::with_demo().await;
    let kassa = test.register("R1").await;
    let refused = async |input: ProductInput| kassa.save_product(input).await.unwrap_err();

    let error = refused(product("  ", "Nameless SKU")).await;
    assert_eq!(error.code, ErrorCode::InvalidInput);
    assert!(error.message.contains("SKU"), "{}", error.message);

    let error = refused(product("BAK-001", "Taken")).await;
    assert_eq!(error.code, ErrorCode::DuplicateSku);
    assert!(
        error.message.contains("Sourdough loaf"),
        "{}",
        error.message
    );

    let error = refused(product("NEW-1", "")).await;
    assert!(error.message.contains("name"), "{}", error.message);

    let error = refused(product("NEW-1", &"x".repeat(201))).await;
    assert!(
        error.message.contains("201 characters"),
        "{}",
        error.message
    );

    let error = refused(ProductInput {
        price: dec!(-1.00),
        ..product("NEW-1", "Negative")
    })
    .await;
    assert!(error.message.contains("price"), "{}", error.message);

    let error = refused(ProductInput {
        price: dec!(1.005),
        ..product("NEW-1", "Too precise")
    })
    .await;
    assert!(error.message.contains("price"), "{}", error.message);

    let error = refused(ProductInput {
        tax_class: "luxury".into(),
        ..product("NEW-1", "Unknown class")
    })
    .await;
    assert!(error.message.contains("tax class"), "{}", error.message);
    assert!(
        error.message.contains("standard"),
        "lists the classes: {}",
        error.message
    );

    let error = refused(ProductInput {
        category_id: Some(9_999),
        ..product("NEW-1", "Unknown category")
    })
    .await;
    assert!(error.message.contains("category"), "{}", error.message);

    let error = refused(ProductInput {
        barcodes: vec!["4006381333932".into()],
        ..product("NEW-1", "Bad check digit")
    })
    .await;
    assert_eq!(error.code, ErrorCode::InvalidBarcode);
    assert!(error.message.contains("should be 1"), "{}", error.message);

    let error = refused(ProductInput {
        barcodes: vec!["036000291453".into()],
        ..product("NEW-1", "Bad UPC-A")
    })
    .await;
    assert_eq!(error.code, ErrorCode::InvalidBarcode);
    assert!(error.message.contains("UPC-A"), "{}", error.message);

    let error = refused(ProductInput {
        barcodes: vec![demo_barcode(0)],
        ..product("NEW-1", "Barcode taken")
    })
    .await;
    assert_eq!(error.code, ErrorCode::DuplicateBarcode);
    assert!(
        error.message.contains("Sourdough loaf"),
        "{}",
        error.message
    );

    let error = refused(ProductInput {
        attributes: vec![attribute("Size", "L")],
        ..product("NEW-1", "Attributes without parent")
    })
    .await;
    assert!(error.message.contains("variations"), "{}", error.message);

    // A valid UPC-A is taken, and found when scanned as its EAN-13 form.
    let saved = kassa
        .save_product(ProductInput {
            barcodes: vec!["036000291452".into(), "96385074".into()],
            bin_location: Some(" B-01-2 ".into()),
            weight_grams: Some(250),
            stock_on_hand: Some(12),
            ..product("NEW-1", "Imported soda")
        })
        .await
        .unwrap();
    assert_eq!(saved.barcodes, ["036000291452", "96385074"]);
    assert_eq!(saved.bin_location.as_deref(), Some("B-01-2"));
    let found = kassa
        .lookup_barcode(BarcodeLookupRequest {
            barcode: "0036000291452".into(),
        })
        .await
        .unwrap();
    assert_eq!(found.id, saved.id);

    // Updating keeps what is not changed and records the stock change.
    let mut input = product("NEW-1", "Imported soda, renamed");
    input.id = Some(saved.id);
    input.barcodes = saved.barcodes.clone();
    input.stock_on_hand = Some(20);
    let updated = kassa.save_product(input).await.unwrap();
    assert_eq!(updated.name, "Imported soda, renamed");
    assert_eq!(updated.stock_on_hand, 20);
    assert!(
        search(&kassa, "renamed")
            .await
            .iter()
            .any(|hit| hit.id == saved.id)
    );
    assert!(
        search(&kassa, "imported soda")
            .await
            .iter()
            .any(|hit| hit.id == saved.id)
    );

    // Gift cards are virtual.
    let gift = kassa
        .save_product(ProductInput {
            kind: Some(ProductKind::GiftCard),
            tax_class: "exempt".into(),
            ..product("GIFT-100", "Gift card 100")
        })
        .await
        .unwrap();
    assert!(!gift.shippable && !gift.stock_tracked);
    assert_eq!(gift.kind, ProductKind::GiftCard);
}

#[tokio::test]
async fn a_category_filter_includes_subcategories() {
    let test = TestStore::with_demo().await;
    let kassa = test.register("R1").await;
    let drinks = kassa
        .save_category(CategoryInput {
            name: "Drinks".into(),
            ..CategoryInput::default()
        })
        .await
        .unwrap();
    let juice = kassa
        .save_category(CategoryInput {
            name: "Juice".into(),
            parent_id: Some(drinks.id),
            ..CategoryInput::default()
        })
        .await
        .unwrap();
    assert_eq!(juice.path, "Drinks > Juice");
    assert_eq!(juice.depth, 1);
    let duplicate = kassa
        .save_category(CategoryInput {
            name: "juice".into(),
            parent_id: Some(drinks.id),
            ..CategoryInput::default()
        })
        .await
        .unwrap_err();
    assert_eq!(duplicate.code, ErrorCode::DuplicateCategory);
    let cycle = kassa
        .save_category(CategoryInput {
            id: Some(drinks.id),
            name: "Drinks".into(),
            parent_id: Some(juice.id),
        })
        .await
        .unwrap_err();
    assert!(cycle.message.contains("under itself"), "{}", cycle.message);

    let orange = kassa
        .save_product(ProductInput {
            category_id: Some(juice.id),
            ..product("OJ-1", "Fresh orange juice")
        })
        .await
        .unwrap();
    assert_eq!(orange.category_path.as_deref(), Some("Drinks > Juice"));
    let in_drinks = kassa
        .search_catalog(SearchCatalogRequest {
            query: "juice".into(),
            category_id: Some(drinks.id),
            limit: None,
        })
        .await
        .unwrap();
    assert_eq!(
        in_drinks.iter().map(|hit| hit.id).collect::<Vec<_>>(),
        [orange.id],
        "the demo's Orange juice is in Beverages, not in Drinks"
    );
    let everything_in_drinks = kassa
        .search_catalog(SearchCatalogRequest {
            category_id: Some(drinks.id),
            ..SearchCatalogRequest::default()
        })
        .await
        .unwrap();
    assert_eq!(everything_in_drinks.len(), 1);
    let listed = kassa
        .list_products(ListProductsRequest {
            category_id: Some(drinks.id),
            ..ListProductsRequest::default()
        })
        .await
        .unwrap();
    assert_eq!(listed.products.len(), 1);

    // Moving Juice under Beverages moves its products with it.
    let categories = kassa.list_categories().await.unwrap();
    let beverages = categories.iter().find(|c| c.name == "Beverages").unwrap();
    kassa
        .save_category(CategoryInput {
            id: Some(juice.id),
            parent_id: Some(beverages.id),
            name: "Juice".into(),
        })
        .await
        .unwrap();
    let in_beverages = kassa
        .search_catalog(SearchCatalogRequest {
            query: "fresh orange".into(),
            category_id: Some(beverages.id),
            limit: None,
        })
        .await
        .unwrap();
    assert_eq!(in_beverages.len(), 1);
    let in_drinks = kassa
        .search_catalog(SearchCatalogRequest {
            query: "orange".into(),
            category_id: Some(drinks.id),
            limit: None,
        })
        .await
        .unwrap();
    assert!(in_drinks.is_empty());
    let tree: Vec<String> = kassa
        .list_categories()
        .await
        .unwrap()
        .into_iter()
        .map(|category| category.path)
        .collect();
    let beverages_at = tree.iter().position(|path| path == "Beverages").unwrap();
    assert_eq!(
        tree[beverages_at + 1],
        "Beverages > Juice",
        "tree order: {tree:?}"
    );
}

#[tokio::test]
async fn switched_off_products_are_hidden_at_the_counter_only() {
    let test = TestStore::with_demo().await;
    let kassa = test.register("R1").await;
    let baguette = search(&kassa, "baguette").await[0].clone();
    assert_eq!(baguette.name, "Baguette");
    let shown =
        async |query: &str, id: i64| search(&kassa, query).await.iter().any(|hit| hit.id == id);
    let off = kassa
        .set_product_active(SetProductActiveRequest {
            product_id: baguette.id,
            active: false,
        })
        .await
        .unwrap();
    assert_eq!(off.active, Some(false));
    assert!(!shown("baguette", baguette.id).await);
    assert!(!shown(&demo_barcode(3), baguette.id).await);
    assert_eq!(
        search(&kassa, "baguette").await.len(),
        2,
        "the other sizes stay"
    );
    let scanned = kassa
        .scan_barcode(ScanRequest {
            barcode: demo_barcode(3),
        })
        .await
        .unwrap_err();
    assert_eq!(
        scanned.code,
        ErrorCode::ProductInactive,
        "{}",
        scanned.message
    );
    assert!(
        kassa
            .add_to_cart(AddToCartRequest {
                product_id: baguette.id,
                quantity: 1,
            })
            .await
            .is_err()
    );
    assert!(kassa.current_cart().await.unwrap().lines.is_empty());
    let looked_up = kassa
        .lookup_barcode(BarcodeLookupRequest {
            barcode: demo_barcode(3),
        })
        .await
        .unwrap();
    assert_eq!(looked_up.active, Some(false));
    let owner = kassa
        .list_products(ListProductsRequest {
            query: Some("baguette".into()),
            ..ListProductsRequest::default()
        })
        .await
        .unwrap();
    assert_eq!(
        owner.products.len(),
        3,
        "the owner sees switched-off products"
    );
    assert!(
        owner
            .products
            .iter()
            .any(|hit| hit.id == baguette.id && hit.active == Some(false))
    );
    let active_only = kassa
        .list_products(ListProductsRequest {
            query: Some("baguette".into()),
            include_inactive: Some(false),
            ..ListProductsRequest::default()
        })
        .await
        .unwrap();
    assert_eq!(active_only.products.len(), 2);

    // A parent switched off hides its variations too.
    let (parent, variations) = t_shirt(&kassa).await;
    kassa
        .set_product_active(SetProductActiveRequest {
            product_id: parent,
            active: false,
        })
        .await
        .unwrap();
    assert!(search(&kassa, "organic t-shirt").await.is_empty());
    assert_eq!(
        kassa
            .sellable_product(variations[0])
            .await
            .unwrap_err()
            .code,
        ErrorCode::ProductInactive
    );

    kassa
        .set_product_active(SetProductActiveRequest {
            product_id: baguette.id,
            active: true,
        })
        .await
        .unwrap();
    assert!(shown("baguette", baguette.id).await);
    kassa
        .scan_barcode(ScanRequest {
            barcode: demo_barcode(3),
        })
        .await
        .unwrap();
}

#[tokio::test]
async fn search_finds_prefixes_two_words_partial_skus_and_ignores_accents() {
    let test = TestStore::with_demo().await;
    let kassa = test.register("R1").await;
    let names = |hits: &[kassa_core::api::ProductSummary]| -> BTreeSet<String> {
        hits.iter().map(|hit| hit.name.clone()).collect()
    };
    let choc = search(&kassa, "choc").await;
    assert!(names(&choc).contains("Dark chocolate"));
    assert!(names(&choc).contains("Chocolate milk"));
    assert!(names(&choc).contains("Pain au chocolat"));
    let dark = search(&kassa, "dark choc").await;
    assert_eq!(
        names(&dark),
        BTreeSet::from([
            "Dark chocolate".to_owned(),
            "Dark chocolate (large)".to_owned(),
            "Dark chocolate (organic)".to_owned()
        ])
    );
    assert_eq!(
        search(&kassa, "choc dark").await.len(),
        3,
        "word order does not matter"
    );
    assert_eq!(
        search(&kassa, "dark c").await.len(),
        3,
        "a one-letter last word is ignored"
    );
    let partial = search(&kassa, "SNA-00").await;
    assert_eq!(partial.len(), 9);
    assert!(partial.iter().all(|hit| hit.sku.starts_with("SNA-00")));
    let exact = search(&kassa, "sna-004").await;
    assert_eq!(exact[0].sku, "SNA-004", "the exact SKU comes first");
    let number = search(&kassa, "004").await;
    assert!(
        number.iter().any(|hit| hit.sku == "BAK-004"),
        "the SKU's number part"
    );
    let barcode = search(&kassa, &demo_barcode(7)).await;
    assert_eq!(barcode.len(), 1);
    assert_eq!(barcode[0].barcode, Some(demo_barcode(7)));
    assert_eq!(
        search(&kassa, &demo_barcode(7)[..11]).await.len(),
        10,
        "a barcode prefix"
    );
    let letter = search(&kassa, "w").await;
    assert!(!letter.is_empty());
    assert!(
        letter
            .iter()
            .all(|hit| hit.name.to_lowercase().starts_with('w'))
    );
    assert_eq!(
        search(&kassa, "").await.len(),
        100,
        "nothing typed lists by name"
    );
    assert!(search(&kassa, "zzqx").await.is_empty());
    assert!(
        search(&kassa, "\"zzqx\" OR (\"").await.is_empty(),
        "quotes and operators are text, not FTS5 syntax"
    );

    kassa
        .save_product(product("CAFE-1", "Café crème"))
        .await
        .unwrap();
    assert_eq!(search(&kassa, "cafe creme").await.len(), 1);
    assert_eq!(search(&kassa, "CAFÉ").await.len(), 1);
}

/// Starts an import of `content` and waits for its outcome.
async fn import(kassa: &Kassa, content: &str) -> ProductImportStatus {
    let started = kassa
        .start_product_import(ProductImportRequest {
            content: Some(content.into()),
            file_name: Some("products.csv".into()),
            ..ProductImportRequest::default()
        })
        .await
        .unwrap();
    for _ in 0..1_500 {
        let status = kassa
            .product_import_status(ImportJobRequest {
                job_id: started.job_id,
            })
            .await
            .unwrap();
        if matches!(status.state, ImportState::Done | ImportState::Failed) {
            return status;
        }
        tokio::time::sleep(Duration::from_millis(20)).await;
    }
    panic!("the import did not finish");
}

const FILE: &str = "\u{FEFF}sku,name,parent_sku,attributes,category,price,tax_class,barcodes,stock,weight_grams,shippable,kind,active,bin_location
JUICE-1,Apple juice 1 l,,,Drinks > Juice,2.49,reduced,2000000100012,24,1000,yes,normal,yes,D-01-1
JUICE-2,Orange juice 1 l,,,Drinks > Juice,\"2,79\",reduced,2000000100029;2000000100036,12,1000,yes,normal,yes,D-01-2
HOOD,Hoodie,,,Clothing,39.00,standard,,0,,yes,normal,yes,
HOOD-M,Hoodie M,HOOD,Size=M,Clothing,39.00,standard,2000000100043,3,600,yes,normal,yes,C-02-1
HOOD-L,Hoodie L,HOOD,Size=L,Clothing,41.00,standard,2000000100050,2,650,yes,normal,no,C-02-2
GIFT-10,Gift card 10,,,,10.00,exempt,,,,no,gift_card,yes,
";

#[tokio::test]
async fn csv_import_creates_then_updates_by_sku() {
    let test = TestStore::with_demo().await;
    let kassa = test.register("R1").await;
    let before = kassa.app_status().await.unwrap().product_count;

    let preview = kassa
        .preview_product_import(ProductImportRequest {
            content: Some(FILE.into()),
            ..ProductImportRequest::default()
        })
        .await
        .unwrap();
    assert_eq!(
        (preview.total_rows, preview.creates, preview.updates),
        (6, 6, 0)
    );
    assert!(preview.rejected.is_empty(), "{:?}", preview.rejected);
    assert_eq!(preview.columns.len(), 14);
    assert_eq!(
        kassa.app_status().await.unwrap().product_count,
        before,
        "a preview writes nothing"
    );

    let done = import(&kassa, FILE).await;
    assert_eq!(done.state, ImportState::Done, "{:?}", done.error);
    assert_eq!((done.created, done.updated), (6, 0));
    assert_eq!(kassa.app_status().await.unwrap().product_count, before + 6);
    let orange = kassa
        .lookup_barcode(BarcodeLookupRequest {
            barcode: "2000000100036".into(),
        })
        .await
        .unwrap();
    assert_eq!(orange.sku, "JUICE-2");
    assert_eq!(orange.price, dec!(2.79), "a decimal comma is read");
    let detail = kassa
        .get_product(ProductRequest {
            product_id: orange.id,
        })
        .await
        .unwrap();
    assert_eq!(detail.category_path.as_deref(), Some("Drinks > Juice"));
    assert_eq!(detail.barcodes, ["2000000100029", "2000000100036"]);
    assert_eq!(detail.stock_on_hand, 12);
    let hood = search(&kassa, "hoodie").await;
    let parent = hood.iter().find(|hit| hit.sku == "HOOD").unwrap();
    assert_eq!(parent.has_variations, Some(true));
    let variants = kassa
        .product_variants(ProductRequest {
            product_id: parent.id,
        })
        .await
        .unwrap();
    assert_eq!(variants.variations.len(), 1, "HOOD-L is switched off");
    assert_eq!(variants.variations[0].attributes, [attribute("Size", "M")]);
    let gift = search(&kassa, "gift card 10").await;
    assert_eq!(gift[0].kind, Some(ProductKind::GiftCard));

    // The same file again, with a new price: updates, nothing duplicated, one category.
    let again = FILE.replace("2.49", "2.59");
    let preview = kassa
        .preview_product_import(ProductImportRequest {
            content: Some(again.clone()),
            ..ProductImportRequest::default()
        })
        .await
        .unwrap();
    assert_eq!((preview.creates, preview.updates), (0, 6));
    let done = import(&kassa, &again).await;
    assert_eq!(done.state, ImportState::Done, "{:?}", done.error);
    assert_eq!((done.created, done.updated), (0, 6));
    assert_eq!(kassa.app_status().await.unwrap().product_count, before + 6);
    let apple = search(&kassa, "JUICE-1").await;
    assert_eq!(apple[0].price, dec!(2.59));
    let juices = kassa
        .list_categories()
        .await
        .unwrap()
        .into_iter()
        .filter(|category| category.path == "Drinks > Juice")
        .count();
    assert_eq!(juices, 1);

    // A file of only some columns changes only those.
    let done = import(&kassa, "SKU;Price\nJUICE-1;2.69\n").await;
    assert_eq!(done.state, ImportState::Done, "{:?}", done.error);
    let apple = kassa
        .get_product(ProductRequest {
            product_id: apple[0].id,
        })
        .await
        .unwrap();
    assert_eq!(apple.price, dec!(2.69));
    assert_eq!(apple.name, "Apple juice 1 l");
    assert_eq!(apple.barcodes, ["2000000100012"]);
    assert_eq!(apple.bin_location.as_deref(), Some("D-01-1"));
}

#[tokio::test]
async fn a_preview_names_line_column_and_reason_of_each_bad_row() {
    let test = TestStore::with_demo().await;
    let kassa = test.register("R1").await;
    let file = "sku,name,price,tax_class,barcodes,parent_sku,attributes,colour
NEW-1,Good,1.00,standard,,,,red
NEW-2,Bad price,-1,standard,,,,
NEW-3,Bad barcode,1.00,standard,4006381333932,,,
NEW-4,Unknown class,1.00,luxury,,,,
NEW-1,Twice,1.00,standard,,,,
NEW-5,Taken barcode,1.00,standard,5412345000006,,,
NEW-6,No parent,1.00,standard,,NOPE,Size=L,
BAK-002,\"Multi-line
name\",1.00,standard,,,,
";
    let preview = kassa
        .preview_product_import(ProductImportRequest {
            content: Some(file.into()),
            ..ProductImportRequest::default()
        })
        .await
        .unwrap();
    assert_eq!(preview.ignored_columns, ["colour"]);
    assert_eq!(preview.total_rows, 8);
    let found: Vec<(u64, &str)> = preview
        .rejected
        .iter()
        .map(|problem| (problem.line, problem.column.as_str()))
        .collect();
    assert_eq!(
        found,
        [
            (3, "price"),
            (4, "barcodes"),
            (5, "tax_class"),
            (6, "sku"),
            (7, "barcodes"),
            (8, "parent_sku"),
            (9, "name"),
        ],
        "{:#?}",
        preview.rejected
    );
    assert_eq!(preview.rejected_rows, 7);
    assert!(preview.rejected[0].reason.contains("negative"));
    assert!(preview.rejected[1].reason.contains("check digit"));
    assert!(preview.rejected[2].reason.contains("luxury"));
    assert!(preview.rejected[3].reason.contains("line 2"));
    assert!(preview.rejected[4].reason.contains("BAK-001"));
    assert!(preview.rejected[5].reason.contains("NOPE"));
    assert!(preview.rejected[6].reason.contains("control character"));
    assert_eq!((preview.creates, preview.updates), (1, 0), "the good row");
}

#[tokio::test]
async fn a_failed_import_changes_nothing() {
    let test = TestStore::with_demo().await;
    let kassa = test.register("R1").await;
    let before = kassa.app_status().await.unwrap().product_count;
    let categories = kassa.list_categories().await.unwrap().len();
    let sourdough = search(&kassa, "BAK-001").await[0].clone();

    // Refused while reading: a bad row among good ones.
    let status = import(
        &kassa,
        "sku,name,price,tax_class,category\nBAK-001,Sourdough loaf,9.99,reduced,New > Tree\nNEW-1,New,abc,standard,\n",
    )
    .await;
    assert_eq!(status.state, ImportState::Failed);
    let error = status.error.unwrap();
    assert_eq!(error.code, ErrorCode::ImportRejected);
    assert_eq!(status.rejected.len(), 1);
    assert_eq!(
        (status.rejected[0].line, status.rejected[0].column.as_str()),
        (3, "price")
    );

    // Refused while writing: two variations that cannot be told apart, one of them
    // already in the catalog (only found once both are under the same parent).
    let (parent, _) = t_shirt(&kassa).await;
    let after_tee = kassa.app_status().await.unwrap().product_count;
    let status = import(
        &kassa,
        "sku,name,price,tax_class,parent_sku,attributes\nBAK-001,Sourdough loaf,9.99,reduced,,\nTEE-NEW,Tee,5.00,standard,TEE,Size=S;Colour=Black\n",
    )
    .await;
    assert_eq!(status.state, ImportState::Failed, "{status:?}");
    assert_eq!(status.error.unwrap().code, ErrorCode::ImportRejected);
    assert_eq!(status.rejected[0].line, 3);
    assert_eq!(status.rejected[0].column, "attributes");

    assert_eq!(kassa.app_status().await.unwrap().product_count, after_tee);
    assert_eq!(after_tee, before + 5);
    assert_eq!(kassa.list_categories().await.unwrap().len(), categories);
    let unchanged = search(&kassa, "BAK-001").await[0].clone();
    assert_eq!(unchanged.price, sourdough.price);
    assert_eq!(
        kassa
            .product_variants(ProductRequest { product_id: parent })
            .await
            .unwrap()
            .variations
            .len(),
        4
    );
}

#[tokio::test]
async fn unreadable_files_are_refused_with_a_reason() {
    let test = TestStore::with_demo().await;
    let kassa = test.register("R1").await;
    let folder = tempfile::tempdir().unwrap();
    let latin1 = folder.path().join("latin1.csv");
    std::fs::write(
        &latin1,
        b"sku,name,price,tax_class\nX-1,Caf\xE9,1.00,standard\n",
    )
    .unwrap();
    let error = kassa
        .preview_product_import(ProductImportRequest {
            path: Some(latin1.display().to_string()),
            ..ProductImportRequest::default()
        })
        .await
        .unwrap_err();
    assert_eq!(error.code, ErrorCode::ImportFileInvalid);
    assert!(
        error.message.contains("UTF-8") && error.message.contains("line 2"),
        "{}",
        error.message
    );

    let status = kassa
        .start_product_import(ProductImportRequest {
            path: Some(latin1.display().to_string()),
            ..ProductImportRequest::default()
        })
        .await
        .unwrap();
    assert_eq!(status.file_name, "latin1.csv");
    let status = import(&kassa, "name,price\nX,1.00\n").await;
    assert_eq!(status.error.unwrap().code, ErrorCode::ImportFileInvalid);
    let status = import(&kassa, "sku,sku\nA,B\n").await;
    assert!(status.error.unwrap().message.contains("twice"));
    let status = import(&kassa, "").await;
    assert_eq!(status.error.unwrap().code, ErrorCode::ImportFileInvalid);
}

#[tokio::test]
async fn export_then_import_is_a_round_trip() {
    let test = TestStore::with_demo().await;
    let kassa = test.register("R1").await;
    t_shirt(&kassa).await;
    // A name that a spreadsheet would take for a formula, and a negative stock.
    let formula = kassa
        .save_product(ProductInput {
            stock_on_hand: Some(-3),
            description: "Line one\nline two, with a comma".into(),
            ..product("=RISKY", "=HYPERLINK(\"x\")")
        })
        .await
        .unwrap();
    let before = kassa.app_status().await.unwrap().product_count;
    let export = kassa
        .export_products(ExportProductsRequest::default())
        .await
        .unwrap();
    assert_eq!(export.rows, u64::try_from(before).unwrap());
    let bytes = std::fs::read(&export.path).unwrap();
    assert!(
        bytes.starts_with(b"\xEF\xBB\xBF"),
        "UTF-8 with a byte-order mark"
    );
    let text = String::from_utf8(bytes).unwrap();
    assert!(text.contains("\"'=HYPERLINK(\"\"x\"\")\""), "formula-safe");
    assert!(text.contains(
        "\"TEE-S-Black\",\"Organic T-shirt S Black\",\"\",\"TEE\",\"Size=S;Colour=Black\""
    ));

    let status = kassa
        .start_product_import(ProductImportRequest {
            path: Some(export.path.clone()),
            ..ProductImportRequest::default()
        })
        .await
        .unwrap();
    let mut status = status;
    while !matches!(status.state, ImportState::Done | ImportState::Failed) {
        tokio::time::sleep(Duration::from_millis(20)).await;
        status = kassa
            .product_import_status(ImportJobRequest {
                job_id: status.job_id,
            })
            .await
            .unwrap();
    }
    assert_eq!(
        status.state,
        ImportState::Done,
        "{:?} {:?}",
        status.error,
        status.rejected
    );
    assert_eq!(
        (status.created, status.updated),
        (0, u64::try_from(before).unwrap())
    );
    assert_eq!(kassa.app_status().await.unwrap().product_count, before);
    let again = kassa
        .get_product(ProductRequest {
            product_id: formula.id,
        })
        .await
        .unwrap();
    assert_eq!(again.name, "=HYPERLINK(\"x\")");
    assert_eq!(again.sku, "=RISKY");
    assert_eq!(again.stock_on_hand, -3);
    assert_eq!(again.description, formula.description);

    // A second export is the same file.
    let second = kassa
        .export_products(ExportProductsRequest::default())
        .await
        .unwrap();
    assert_eq!(std::fs::read_to_string(second.path).unwrap(), text);

    // Only a category.
    let snacks = kassa
        .list_categories()
        .await
        .unwrap()
        .into_iter()
        .find(|category| category.name == "Snacks")
        .unwrap();
    let snacks_only = kassa
        .export_products(ExportProductsRequest {
            category_id: Some(snacks.id),
            ..ExportProductsRequest::default()
        })
        .await
        .unwrap();
    assert_eq!(snacks_only.rows, 36);
}

#[tokio::test]
async fn a_generated_catalog_has_valid_unique_barcodes_and_variations() {
    let test = TestStore::with_demo().await;
    let kassa = test.register("R1").await;
    let before = kassa.app_status().await.unwrap().product_count;
    let made = kassa.generate_catalog(1_000).await.unwrap();
    assert_eq!(made.products, 1_000);
    assert_eq!(made.variations, 120, "six in every 50 rows");
    assert_eq!(
        kassa.app_status().await.unwrap().product_count,
        before + 1_000
    );

    let mut skus = BTreeSet::new();
    let mut barcodes = BTreeSet::new();
    let mut parents = 0;
    let mut cursor = None;
    loop {
        let page = kassa
            .list_products(ListProductsRequest {
                cursor,
                limit: Some(200),
                ..ListProductsRequest::default()
            })
            .await
            .unwrap();
        for hit in &page.products {
            assert!(skus.insert(hit.sku.clone()), "unique SKU {}", hit.sku);
            if hit.has_variations == Some(true) {
                parents += 1;
                assert_eq!(hit.barcode, None, "a parent is not scanned");
            } else {
                let barcode = hit.barcode.clone().unwrap();
                assert!(is_valid_ean13(&barcode), "{barcode}");
                assert!(barcodes.insert(barcode));
            }
        }
        match page.next_cursor {
            Some(next) => cursor = Some(next),
            None => break,
        }
    }
    assert_eq!(skus.len(), usize::try_from(before).unwrap() + 1_000);
    assert_eq!(parents, 20);
    let hoodies = search(&kassa, "hoodie black").await;
    let variation = hoodies.iter().find(|hit| hit.parent_id.is_some()).unwrap();
    let variants = kassa
        .product_variants(ProductRequest {
            product_id: variation.id,
        })
        .await
        .unwrap();
    assert_eq!(variants.attribute_names, ["Size", "Colour"]);
    assert_eq!(variants.variations.len(), 6);
    let scanned = kassa
        .scan_barcode(ScanRequest {
            barcode: variation.barcode.clone().unwrap(),
        })
        .await
        .unwrap();
    assert_eq!(scanned.product.id, variation.id);
    let categories = kassa.list_categories().await.unwrap();
    let snacks = categories
        .iter()
        .find(|category| category.path == "Sweets & Snacks")
        .unwrap();
    let in_snacks = kassa
        .search_catalog(SearchCatalogRequest {
            query: "choc".into(),
            category_id: Some(snacks.id),
            limit: None,
        })
        .await
        .unwrap();
    assert!(!in_snacks.is_empty());
    assert!(
        in_snacks
            .iter()
            .all(|hit| hit.category.as_deref() == Some("Chocolate"))
    );
}
