// The backend in the desktop app: each method invokes the Tauri command of the same name,
// passing its request as the single `request` argument (`input` where the command names
// it so).
import { invoke } from '@tauri-apps/api/core';
import type { BackupInfo } from './bindings/BackupInfo';
import type { BackupRequest } from './bindings/BackupRequest';
import type { RestorePlan } from './bindings/RestorePlan';
import type { RestoreRequest } from './bindings/RestoreRequest';
import type { Backend } from './backend';
import type { AddToCartRequest } from './bindings/AddToCartRequest';
import type { AddressView } from './bindings/AddressView';
import type { AppStatus } from './bindings/AppStatus';
import type { CarrierInput } from './bindings/CarrierInput';
import type { CartView } from './bindings/CartView';
import type { ChangeStatusRequest } from './bindings/ChangeStatusRequest';
import type { CheckoutDraft } from './bindings/CheckoutDraft';
import type { CheckoutQuote } from './bindings/CheckoutQuote';
import type { CheckoutReceipt } from './bindings/CheckoutReceipt';
import type { CheckoutRequest } from './bindings/CheckoutRequest';
import type { CouponCodeRequest } from './bindings/CouponCodeRequest';
import type { CouponInput } from './bindings/CouponInput';
import type { CouponView } from './bindings/CouponView';
import type { CreateCustomerRequest } from './bindings/CreateCustomerRequest';
import type { CustomerRequest } from './bindings/CustomerRequest';
import type { CustomerSummary } from './bindings/CustomerSummary';
import type { DemoSummary } from './bindings/DemoSummary';
import type { GetOrderRequest } from './bindings/GetOrderRequest';
import type { GiftCardDetail } from './bindings/GiftCardDetail';
import type { GiftCardRequest } from './bindings/GiftCardRequest';
import type { GiftCardView } from './bindings/GiftCardView';
import type { GrantStoreCreditRequest } from './bindings/GrantStoreCreditRequest';
import type { JobRequest } from './bindings/JobRequest';
import type { JobView } from './bindings/JobView';
import type { ListGiftCardsRequest } from './bindings/ListGiftCardsRequest';
import type { ListOrdersRequest } from './bindings/ListOrdersRequest';
import type { MassActionRequest } from './bindings/MassActionRequest';
import type { OpenDocumentRequest } from './bindings/OpenDocumentRequest';
import type { OrderDetail } from './bindings/OrderDetail';
import type { OrderPage } from './bindings/OrderPage';
import type { OrderStatusView } from './bindings/OrderStatusView';
import type { PaymentMethodInput } from './bindings/PaymentMethodInput';
import type { PrintOutcome } from './bindings/PrintOutcome';
import type { PrintReceiptRequest } from './bindings/PrintReceiptRequest';
import type { PrinterSettings } from './bindings/PrinterSettings';
import type { ProductSummary } from './bindings/ProductSummary';
import type { RecordPaymentRequest } from './bindings/RecordPaymentRequest';
import type { RemoveLineRequest } from './bindings/RemoveLineRequest';
import type { SaveDocumentRequest } from './bindings/SaveDocumentRequest';
import type { SavedDocument } from './bindings/SavedDocument';
import type { ScanRequest } from './bindings/ScanRequest';
import type { ScanResult } from './bindings/ScanResult';
import type { SearchCustomersRequest } from './bindings/SearchCustomersRequest';
import type { SearchProductsRequest } from './bindings/SearchProductsRequest';
import type { SetQuantityRequest } from './bindings/SetQuantityRequest';
import type { StaffOrderRequest } from './bindings/StaffOrderRequest';
import type { StoreCreditView } from './bindings/StoreCreditView';
import type { TaxRateInput } from './bindings/TaxRateInput';
import type { TaxSettingsInput } from './bindings/TaxSettingsInput';
import type { TaxSettingsView } from './bindings/TaxSettingsView';
import type { UpdateOrderRequest } from './bindings/UpdateOrderRequest';
import { toBackendError } from './errors';
import type { CartSummary } from './bindings/CartSummary';
import type { CustomerPage } from './bindings/CustomerPage';
import type { ParkCartRequest } from './bindings/ParkCartRequest';
import type { CartRequest } from './bindings/CartRequest';
import type { CartSettings } from './bindings/CartSettings';
import type { SetCartCustomerRequest } from './bindings/SetCartCustomerRequest';
import type { UpdateCustomerRequest } from './bindings/UpdateCustomerRequest';
import type { SaveAddressRequest } from './bindings/SaveAddressRequest';
import type { DeleteAddressRequest } from './bindings/DeleteAddressRequest';
import type { SearchCatalogRequest } from './bindings/SearchCatalogRequest';
import type { BarcodeLookupRequest } from './bindings/BarcodeLookupRequest';
import type { ProductRequest } from './bindings/ProductRequest';
import type { ProductVariants } from './bindings/ProductVariants';
import type { ListProductsRequest } from './bindings/ListProductsRequest';
import type { ProductPage } from './bindings/ProductPage';
import type { ProductDetail } from './bindings/ProductDetail';
import type { ProductInput } from './bindings/ProductInput';
import type { SetProductActiveRequest } from './bindings/SetProductActiveRequest';
import type { CategoryView } from './bindings/CategoryView';
import type { CategoryInput } from './bindings/CategoryInput';
import type { ProductImportRequest } from './bindings/ProductImportRequest';
import type { ImportPreview } from './bindings/ImportPreview';
import type { ProductImportStatus } from './bindings/ProductImportStatus';
import type { ImportJobRequest } from './bindings/ImportJobRequest';
import type { ExportProductsRequest } from './bindings/ExportProductsRequest';
import type { ProductExport } from './bindings/ProductExport';
import type { MailSettingsView } from './bindings/MailSettingsView';
import type { MailSettingsInput } from './bindings/MailSettingsInput';
import type { TestMailRequest } from './bindings/TestMailRequest';
import type { TestMailOutcome } from './bindings/TestMailOutcome';
import type { MailLogRequest } from './bindings/MailLogRequest';
import type { MailLogEntry } from './bindings/MailLogEntry';
import type { RetryMailRequest } from './bindings/RetryMailRequest';
import type { MailStatus } from './bindings/MailStatus';
import type { RegisterSessionView } from './bindings/RegisterSessionView';
import type { OpenRegisterRequest } from './bindings/OpenRegisterRequest';
import type { CashMovementRequest } from './bindings/CashMovementRequest';
import type { CloseRegisterRequest } from './bindings/CloseRegisterRequest';
import type { RegisterSessionRequest } from './bindings/RegisterSessionRequest';
import type { RegisterReport } from './bindings/RegisterReport';
import type { SavedReport } from './bindings/SavedReport';
import type { JournalVerification } from './bindings/JournalVerification';
import type { StaffOverview } from './bindings/StaffOverview';
import type { StaffInput } from './bindings/StaffInput';
import type { StaffView } from './bindings/StaffView';
import type { SignInRequest } from './bindings/SignInRequest';
import type { SwitchStaffRequest } from './bindings/SwitchStaffRequest';
import type { ApproveRequest } from './bindings/ApproveRequest';
import type { DashboardRequest } from './bindings/DashboardRequest';
import type { Dashboard } from './bindings/Dashboard';
import type { ReportExportRequest } from './bindings/ReportExportRequest';
import type { ReportExport } from './bindings/ReportExport';

