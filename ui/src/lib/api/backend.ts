// The backend contract: one method per Tauri command of the Rust core. Every method
// rejects with a `BackendError` (see errors.ts) whose `code` the UI branches on.
import type { AddToCartRequest } from './bindings/AddToCartRequest';
import type { AppStatus } from './bindings/AppStatus';
import type { CartView } from './bindings/CartView';
import type { CheckoutReceipt } from './bindings/CheckoutReceipt';
import type { CheckoutRequest } from './bindings/CheckoutRequest';
import type { DemoSummary } from './bindings/DemoSummary';
import type { GetOrderRequest } from './bindings/GetOrderRequest';
import type { ListOrdersRequest } from './bindings/ListOrdersRequest';
import type { OrderDetail } from './bindings/OrderDetail';
import type { OrderPage } from './bindings/OrderPage';
import type { ProductSummary } from './bindings/ProductSummary';
import type { RemoveLineRequest } from './bindings/RemoveLineRequest';
import type { ScanRequest } from './bindings/ScanRequest';
import type { ScanResult } from './bindings/ScanResult';
import type { SearchProductsRequest } from './bindings/SearchProductsRequest';
import type { SetQuantityRequest } from './bindings/SetQuantityRequest';

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
  /** `list_orders`: newest first, paged by cursor. */
  listOrders(request: ListOrdersRequest): Promise<OrderPage>;
  /** `get_order`. */
  getOrder(request: GetOrderRequest): Promise<OrderDetail>;
}
