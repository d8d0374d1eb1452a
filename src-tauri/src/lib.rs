//! The thin Tauri shell: every command is a one-line call into `kassa_core::Kassa`, the same
//! API the CLI and the tests call. No business logic and no SQL live here.

use std::path::PathBuf;
use std::sync::Arc;

use kassa_core::api::{
    AddToCartRequest, AddressView, AppStatus, ApproveRequest, BackupInfo, BackupRequest,
    CarrierInput, CartRequest, CartSettings, CartSummary, CartView, CashMovementRequest,
    ChangeStatusRequest, CheckoutDraft, CheckoutQuote, CheckoutReceipt, CheckoutRequest,
    CloseRegisterRequest, CouponCodeRequest, CouponInput, CouponView, CreateCustomerRequest,
    CustomerPage, CustomerRequest, CustomerSummary, Dashboard, DashboardRequest,
    DeleteAddressRequest, DemoSummary, GetOrderRequest, GiftCardDetail, GiftCardRequest,
    GiftCardView, GrantStoreCreditRequest, JobRequest, JobView, JournalVerification,
    ListGiftCardsRequest, ListOrdersRequest, MailLogEntry, MailLogRequest, MailSettingsInput,
    MailSettingsView, MailStatus, MassActionRequest, OpenDocumentRequest, OpenRegisterRequest,
    OrderDetail, OrderPage, OrderStatusView, ParkCartRequest, PaymentMethodInput, PrintOutcome,
    PrintReceiptRequest, PrinterSettings, ProductSummary, RecordPaymentRequest, RegisterReport,
    RegisterSessionRequest, RegisterSessionView, RemoveLineRequest, ReportExport,
    ReportExportRequest, RestorePlan, RestoreRequest, RetryMailRequest, SaveAddressRequest,
    SaveDocumentRequest, SavedDocument, SavedReport, ScanRequest, ScanResult,
    SearchCustomersRequest, SearchProductsRequest, SetCartCustomerRequest, SetQuantityRequest,
    SignInRequest, StaffInput, StaffOrderRequest, StaffOverview, StaffView, StoreCreditView,
    SwitchStaffRequest, TaxRateInput, TaxSettingsInput, TaxSettingsView, TestMailOutcome,
    TestMailRequest, UpdateCustomerRequest, UpdateOrderRequest,
};
use kassa_core::api::{
    BarcodeLookupRequest, CategoryInput, CategoryView, ExportProductsRequest, ImportJobRequest,
    ImportPreview, ListProductsRequest, ProductDetail, ProductExport, ProductImportRequest,
    ProductImportStatus, ProductInput, ProductPage, ProductRequest, ProductVariants,
    SearchCatalogRequest, SetProductActiveRequest,
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

#[tauri::command]
async fn list_statuses(kassa: State<'_, Kassa>) -> Reply<Vec<OrderStatusView>> {
    kassa.list_statuses().await
}

#[tauri::command]
async fn printer_settings(kassa: State<'_, Kassa>) -> Reply<PrinterSettings> {
    kassa.printer_settings().await
}

#[tauri::command]
async fn save_printer_settings(
    kassa: State<'_, Kassa>,
    request: PrinterSettings,
) -> Reply<PrinterSettings> {
    kassa.save_printer_settings(request).await
}

#[tauri::command]
async fn print_receipt(
    kassa: State<'_, Kassa>,
    request: PrintReceiptRequest,
) -> Reply<PrintOutcome> {
    kassa.print_receipt(request).await
}

#[tauri::command]
async fn reprint_last_receipt(kassa: State<'_, Kassa>) -> Reply<PrintOutcome> {
    kassa.reprint_last_receipt().await
}

#[tauri::command]
async fn save_order_document(
    kassa: State<'_, Kassa>,
    request: SaveDocumentRequest,
) -> Reply<SavedDocument> {
    kassa.save_order_document(request).await
}

#[tauri::command]
async fn save_order_status(
    kassa: State<'_, Kassa>,
    request: OrderStatusView,
) -> Reply<Vec<OrderStatusView>> {
    kassa.save_order_status(request).await
}

#[tauri::command]
async fn change_order_status(
    kassa: State<'_, Kassa>,
    request: ChangeStatusRequest,
) -> Reply<OrderDetail> {
    kassa.change_order_status(request).await
}

#[tauri::command]
async fn record_payment(
    kassa: State<'_, Kassa>,
    request: RecordPaymentRequest,
) -> Reply<OrderDetail> {
    kassa.record_payment(request).await
}

#[tauri::command]
async fn update_order(kassa: State<'_, Kassa>, request: UpdateOrderRequest) -> Reply<OrderDetail> {
    kassa.update_order(request).await
}

#[tauri::command]
async fn delete_test_order(kassa: State<'_, Kassa>, request: GetOrderRequest) -> Reply<()> {
    kassa.delete_test_order(request).await
}

#[tauri::command]
async fn search_customers(
    kassa: State<'_, Kassa>,
    request: SearchCustomersRequest,
) -> Reply<Vec<CustomerSummary>> {
    kassa.search_customers(request).await
}

#[tauri::command]
async fn create_staff_order(
    kassa: State<'_, Kassa>,
    request: StaffOrderRequest,
) -> Reply<CheckoutReceipt> {
    kassa.create_staff_order(request).await
}

#[tauri::command]
async fn apply_coupon(kassa: State<'_, Kassa>, request: CouponCodeRequest) -> Reply<CartView> {
    kassa.apply_coupon(request).await
}

#[tauri::command]
async fn remove_coupon(kassa: State<'_, Kassa>, request: CouponCodeRequest) -> Reply<CartView> {
    kassa.remove_coupon(request).await
}

#[tauri::command]
async fn gift_card(kassa: State<'_, Kassa>, request: GiftCardRequest) -> Reply<GiftCardDetail> {
    kassa.gift_card(request).await
}

#[tauri::command]
async fn list_gift_cards(
    kassa: State<'_, Kassa>,
    request: ListGiftCardsRequest,
) -> Reply<Vec<GiftCardView>> {
    kassa.list_gift_cards(request).await
}

#[tauri::command]
async fn create_customer(
    kassa: State<'_, Kassa>,
    request: CreateCustomerRequest,
) -> Reply<CustomerSummary> {
    kassa.create_customer(request).await
}

#[tauri::command]
async fn customer_addresses(
    kassa: State<'_, Kassa>,
    request: CustomerRequest,
) -> Reply<Vec<AddressView>> {
    kassa.customer_addresses(request).await
}

#[tauri::command]
async fn store_credit(kassa: State<'_, Kassa>, request: CustomerRequest) -> Reply<StoreCreditView> {
    kassa.store_credit(request).await
}

#[tauri::command]
async fn grant_store_credit(
    kassa: State<'_, Kassa>,
    request: GrantStoreCreditRequest,
) -> Reply<StoreCreditView> {
    kassa.grant_store_credit(request).await
}

#[tauri::command]
async fn quote_checkout(kassa: State<'_, Kassa>, request: CheckoutDraft) -> Reply<CheckoutQuote> {
    kassa.quote_checkout(request).await
}

#[tauri::command]
async fn list_coupons(kassa: State<'_, Kassa>) -> Reply<Vec<CouponView>> {
    kassa.list_coupons().await
}

#[tauri::command]
async fn save_coupon(kassa: State<'_, Kassa>, request: CouponInput) -> Reply<CouponView> {
    kassa.save_coupon(request).await
}

#[tauri::command]
async fn list_carriers(kassa: State<'_, Kassa>) -> Reply<Vec<CarrierInput>> {
    kassa.list_carriers().await
}

#[tauri::command]
async fn save_carrier(kassa: State<'_, Kassa>, request: CarrierInput) -> Reply<CarrierInput> {
    kassa.save_carrier(request).await
}

#[tauri::command]
async fn list_payment_methods(kassa: State<'_, Kassa>) -> Reply<Vec<PaymentMethodInput>> {
    kassa.list_payment_methods().await
}

#[tauri::command]
async fn save_payment_method(
    kassa: State<'_, Kassa>,
    request: PaymentMethodInput,
) -> Reply<PaymentMethodInput> {
    kassa.save_payment_method(request).await
}

#[tauri::command]
async fn tax_settings(kassa: State<'_, Kassa>) -> Reply<TaxSettingsView> {
    kassa.tax_settings().await
}

#[tauri::command]
async fn save_tax_settings(
    kassa: State<'_, Kassa>,
    request: TaxSettingsInput,
) -> Reply<TaxSettingsView> {
    kassa.save_tax_settings(request).await
}

#[tauri::command]
async fn save_tax_rate(kassa: State<'_, Kassa>, request: TaxRateInput) -> Reply<TaxSettingsView> {
    kassa.save_tax_rate(request).await
}

#[tauri::command]
async fn print_test_page(kassa: State<'_, Kassa>) -> Reply<PrintOutcome> {
    kassa.print_test_page().await
}

/// Hands a document Kassa saved to the system's PDF viewer, where it is printed on any
/// printer the system knows; the core checks it is one of Kassa's own files first.
#[tauri::command]
async fn open_document(
    app: tauri::AppHandle,
    kassa: State<'_, Kassa>,
    request: OpenDocumentRequest,
) -> Reply<()> {
    use tauri_plugin_opener::OpenerExt;
    let path = kassa.document_to_open(&request.path)?;
    app.opener()
        .open_path(path.display().to_string(), None::<&str>)
        .map_err(|error| {
            ApiError::new(
                ErrorCode::Internal,
                format!("The system could not open the document: {error}"),
            )
        })
}

#[tauri::command]
async fn park_cart(kassa: State<'_, Kassa>, request: ParkCartRequest) -> Reply<CartView> {
    kassa.park_cart(request).await
}

#[tauri::command]
async fn parked_carts(kassa: State<'_, Kassa>) -> Reply<Vec<CartSummary>> {
    kassa.parked_carts().await
}

#[tauri::command]
async fn resume_cart(kassa: State<'_, Kassa>, request: CartRequest) -> Reply<CartView> {
    kassa.resume_cart(request).await
}

#[tauri::command]
async fn discard_cart(kassa: State<'_, Kassa>, request: CartRequest) -> Reply<()> {
    kassa.discard_cart(request).await
}

#[tauri::command]
async fn cart_by_id(kassa: State<'_, Kassa>, request: CartRequest) -> Reply<CartView> {
    kassa.cart_by_id(request).await
}

#[tauri::command]
async fn set_cart_customer(
    kassa: State<'_, Kassa>,
    request: SetCartCustomerRequest,
) -> Reply<CartView> {
    kassa.set_cart_customer(request).await
}

#[tauri::command]
async fn cart_settings(kassa: State<'_, Kassa>) -> Reply<CartSettings> {
    kassa.cart_settings().await
}

#[tauri::command]
async fn save_cart_settings(kassa: State<'_, Kassa>, input: CartSettings) -> Reply<CartSettings> {
    kassa.save_cart_settings(input).await
}

#[tauri::command]
async fn mail_settings(kassa: State<'_, Kassa>) -> Reply<MailSettingsView> {
    kassa.mail_settings().await
}

#[tauri::command]
async fn save_mail_settings(
    kassa: State<'_, Kassa>,
    input: MailSettingsInput,
) -> Reply<MailSettingsView> {
    kassa.save_mail_settings(input).await
}

#[tauri::command]
async fn send_test_mail(
    kassa: State<'_, Kassa>,
    request: TestMailRequest,
) -> Reply<TestMailOutcome> {
    kassa.send_test_mail(request).await
}

#[tauri::command]
async fn mail_log(kassa: State<'_, Kassa>, request: MailLogRequest) -> Reply<Vec<MailLogEntry>> {
    kassa.mail_log(request).await
}

#[tauri::command]
async fn retry_mail(kassa: State<'_, Kassa>, request: RetryMailRequest) -> Reply<MailLogEntry> {
    kassa.retry_mail(request).await
}

#[tauri::command]
async fn mail_status(kassa: State<'_, Kassa>) -> Reply<MailStatus> {
    kassa.mail_status().await
}

#[tauri::command]
async fn current_register_session(kassa: State<'_, Kassa>) -> Reply<Option<RegisterSessionView>> {
    kassa.current_register_session().await
}

#[tauri::command]
async fn open_register(
    kassa: State<'_, Kassa>,
    request: OpenRegisterRequest,
) -> Reply<RegisterSessionView> {
    kassa.open_register(request).await
}

#[tauri::command]
async fn cash_movement(
    kassa: State<'_, Kassa>,
    request: CashMovementRequest,
) -> Reply<RegisterReport> {
    kassa.cash_movement(request).await
}

#[tauri::command]
async fn x_report(kassa: State<'_, Kassa>) -> Reply<RegisterReport> {
    kassa.x_report().await
}

#[tauri::command]
async fn close_register(
    kassa: State<'_, Kassa>,
    request: CloseRegisterRequest,
) -> Reply<SavedReport> {
    kassa.close_register(request).await
}

#[tauri::command]
async fn register_sessions(kassa: State<'_, Kassa>) -> Reply<Vec<RegisterSessionView>> {
    kassa.register_sessions().await
}

#[tauri::command]
async fn z_report(
    kassa: State<'_, Kassa>,
    request: RegisterSessionRequest,
) -> Reply<RegisterReport> {
    kassa.z_report(request).await
}

#[tauri::command]
async fn save_z_report(
    kassa: State<'_, Kassa>,
    request: RegisterSessionRequest,
) -> Reply<SavedReport> {
    kassa.save_z_report(request).await
}

#[tauri::command]
async fn print_z_report(
    kassa: State<'_, Kassa>,
    request: RegisterSessionRequest,
) -> Reply<PrintOutcome> {
    kassa.print_z_report(request).await
}

#[tauri::command]
async fn verify_journal(kassa: State<'_, Kassa>) -> Reply<JournalVerification> {
    kassa.verify_journal().await
}

#[tauri::command]
async fn dashboard(kassa: State<'_, Kassa>, request: DashboardRequest) -> Reply<Dashboard> {
    kassa.dashboard(request).await
}

#[tauri::command]
async fn export_report(
    kassa: State<'_, Kassa>,
    request: ReportExportRequest,
) -> Reply<ReportExport> {
    kassa.export_report(request).await
}

#[tauri::command]
async fn staff_overview(kassa: State<'_, Kassa>) -> Reply<StaffOverview> {
    kassa.staff_overview().await
}

#[tauri::command]
async fn create_staff(kassa: State<'_, Kassa>, input: StaffInput) -> Reply<StaffView> {
    kassa.create_staff(input).await
}

#[tauri::command]
async fn sign_in(kassa: State<'_, Kassa>, request: SignInRequest) -> Reply<StaffOverview> {
    kassa.sign_in(request).await
}

#[tauri::command]
async fn switch_staff(
    kassa: State<'_, Kassa>,
    request: SwitchStaffRequest,
) -> Reply<StaffOverview> {
    kassa.switch_staff(request).await
}

#[tauri::command]
async fn sign_out(kassa: State<'_, Kassa>) -> Reply<StaffOverview> {
    kassa.sign_out().await
}

#[tauri::command]
async fn approve(kassa: State<'_, Kassa>, request: ApproveRequest) -> Reply<()> {
    kassa.approve(request).await
}

#[tauri::command]
async fn backup(kassa: State<'_, Kassa>, request: BackupRequest) -> Reply<BackupInfo> {
    kassa.backup(request).await
}

#[tauri::command]
async fn list_backups(kassa: State<'_, Kassa>) -> Reply<Vec<BackupInfo>> {
    kassa.list_backups().await
}

#[tauri::command]
async fn schedule_restore(kassa: State<'_, Kassa>, request: RestoreRequest) -> Reply<RestorePlan> {
    kassa.schedule_restore(request).await
}

#[tauri::command]
async fn abandoned_carts(kassa: State<'_, Kassa>) -> Reply<Vec<CartSummary>> {
    kassa.abandoned_carts().await
}

#[tauri::command]
async fn mark_recovery_sent(kassa: State<'_, Kassa>, request: CartRequest) -> Reply<()> {
    kassa.mark_recovery_sent(request).await
}

#[tauri::command]
async fn customer_page(kassa: State<'_, Kassa>, request: CustomerRequest) -> Reply<CustomerPage> {
    kassa.customer_page(request).await
}

#[tauri::command]
async fn update_customer(
    kassa: State<'_, Kassa>,
    request: UpdateCustomerRequest,
) -> Reply<CustomerPage> {
    kassa.update_customer(request).await
}

#[tauri::command]
async fn save_customer_address(
    kassa: State<'_, Kassa>,
    request: SaveAddressRequest,
) -> Reply<Vec<AddressView>> {
    kassa.save_customer_address(request).await
}

#[tauri::command]
async fn delete_customer_address(
    kassa: State<'_, Kassa>,
    request: DeleteAddressRequest,
) -> Reply<Vec<AddressView>> {
    kassa.delete_customer_address(request).await
}

/// Queues the job and starts the worker in the background: the counter is never blocked.
#[tauri::command]
async fn start_mass_action(kassa: State<'_, Kassa>, request: MassActionRequest) -> Reply<JobView> {
    let job = kassa.start_mass_action(request).await?;
    spawn_job_worker(kassa.inner().clone());
    Ok(job)
}

#[tauri::command]
async fn job_status(kassa: State<'_, Kassa>, request: JobRequest) -> Reply<JobView> {
    kassa.job_status(request).await
}

#[tauri::command]
async fn search_catalog(
    kassa: State<'_, Kassa>,
    request: SearchCatalogRequest,
) -> Reply<Vec<ProductSummary>> {
    kassa.search_catalog(request).await
}

#[tauri::command]
async fn lookup_barcode(
    kassa: State<'_, Kassa>,
    request: BarcodeLookupRequest,
) -> Reply<ProductSummary> {
    kassa.lookup_barcode(request).await
}

#[tauri::command]
async fn product_variants(
    kassa: State<'_, Kassa>,
    request: ProductRequest,
) -> Reply<ProductVariants> {
    kassa.product_variants(request).await
}

#[tauri::command]
async fn list_products(
    kassa: State<'_, Kassa>,
    request: ListProductsRequest,
) -> Reply<ProductPage> {
    kassa.list_products(request).await
}

#[tauri::command]
async fn get_product(kassa: State<'_, Kassa>, request: ProductRequest) -> Reply<ProductDetail> {
    kassa.get_product(request).await
}

#[tauri::command]
async fn save_product(kassa: State<'_, Kassa>, request: ProductInput) -> Reply<ProductDetail> {
    kassa.save_product(request).await
}

#[tauri::command]
async fn set_product_active(
    kassa: State<'_, Kassa>,
    request: SetProductActiveRequest,
) -> Reply<ProductSummary> {
    kassa.set_product_active(request).await
}

#[tauri::command]
async fn list_categories(kassa: State<'_, Kassa>) -> Reply<Vec<CategoryView>> {
    kassa.list_categories().await
}

#[tauri::command]
async fn save_category(kassa: State<'_, Kassa>, request: CategoryInput) -> Reply<CategoryView> {
    kassa.save_category(request).await
}

#[tauri::command]
async fn preview_product_import(
    kassa: State<'_, Kassa>,
    request: ProductImportRequest,
) -> Reply<ImportPreview> {
    kassa.preview_product_import(request).await
}

/// Returns the job at once; the import runs in the background (poll
/// `product_import_status`).
#[tauri::command]
async fn start_product_import(
    kassa: State<'_, Kassa>,
    request: ProductImportRequest,
) -> Reply<ProductImportStatus> {
    kassa.start_product_import(request).await
}

#[tauri::command]
async fn product_import_status(
    kassa: State<'_, Kassa>,
    request: ImportJobRequest,
) -> Reply<ProductImportStatus> {
    kassa.product_import_status(request).await
}

#[tauri::command]
async fn export_products(
    kassa: State<'_, Kassa>,
    request: ExportProductsRequest,
) -> Reply<ProductExport> {
    kassa.export_products(request).await
}

fn spawn_job_worker(kassa: Kassa) {
    tauri::async_runtime::spawn(async move {
        if let Err(error) = kassa.run_pending_jobs().await {
            eprintln!("Kassa background jobs stopped: {error}");
        }
    });
}

/// Opens the database (flag, then `KASSA_DB`, then the OS app-data folder) and runs the
/// app until its window closes.
pub fn run(database: Option<PathBuf>, register_code: String) {
    let result = tauri::Builder::default()
        .plugin(tauri_plugin_opener::init())
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
            ))?
            .with_secrets(kassa_core::secrets_from_env());
            // Jobs a previous run left half done carry on; queued mails go out; a daily backup.
            spawn_job_worker(kassa.clone());
            tauri::async_runtime::spawn(kassa.clone().run_mail_worker());
            tauri::async_runtime::spawn(kassa.clone().run_backup_worker());
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
            list_statuses,
            change_order_status,
            record_payment,
            update_order,
            delete_test_order,
            search_customers,
            create_staff_order,
            start_mass_action,
            job_status,
            save_order_status,
            save_order_document,
            printer_settings,
            save_printer_settings,
            print_receipt,
            reprint_last_receipt,
            apply_coupon,
            remove_coupon,
            gift_card,
            list_gift_cards,
            create_customer,
            customer_addresses,
            store_credit,
            grant_store_credit,
            quote_checkout,
            list_coupons,
            save_coupon,
            list_carriers,
            save_carrier,
            list_payment_methods,
            save_payment_method,
            tax_settings,
            save_tax_settings,
            save_tax_rate,
            print_test_page,
            open_document,
            park_cart,
            parked_carts,
            resume_cart,
            discard_cart,
            cart_by_id,
            set_cart_customer,
            cart_settings,
            save_cart_settings,
            mail_settings,
            save_mail_settings,
            send_test_mail,
            mail_log,
            retry_mail,
            mail_status,
            current_register_session,
            open_register,
            cash_movement,
            x_report,
            close_register,
            register_sessions,
            z_report,
            save_z_report,
            print_z_report,
            verify_journal,
            dashboard,
            export_report,
            staff_overview,
            create_staff,
            sign_in,
            switch_staff,
            sign_out,
            approve,
            backup,
            list_backups,
            schedule_restore,
            abandoned_carts,
            mark_recovery_sent,
            customer_page,
            update_customer,
            save_customer_address,
            delete_customer_address,
            search_catalog,
            lookup_barcode,
            product_variants,
            list_products,
            get_product,
            save_product,
            set_product_active,
            list_categories,
            save_category,
            preview_product_import,
            start_product_import,
            product_import_status,
            export_products,
        ])
        .run(tauri::generate_context!());
    if let Err(error) = result {
        eprintln!("Kassa stopped: {error}");
        std::process::exit(1);
    }
}
