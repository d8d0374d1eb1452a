//! The thin Tauri shell: every command is a one-line call into `kassa_core::Kassa`, the same
//! API the CLI and the tests call. No business logic and no SQL live here.

use std::path::PathBuf;
use std::sync::Arc;

use kassa_core::api::{
    AddToCartRequest, AppStatus, CartView, CheckoutReceipt, CheckoutRequest, DemoSummary,
    GetOrderRequest, ListOrdersRequest, OrderDetail, OrderPage, ProductSummary, RemoveLineRequest,
    ScanRequest, ScanResult, SearchProductsRequest, SetQuantityRequest,
};
use kassa_core::paths::resolve_database_path;
use kassa_core::{ApiError, ErrorCode, Kassa, RegisterConfig, SystemClock};
use tauri::{Manager, State};

type Reply<T> = Result<T, ApiError>;

#[tauri::command]
async fn app_status(kassa: State<'_, Kassa>) -> Reply<AppStatus> {
    kassa.app_status().await
}

#[tauri::command]
async fn load_demo(kassa: State<'_, Kassa>) -> Reply<DemoSummary> {
    kassa.load_demo().await
}

#[tauri::command]
async fn search_products(
    kassa: State<'_, Kassa>,
    request: SearchProductsRequest,
) -> Reply<Vec<ProductSummary>> {
    kassa.search_products(request).await
}

#[tauri::command]
async fn scan_barcode(kassa: State<'_, Kassa>, request: ScanRequest) -> Reply<ScanResult> {
    kassa.scan_barcode(request).await
}

#[tauri::command]
async fn current_cart(kassa: State<'_, Kassa>) -> Reply<CartView> {
    kassa.current_cart().await
}

#[tauri::command]
async fn add_to_cart(kassa: State<'_, Kassa>, request: AddToCartRequest) -> Reply<CartView> {
    kassa.add_to_cart(request).await
}

#[tauri::command]
async fn set_cart_quantity(
    kassa: State<'_, Kassa>,
    request: SetQuantityRequest,
) -> Reply<CartView> {
    kassa.set_cart_quantity(request).await
}

#[tauri::command]
async fn remove_cart_line(kassa: State<'_, Kassa>, request: RemoveLineRequest) -> Reply<CartView> {
    kassa.remove_cart_line(request).await
}

#[tauri::command]
async fn checkout(kassa: State<'_, Kassa>, request: CheckoutRequest) -> Reply<CheckoutReceipt> {
    kassa.checkout(request).await
}

#[tauri::command]
async fn list_orders(kassa: State<'_, Kassa>, request: ListOrdersRequest) -> Reply<OrderPage> {
    kassa.list_orders(request).await
}

#[tauri::command]
async fn get_order(kassa: State<'_, Kassa>, request: GetOrderRequest) -> Reply<OrderDetail> {
    kassa.get_order(request).await
}

/// Opens the database (flag, then `KASSA_DB`, then the OS app-data folder) and runs the
/// app until its window closes.
pub fn run(database: Option<PathBuf>, register_code: String) {
    let result = tauri::Builder::default()
        .setup(move |app| {
            let path = resolve_database_path(database)
                .or_else(|| {
                    app.path()
                        .app_data_dir()
                        .ok()
                        .map(|dir| dir.join("kassa.sqlite3"))
                })
                .ok_or_else(|| {
                    ApiError::new(
                        ErrorCode::Internal,
                        "No folder for the database was found; pass --db PATH.",
                    )
                })?;
            let register = RegisterConfig { register_code };
            let kassa = tauri::async_runtime::block_on(Kassa::open(
                &path,
                register,
                Arc::new(SystemClock),
            ))?;
            app.manage(kassa);
            Ok(())
        })
        .invoke_handler(tauri::generate_handler![
            app_status,
            load_demo,
            search_products,
            scan_barcode,
            current_cart,
            add_to_cart,
            set_cart_quantity,
            remove_cart_line,
            checkout,
            list_orders,
            get_order,
        ])
        .run(tauri::generate_context!());
    if let Err(error) = result {
        eprintln!("Kassa stopped: {error}");
        std::process::exit(1);
    }
}
