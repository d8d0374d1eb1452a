//! Tauri build script: reads `tauri.conf.json` at the repository root, the capabilities in
//! `src-tauri/capabilities/`, and declares the app's commands so that each one needs an
//! explicit permission (least privilege: the window may call these and nothing else).

/// Every command of `src-tauri/src/lib.rs`; a capability must grant each one.
const COMMANDS: &[&str] = &[
    "app_status",
    "load_demo",
    "search_products",
    "scan_barcode",
    "current_cart",
    "add_to_cart",
    "set_cart_quantity",
    "remove_cart_line",
    "checkout",
    "list_orders",
    "get_order",
    "list_statuses",
    "change_order_status",
    "record_payment",
    "update_order",
    "delete_test_order",
    "search_customers",
    "create_staff_order",
    "start_mass_action",
    "job_status",
    "save_order_status",
    "save_order_document",
    "printer_settings",
    "save_printer_settings",
    "print_receipt",
    "reprint_last_receipt",
    "apply_coupon",
    "remove_coupon",
    "gift_card",
    "list_gift_cards",
    "create_customer",
    "customer_addresses",
    "store_credit",
    "grant_store_credit",
    "quote_checkout",
    "list_coupons",
    "save_coupon",
    "list_carriers",
    "save_carrier",
    "list_payment_methods",
    "save_payment_method",
    "tax_settings",
    "save_tax_settings",
    "save_tax_rate",
    "print_test_page",
    "open_document",
    "park_cart",
    "parked_carts",
    "resume_cart",
    "discard_cart",
    "cart_by_id",
    "set_cart_customer",
    "abandoned_carts",
    "mark_recovery_sent",
    "customer_page",
    "update_customer",
    "save_customer_address",
    "delete_customer_address",
    "search_catalog",
    "lookup_barcode",
    "product_variants",
    "list_products",
    "get_product",
    "save_product",
    "set_product_active",
    "list_categories",
    "save_category",
    "preview_product_import",
    "start_product_import",
    "product_import_status",
    "export_products",
];

fn main() {
    let attributes = tauri_build::Attributes::new()
        .capabilities_path_pattern("src-tauri/capabilities/*.json")
        .app_manifest(tauri_build::AppManifest::new().commands(COMMANDS));
    if let Err(error) = tauri_build::try_build(attributes) {
        println!("cargo:warning=tauri build step failed: {error:#}");
        std::process::exit(1);
    }
}