async function call<T>(command: string, request?: object, argument = 'request'): Promise<T> {
  try {
    return await invoke<T>(command, request === undefined ? undefined : { [argument]: request });
  } catch (error) {
    throw toBackendError(error);
  }
}

export class TauriBackend implements Backend {
  readonly kind = 'tauri';

  appStatus(): Promise<AppStatus> {
    return call('app_status');
  }

  loadDemo(): Promise<DemoSummary> {
    return call('load_demo');
  }

  searchProducts(request: SearchProductsRequest): Promise<ProductSummary[]> {
    return call('search_products', request);
  }

  scanBarcode(request: ScanRequest): Promise<ScanResult> {
    return call('scan_barcode', request);
  }

  currentCart(): Promise<CartView> {
    return call('current_cart');
  }

  addToCart(request: AddToCartRequest): Promise<CartView> {
    return call('add_to_cart', request);
  }

  setCartQuantity(request: SetQuantityRequest): Promise<CartView> {
    return call('set_cart_quantity', request);
  }

  removeCartLine(request: RemoveLineRequest): Promise<CartView> {
    return call('remove_cart_line', request);
  }

  checkout(request: CheckoutRequest): Promise<CheckoutReceipt> {
    return call('checkout', request);
  }

  listOrders(request: ListOrdersRequest): Promise<OrderPage> {
    return call('list_orders', request);
  }

  getOrder(request: GetOrderRequest): Promise<OrderDetail> {
    return call('get_order', request);
  }

  listStatuses(): Promise<OrderStatusView[]> {
    return call('list_statuses');
  }

  saveOrderStatus(request: OrderStatusView): Promise<OrderStatusView[]> {
    return call('save_order_status', request);
  }

  changeOrderStatus(request: ChangeStatusRequest): Promise<OrderDetail> {
    return call('change_order_status', request);
  }

  recordPayment(request: RecordPaymentRequest): Promise<OrderDetail> {
    return call('record_payment', request);
  }

  updateOrder(request: UpdateOrderRequest): Promise<OrderDetail> {
    return call('update_order', request);
  }

