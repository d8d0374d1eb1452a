// The backend contract: one method per Tauri command of the Rust core. Every method
// rejects with a `BackendError` (see errors.ts) whose `code` the UI branches on.
import type { BackupInfo } from './bindings/BackupInfo';
import type { BackupRequest } from './bindings/BackupRequest';
import type { RestorePlan } from './bindings/RestorePlan';
import type { RestoreRequest } from './bindings/RestoreRequest';
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

export interface Backend {
  /** Which implementation this is: the desktop core or the in-browser fake. */
  readonly kind: 'tauri' | 'fake';
  /** `app_status`: store name, register, currency, catalogue size. */
  appStatus(): Promise<AppStatus>;
  /** `load_demo`: fills an empty store with demo data (`store_not_empty` otherwise). */
  loadDemo(): Promise<DemoSummary>;
  /** `search_products`: by name, SKU or barcode prefix. */
  searchProducts(request: SearchProductsRequest): Promise<ProductSummary[]>;
  /** `scan_barcode`: adds one unit of the scanned product (`unknown_barcode` if none). */
  scanBarcode(request: ScanRequest): Promise<ScanResult>;
  /** `current_cart`: the register's open cart, which survives restarts. */
  currentCart(): Promise<CartView>;
  /** `add_to_cart`. */
  addToCart(request: AddToCartRequest): Promise<CartView>;
  /** `set_cart_quantity`. */
  setCartQuantity(request: SetQuantityRequest): Promise<CartView>;
  /** `remove_cart_line`. */
  removeCartLine(request: RemoveLineRequest): Promise<CartView>;
  /** `checkout`: idempotent per `order_uuid`. */
  checkout(request: CheckoutRequest): Promise<CheckoutReceipt>;
  /** `list_orders`: newest first, paged by cursor, optionally searched and filtered. */
  listOrders(request: ListOrdersRequest): Promise<OrderPage>;
  /** `get_order`. */
  getOrder(request: GetOrderRequest): Promise<OrderDetail>;
  /** `list_statuses`: the configurable order statuses with their flags, in display order. */
  listStatuses(): Promise<OrderStatusView[]>;
  /**
   * `save_order_status`: creates or changes a status (by its stable code) and returns the
   * whole list again; `invalid_input` says what is wrong with it.
   */
  saveOrderStatus(request: OrderStatusView): Promise<OrderStatusView[]>;
  /** `change_order_status` (`transition_forbidden` names the rule it breaks). */
  changeOrderStatus(request: ChangeStatusRequest): Promise<OrderDetail>;
  /** `record_payment`: a (partial) payment on an order awaiting payment. */
  recordPayment(request: RecordPaymentRequest): Promise<OrderDetail>;
  /** `update_order`: internal reference, tracking code and notes. */
  updateOrder(request: UpdateOrderRequest): Promise<OrderDetail>;
  /**
   * `save_order_document`: writes the order's invoice, packing slip, receipt or one of its
   * credit notes (by number, default the latest) as a PDF into the `documents` folder
   * beside the database and says where (`not_found` when the order has no such document).
   */
  saveOrderDocument(request: SaveDocumentRequest): Promise<SavedDocument>;
  /**
   * `open_document`: opens a document Kassa saved (an order's PDF or a mass action's CSV or
   * PDF) in the system's viewer, where it is printed; `not_found` when the path is not
   * one of Kassa's files or it is gone.
   */
  openDocument(request: OpenDocumentRequest): Promise<null>;
  /** `delete_test_order` (`not_a_test_order` for a real order). */
  deleteTestOrder(request: GetOrderRequest): Promise<null>;
  /** `search_customers`: by name, e-mail or phone. */
  searchCustomers(request: SearchCustomersRequest): Promise<CustomerSummary[]>;
  /** `create_staff_order`: idempotent per `order_uuid`. */
  createStaffOrder(request: StaffOrderRequest): Promise<CheckoutReceipt>;
  /** `start_mass_action`: runs in the background; follow it with `jobStatus`. */
  startMassAction(request: MassActionRequest): Promise<JobView>;
  /** `job_status`. */
  jobStatus(request: JobRequest): Promise<JobView>;
  /** `printer_settings`: where receipts are printed (an empty address means no printer). */
  printerSettings(): Promise<PrinterSettings>;
  /** `save_printer_settings`: `invalid_input` says what is wrong with the address or paper. */
  savePrinterSettings(request: PrinterSettings): Promise<PrinterSettings>;
  /** `print_receipt` (`printer_not_configured`, `printer_failed`). */
  printReceipt(request: PrintReceiptRequest): Promise<PrintOutcome>;
  /** `reprint_last_receipt`: the register's last sale again, without opening the drawer. */
  reprintLastReceipt(): Promise<PrintOutcome>;
  /**
   * `print_test_page`: a test page on the saved receipt printer, never opening the drawer
   * (`printer_not_configured` without one, `printer_failed` when it does not take it).
   */
  printTestPage(): Promise<PrintOutcome>;
  /**
   * `apply_coupon`: enters a coupon on the open cart; refused with its reason
   * (`coupon_unknown`, `coupon_expired`, `coupon_minimum_not_reached`, …).
   */
  applyCoupon(request: CouponCodeRequest): Promise<CartView>;
  /** `remove_coupon` (`not_found` when it is not on the cart). */
  removeCoupon(request: CouponCodeRequest): Promise<CartView>;
  /** `gift_card`: a card's balance and ledger by its code (`gift_card_unknown`). */
  giftCard(request: GiftCardRequest): Promise<GiftCardDetail>;
  /** `list_gift_cards`: newest first, searched by code or order reference. */
  listGiftCards(request: ListGiftCardsRequest): Promise<GiftCardView[]>;
  /** `create_customer`: a guest or an account, with an optional first address. */
  createCustomer(request: CreateCustomerRequest): Promise<CustomerSummary>;
  /** `customer_addresses`: the customer's stored addresses. */
  customerAddresses(request: CustomerRequest): Promise<AddressView[]>;
  /** `store_credit`: the customer's store credit and its ledger. */
  storeCredit(request: CustomerRequest): Promise<StoreCreditView>;
  /** `grant_store_credit`. */
  grantStoreCredit(request: GrantStoreCreditRequest): Promise<StoreCreditView>;
  /** `quote_checkout`: prices a back-office order draft (carriers, methods, totals); saves nothing. */
  quoteCheckout(request: CheckoutDraft): Promise<CheckoutQuote>;
  /** `list_coupons`: every coupon with how often it was used. */
  listCoupons(): Promise<CouponView[]>;
  /** `save_coupon`: creates or changes a coupon (by code); `invalid_input` says what is wrong. */
  saveCoupon(request: CouponInput): Promise<CouponView>;
  /** `list_carriers`, in-store pickup included. */
  listCarriers(): Promise<CarrierInput[]>;
  /** `save_carrier`: creates or changes a carrier (by code). */
  saveCarrier(request: CarrierInput): Promise<CarrierInput>;
  /** `list_payment_methods`: the fixed set of methods as configured. */
  listPaymentMethods(): Promise<PaymentMethodInput[]>;
  /** `save_payment_method`. */
  savePaymentMethod(request: PaymentMethodInput): Promise<PaymentMethodInput>;
  /** `tax_settings`: price mode, tax and cash rounding, and the tax rates. */
  taxSettings(): Promise<TaxSettingsView>;
  /** `save_tax_settings`. */
  saveTaxSettings(request: TaxSettingsInput): Promise<TaxSettingsView>;
  /** `save_tax_rate`: a rate of a tax class, for every destination or one country. */
  saveTaxRate(request: TaxRateInput): Promise<TaxSettingsView>;
  /** `park_cart`: parks the open cart (optionally named); the counter gets a fresh one. */
  parkCart(request: ParkCartRequest): Promise<CartView>;
  /** `parked_carts`: this register's parked carts, most recent first. */
  parkedCarts(): Promise<CartSummary[]>;
  /** `resume_cart`: makes a parked cart the open one (a cart with items is parked first). */
  resumeCart(request: CartRequest): Promise<CartView>;
  /** `discard_cart`: throws a cart away (never one that became an order). */
  discardCart(request: CartRequest): Promise<null>;
  /** `cart_by_id`: a cart as the counter would show it. */
  cartById(request: CartRequest): Promise<CartView>;
  /** `set_cart_customer`: attaches (or with `null` detaches) a customer. */
  setCartCustomer(request: SetCartCustomerRequest): Promise<CartView>;
  /** `abandoned_carts`: carts with a customer that did not become an order, oldest first. */
  abandonedCarts(): Promise<CartSummary[]>;
  /**
   * `mark_recovery_sent`: queues the cart's recovery e-mail and records it as sent
   * (`invalid_email` when the cart's customer has no e-mail address).
   */
  markRecoverySent(request: CartRequest): Promise<null>;
  /**
   * `cart_settings`: whether picking a customer for an empty sale reloads their last cart,
   * and after how many hours a cart counts as abandoned.
   */
  cartSettings(): Promise<CartSettings>;
  /**
   * `save_cart_settings` (its argument is named `input`): `invalid_input` with a message
   * starting `abandoned_cart_hours:` for hours outside 1 to 720.
   */
  saveCartSettings(input: CartSettings): Promise<CartSettings>;
  /** `customer_page`: details, addresses, orders, carts and totals. */
  customerPage(request: CustomerRequest): Promise<CustomerPage>;
  /** `update_customer`. */
  updateCustomer(request: UpdateCustomerRequest): Promise<CustomerPage>;
  /** `save_customer_address`: adds or changes an address; returns them all. */
  saveCustomerAddress(request: SaveAddressRequest): Promise<AddressView[]>;
  /** `delete_customer_address`. */
  deleteCustomerAddress(request: DeleteAddressRequest): Promise<AddressView[]>;
  /** `search_catalog`: the counter search within a category. */
  searchCatalog(request: SearchCatalogRequest): Promise<ProductSummary[]>;
  /** `lookup_barcode`: the product behind a barcode, without adding it. */
  lookupBarcode(request: BarcodeLookupRequest): Promise<ProductSummary>;
  /** `product_variants`: the variations the counter offers for a parent. */
  productVariants(request: ProductRequest): Promise<ProductVariants>;
  /** `list_products`: the owner's product list, paged by cursor. */
  listProducts(request: ListProductsRequest): Promise<ProductPage>;
  /** `get_product`. */
  getProduct(request: ProductRequest): Promise<ProductDetail>;
  /** `save_product`: creates or updates; `invalid_input` names the field. */
  saveProduct(request: ProductInput): Promise<ProductDetail>;
  /** `set_product_active`. */
  setProductActive(request: SetProductActiveRequest): Promise<ProductSummary>;
  /** `list_categories`: the tree, in display order. */
  listCategories(): Promise<CategoryView[]>;
  /** `save_category` (`duplicate_category`). */
  saveCategory(request: CategoryInput): Promise<CategoryView>;
  /** `preview_product_import`: what an import would do, without doing it. */
  previewProductImport(request: ProductImportRequest): Promise<ImportPreview>;
  /** `start_product_import`: runs in the background; poll `productImportStatus`. */
  startProductImport(request: ProductImportRequest): Promise<ProductImportStatus>;
  /** `product_import_status`. */
  productImportStatus(request: ImportJobRequest): Promise<ProductImportStatus>;
  /** `export_products`: a CSV in the exports folder. */
  exportProducts(request: ExportProductsRequest): Promise<ProductExport>;
  /** `mail_settings`: the SMTP server, sender and language (never the password: `password_set`). */
  mailSettings(): Promise<MailSettingsView>;
  /**
   * `save_mail_settings` (its argument is named `input`): `password` null keeps the stored
   * one, "" removes it, anything else replaces it (in the OS keyring). Refusals name the
   * field first (`host: …`, `admin_addresses[1]: …`): `invalid_email` for addresses,
   * `invalid_input` for the rest, `secret_store` when the keyring fails. An empty host
   * switches mail off.
   */
  saveMailSettings(input: MailSettingsInput): Promise<MailSettingsView>;
  /**
   * `send_test_mail`: sends a test message now (to the sender without `to`) and returns the
   * server's answer (`mail_not_configured`, `invalid_email`, `mail_failed` with the server's
   * words).
   */
  sendTestMail(request: TestMailRequest): Promise<TestMailOutcome>;
  /** `mail_log`: the sent log, newest first, paged by `before` (the last entry's id). */
  mailLog(request: MailLogRequest): Promise<MailLogEntry[]>;
  /** `retry_mail`: a failed mail waits to be sent again (`not_found` for any other). */
  retryMail(request: RetryMailRequest): Promise<MailLogEntry>;
  /** `mail_status`: whether mail is set up, how many mails wait and how many failed. */
  mailStatus(): Promise<MailStatus>;
  /** `current_register_session`: the register's open session, or null when it is closed. */
  currentRegisterSession(): Promise<RegisterSessionView | null>;
  /**
   * `open_register`: opens the register with the counted float (`register_already_open`
   * while a session is open; `invalid_input` with a message starting `opening_float:`).
   */
  openRegister(request: OpenRegisterRequest): Promise<RegisterSessionView>;
  /**
   * `cash_movement`: cash put into (`in`) or taken out of (`out`) the drawer with a reason;
   * returns the X report after it (`register_not_open`; `invalid_input` naming `kind:`,
   * `amount:` or `reason:` first).
   */
  cashMovement(request: CashMovementRequest): Promise<RegisterReport>;
  /** `x_report`: the open session so far (`register_not_open`). */
  xReport(): Promise<RegisterReport>;
  /**
   * `close_register`: the counted amounts per payment method (cash required: `invalid_input`
   * with `counted:` first) against what should be there, frozen as the Z report, saved as a
   * PDF (`register_not_open`).
   */
  closeRegister(request: CloseRegisterRequest): Promise<SavedReport>;
  /** `register_sessions`: this register's sessions, newest first. */
  registerSessions(): Promise<RegisterSessionView[]>;
  /** `z_report`: a closed session's Z report as it was closed (`register_not_open` while open). */
  zReport(request: RegisterSessionRequest): Promise<RegisterReport>;
  /** `save_z_report`: writes a closed session's Z report as a PDF again. */
  saveZReport(request: RegisterSessionRequest): Promise<SavedReport>;
  /** `print_z_report`: on the receipt printer (`printer_not_configured`, `printer_failed`). */
  printZReport(request: RegisterSessionRequest): Promise<PrintOutcome>;
  /** `verify_journal`: walks the hash-chained journal; `problem` names the first broken entry. */
  verifyJournal(): Promise<JournalVerification>;
  /** `backup`: a consistent copy of the database now (`path` null: `backups/` beside it). */
  backup(request: BackupRequest): Promise<BackupInfo>;
  /** `list_backups`: the backups beside the database, newest first. */
  listBackups(): Promise<BackupInfo[]>;
  /** `schedule_restore`: checks a backup and puts it in place at the next start (`confirm` required). */
  scheduleRestore(request: RestoreRequest): Promise<RestorePlan>;
  /**
   * `staff_overview`: everyone, who is signed in at this register and what they may do
   * (`open_mode` while the store has no staff: every permission, no sign-in).
   */
  staffOverview(): Promise<StaffOverview>;
  /**
   * `create_staff` (its argument is named `input`): the first member must be the owner, who
   * is signed in at once; later ones need `manage_staff`. `invalid_input` names the field
   * first (`name:`, `role:`, `password:`, `pin:`).
   */
  createStaff(input: StaffInput): Promise<StaffView>;
  /** `sign_in`: an owner or manager with their password (`wrong_credentials`). */
  signIn(request: SignInRequest): Promise<StaffOverview>;
  /** `switch_staff`: anyone with their PIN (`wrong_credentials`, `account_locked` after five wrong PINs). */
  switchStaff(request: SwitchStaffRequest): Promise<StaffOverview>;
  /** `sign_out`. */
  signOut(): Promise<StaffOverview>;
  /**
   * `approve`: a manager's or the owner's PIN approves the next action needing `permission`
   * for whoever is signed in (`wrong_credentials`, `account_locked`, `permission_denied`
   * when they cannot approve it).
   */
  approve(request: ApproveRequest): Promise<null>;
  /**
   * `dashboard`: today, this week, this month, the last 30 days, and for the range (default
   * this month) the best sellers, the payment-method split and the taxes per rate
   * (`invalid_input` naming `from:` or `to:`).
   */
  dashboard(request: DashboardRequest): Promise<Dashboard>;
  /** `export_report`: one of the dashboard's lists for a range as CSV in the exports folder (`kind:`). */
  exportReport(request: ReportExportRequest): Promise<ReportExport>;
}