  saveOrderDocument(request: SaveDocumentRequest): Promise<SavedDocument> {
    return call('save_order_document', request);
  }

  openDocument(request: OpenDocumentRequest): Promise<null> {
    return call('open_document', request);
  }

  deleteTestOrder(request: GetOrderRequest): Promise<null> {
    return call('delete_test_order', request);
  }

  searchCustomers(request: SearchCustomersRequest): Promise<CustomerSummary[]> {
    return call('search_customers', request);
  }

  createStaffOrder(request: StaffOrderRequest): Promise<CheckoutReceipt> {
    return call('create_staff_order', request);
  }

  startMassAction(request: MassActionRequest): Promise<JobView> {
    return call('start_mass_action', request);
  }

  jobStatus(request: JobRequest): Promise<JobView> {
    return call('job_status', request);
  }

  printerSettings(): Promise<PrinterSettings> {
    return call('printer_settings');
  }

  savePrinterSettings(request: PrinterSettings): Promise<PrinterSettings> {
    return call('save_printer_settings', request);
  }

  printReceipt(request: PrintReceiptRequest): Promise<PrintOutcome> {
    return call('print_receipt', request);
  }

  reprintLastReceipt(): Promise<PrintOutcome> {
    return call('reprint_last_receipt');
  }

  printTestPage(): Promise<PrintOutcome> {
    return call('print_test_page');
  }

  applyCoupon(request: CouponCodeRequest): Promise<CartView> {
    return call('apply_coupon', request);
  }

  removeCoupon(request: CouponCodeRequest): Promise<CartView> {
    return call('remove_coupon', request);
  }

  giftCard(request: GiftCardRequest): Promise<GiftCardDetail> {
    return call('gift_card', request);
  }

  listGiftCards(request: ListGiftCardsRequest): Promise<GiftCardView[]> {
    return call('list_gift_cards', request);
  }

  createCustomer(request: CreateCustomerRequest): Promise<CustomerSummary> {
    return call('create_customer', request);
  }

  customerAddresses(request: CustomerRequest): Promise<AddressView[]> {
    return call('customer_addresses', request);
  }

  storeCredit(request: CustomerRequest): Promise<StoreCreditView> {
    return call('store_credit', request);
  }

  grantStoreCredit(request: GrantStoreCreditRequest): Promise<StoreCreditView> {
    return call('grant_store_credit', request);
  }

  quoteCheckout(request: CheckoutDraft): Promise<CheckoutQuote> {
    return call('quote_checkout', request);
  }

  listCoupons(): Promise<CouponView[]> {
    return call('list_coupons');
  }

  saveCoupon(request: CouponInput): Promise<CouponView> {
    return call('save_coupon', request);
  }

  listCarriers(): Promise<CarrierInput[]> {
    return call('list_carriers');
  }

  saveCarrier(request: CarrierInput): Promise<CarrierInput> {
    return call('save_carrier', request);
  }

  listPaymentMethods(): Promise<PaymentMethodInput[]> {
    return call('list_payment_methods');
  }

  savePaymentMethod(request: PaymentMethodInput): Promise<PaymentMethodInput> {
    return call('save_payment_method', request);
  }

  taxSettings(): Promise<TaxSettingsView> {
    return call('tax_settings');
  }

  saveTaxSettings(request: TaxSettingsInput): Promise<TaxSettingsView> {
    return call('save_tax_settings', request);
  }

  saveTaxRate(request: TaxRateInput): Promise<TaxSettingsView> {
    return call('save_tax_rate', request);
  }

  parkCart(request: ParkCartRequest): Promise<CartView> {
    return call('park_cart', request);
  }

  parkedCarts(): Promise<CartSummary[]> {
    return call('parked_carts');
  }

  resumeCart(request: CartRequest): Promise<CartView> {
    return call('resume_cart', request);
  }

  discardCart(request: CartRequest): Promise<null> {
    return call('discard_cart', request);
  }

  cartById(request: CartRequest): Promise<CartView> {
    return call('cart_by_id', request);
  }

  setCartCustomer(request: SetCartCustomerRequest): Promise<CartView> {
    return call('set_cart_customer', request);
  }

  abandonedCarts(): Promise<CartSummary[]> {
    return call('abandoned_carts');
  }

  markRecoverySent(request: CartRequest): Promise<null> {
    return call('mark_recovery_sent', request);
  }

  cartSettings(): Promise<CartSettings> {
    return call('cart_settings');
  }

  saveCartSettings(input: CartSettings): Promise<CartSettings> {
    return call('save_cart_settings', input, 'input');
  }

  customerPage(request: CustomerRequest): Promise<CustomerPage> {
    return call('customer_page', request);
  }

  updateCustomer(request: UpdateCustomerRequest): Promise<CustomerPage> {
    return call('update_customer', request);
  }

  saveCustomerAddress(request: SaveAddressRequest): Promise<AddressView[]> {
    return call('save_customer_address', request);
  }

  deleteCustomerAddress(request: DeleteAddressRequest): Promise<AddressView[]> {
    return call('delete_customer_address', request);
  }

  searchCatalog(request: SearchCatalogRequest): Promise<ProductSummary[]> {
    return call('search_catalog', request);
  }

  lookupBarcode(request: BarcodeLookupRequest): Promise<ProductSummary> {
    return call('lookup_barcode', request);
  }

  productVariants(request: ProductRequest): Promise<ProductVariants> {
    return call('product_variants', request);
  }

  listProducts(request: ListProductsRequest): Promise<ProductPage> {
    return call('list_products', request);
  }

  getProduct(request: ProductRequest): Promise<ProductDetail> {
    return call('get_product', request);
  }

  saveProduct(request: ProductInput): Promise<ProductDetail> {
    return call('save_product', request);
  }

  setProductActive(request: SetProductActiveRequest): Promise<ProductSummary> {
    return call('set_product_active', request);
  }

  listCategories(): Promise<CategoryView[]> {
    return call('list_categories');
  }

  saveCategory(request: CategoryInput): Promise<CategoryView> {
    return call('save_category', request);
  }

  previewProductImport(request: ProductImportRequest): Promise<ImportPreview> {
    return call('preview_product_import', request);
  }

  startProductImport(request: ProductImportRequest): Promise<ProductImportStatus> {
    return call('start_product_import', request);
  }

  productImportStatus(request: ImportJobRequest): Promise<ProductImportStatus> {
    return call('product_import_status', request);
  }

  exportProducts(request: ExportProductsRequest): Promise<ProductExport> {
    return call('export_products', request);
  }

  mailSettings(): Promise<MailSettingsView> {
    return call('mail_settings');
  }

  saveMailSettings(input: MailSettingsInput): Promise<MailSettingsView> {
    return call('save_mail_settings', input, 'input');
  }

  sendTestMail(request: TestMailRequest): Promise<TestMailOutcome> {
    return call('send_test_mail', request);
  }

  mailLog(request: MailLogRequest): Promise<MailLogEntry[]> {
    return call('mail_log', request);
  }

  retryMail(request: RetryMailRequest): Promise<MailLogEntry> {
    return call('retry_mail', request);
  }

  mailStatus(): Promise<MailStatus> {
    return call('mail_status');
  }

  currentRegisterSession(): Promise<RegisterSessionView | null> {
    return call('current_register_session');
  }

  openRegister(request: OpenRegisterRequest): Promise<RegisterSessionView> {
    return call('open_register', request);
  }

  cashMovement(request: CashMovementRequest): Promise<RegisterReport> {
    return call('cash_movement', request);
  }

  xReport(): Promise<RegisterReport> {
    return call('x_report');
  }

  closeRegister(request: CloseRegisterRequest): Promise<SavedReport> {
    return call('close_register', request);
  }

  registerSessions(): Promise<RegisterSessionView[]> {
    return call('register_sessions');
  }

  zReport(request: RegisterSessionRequest): Promise<RegisterReport> {
    return call('z_report', request);
  }

  saveZReport(request: RegisterSessionRequest): Promise<SavedReport> {
    return call('save_z_report', request);
  }

  printZReport(request: RegisterSessionRequest): Promise<PrintOutcome> {
    return call('print_z_report', request);
  }

  verifyJournal(): Promise<JournalVerification> {
    return call('verify_journal');
  }

  backup(request: BackupRequest): Promise<BackupInfo> {
    return call('backup', request);
  }

  listBackups(): Promise<BackupInfo[]> {
    return call('list_backups');
  }

  scheduleRestore(request: RestoreRequest): Promise<RestorePlan> {
    return call('schedule_restore', request);
  }

  staffOverview(): Promise<StaffOverview> {
    return call('staff_overview');
  }

  createStaff(input: StaffInput): Promise<StaffView> {
    return call('create_staff', input, 'input');
  }

  signIn(request: SignInRequest): Promise<StaffOverview> {
    return call('sign_in', request);
  }

  switchStaff(request: SwitchStaffRequest): Promise<StaffOverview> {
    return call('switch_staff', request);
  }

  signOut(): Promise<StaffOverview> {
    return call('sign_out');
  }

  approve(request: ApproveRequest): Promise<null> {
    return call('approve', request);
  }

  dashboard(request: DashboardRequest): Promise<Dashboard> {
    return call('dashboard', request);
  }

  exportReport(request: ReportExportRequest): Promise<ReportExport> {
    return call('export_report', request);
  }
}
