//! Carts beyond the one being rung up: parking and resuming at a register, discarding,
//! attaching a customer (which can reload the customer's most recent cart), and the
//! owner's list of abandoned carts with their "recovery sent" state.

use chrono::Duration;
use kassa_domain::staff::Permission;
use kassa_store::cart_lists::CartSummaryRow;

use crate::api::{
    CartRequest, CartSettings, CartSummary, CartView, CustomerRef, ParkCartRequest,
    SetCartCustomerRequest,
};
use crate::cart::cart_view;
use crate::settings::StoreSettings;
use crate::{ApiError, ApiResult, ErrorCode, Kassa};

/// The most carts a list shows.
const LIST_LIMIT: i64 = 500;
/// Hours after which a cart counts as abandoned unless the owner says otherwise.
const DEFAULT_ABANDONED_HOURS: u32 = 24;
/// The longest the owner can wait before a cart counts as abandoned (30 days).
const MAX_ABANDONED_HOURS: u32 = 720;
/// The longest name a parked cart can have.
const MAX_NAME: usize = 80;

pub(crate) fn cart_summary(settings: &StoreSettings, row: CartSummaryRow) -> CartSummary {
    CartSummary {
        cart_id: row.id,
        register_code: row.register_code,
        status: row.status,
        name: row.name,
        customer: row.customer_id.map(|id| CustomerRef {
            id,
            name: row.customer_name.unwrap_or_default(),
            email: row.customer_email,
        }),
        item_count: row.item_count,
        value: settings.pricing.currency.from_minor_units(row.value_minor),
        updated_at: row.updated_at,
        recovery_sent_at: row.recovery_sent_at,
    }
}

fn no_cart(cart_id: i64) -> ApiError {
    ApiError::new(
        ErrorCode::NotFound,
        format!("Cart {cart_id} does not exist or already became an order."),
    )
}

impl Kassa {
    /// Parks the register's open cart under an optional name; the counter gets a fresh,
    /// empty cart. Parking an empty cart is refused.
    pub async fn park_cart(&self, request: ParkCartRequest) -> ApiResult<CartView> {
        self.authorize(Permission::Sell).await?;
        let name = request.name.unwrap_or_default();
        let name = name.trim();
        if name.chars().count() > MAX_NAME {
            return Err(ApiError::new(
                ErrorCode::InvalidInput,
                format!("A parked cart's name is at most {MAX_NAME} characters."),
            ));
        }
        let settings = self.settings().await?;
        let now = self.clock.now();
        let mut tx = self.store.begin_write().await?;
        let cart = tx.open_cart(&self.register.register_code).await?;
        let has_items = match &cart {
            Some(cart) => !tx.cart_lines(cart.id, None).await?.is_empty(),
            None => false,
        };
        let Some(cart) = cart.filter(|_| has_items) else {
            return Err(ApiError::new(
                ErrorCode::EmptyCart,
                "The cart is empty: there is nothing to park.",
            ));
        };
        tx.park_cart(cart.id, name, now).await?;
        let view = cart_view(&mut tx, &settings, None, now).await?;
        tx.commit().await?;
        Ok(view)
    }

    /// This register's parked carts, most recent first.
    pub async fn parked_carts(&self) -> ApiResult<Vec<CartSummary>> {
        let settings = self.settings().await?;
        Ok(self
            .store
            .parked_carts(&self.register.register_code)
            .await?
            .into_iter()
            .map(|row| cart_summary(&settings, row))
            .collect())
    }

    /// Makes a parked cart (or a customer's cart from another register) this register's
    /// open cart; a cart being rung up with items is parked first, so nothing is lost.
    pub async fn resume_cart(&self, request: CartRequest) -> ApiResult<CartView> {
        self.authorize(Permission::Sell).await?;
        let settings = self.settings().await?;
        let now = self.clock.now();
        let mut tx = self.store.begin_write().await?;
        let cart = tx
            .cart(request.cart_id)
            .await?
            .filter(|cart| cart.status != "ordered")
            .ok_or_else(|| no_cart(request.cart_id))?;
        self.set_aside_open_cart(&mut tx, Some(cart.id), now)
            .await?;
        tx.open_cart_at(cart.id, &self.register.register_code, now)
            .await?;
        let cart = tx.cart(cart.id).await?;
        let view = cart_view(&mut tx, &settings, cart.as_ref(), now).await?;
        tx.commit().await?;
        Ok(view)
    }

    /// Parks the register's open cart if it has items (named after its customer), or
    /// deletes it if it is empty — unless it is `keep`.
    async fn set_aside_open_cart(
        &self,
        tx: &mut kassa_store::WriteTx,
        keep: Option<i64>,
        now: chrono::DateTime<chrono::Utc>,
    ) -> ApiResult<()> {
        if let Some(open) = tx.open_cart(&self.register.register_code).await?
            && Some(open.id) != keep
        {
            if tx.cart_lines(open.id, None).await?.is_empty() {
                tx.discard_cart(open.id).await?;
            } else {
                let name = if open.name.is_empty() {
                    "Set aside".to_owned()
                } else {
                    open.name.clone()
                };
                tx.park_cart(open.id, &name, now).await?;
            }
        }
        Ok(())
    }

    /// Throws a cart away (open or parked; never one that became an order).
    pub async fn discard_cart(&self, request: CartRequest) -> ApiResult<()> {
        self.authorize(Permission::Sell).await?;
        let mut tx = self.store.begin_write().await?;
        if !tx.discard_cart(request.cart_id).await? {
            return Err(no_cart(request.cart_id));
        }
        tx.commit().await?;
        Ok(())
    }

    /// A cart by id as the counter would show it (the back office opens a customer's cart
    /// with it).
    pub async fn cart_by_id(&self, request: CartRequest) -> ApiResult<CartView> {
        let settings = self.settings().await?;
        let mut tx = self.store.begin_write().await?;
        let cart = tx
            .cart(request.cart_id)
            .await?
            .filter(|cart| cart.status != "ordered")
            .ok_or_else(|| no_cart(request.cart_id))?;
        cart_view(&mut tx, &settings, Some(&cart), self.clock.now()).await
    }

    /// Attaches a customer to the register's open cart (creating the cart if there is
    /// none yet), or detaches it. With the `reload_customer_cart` setting on, picking a
    /// customer while the open cart is empty reloads the customer's most recent cart.
    pub async fn set_cart_customer(&self, request: SetCartCustomerRequest) -> ApiResult<CartView> {
        self.authorize(Permission::Sell).await?;
        let settings = self.settings().await?;
        let reload = self.cart_settings().await?.reload_customer_cart;
        let now = self.clock.now();
        let mut tx = self.store.begin_write().await?;
        let open = tx.open_cart(&self.register.register_code).await?;
        let Some(customer_id) = request.customer_id else {
            if let Some(cart) = &open {
                tx.clear_cart_customer(cart.id).await?;
            }
            let cart = match open {
                Some(cart) => tx.cart(cart.id).await?,
                None => None,
            };
            let view = cart_view(&mut tx, &settings, cart.as_ref(), now).await?;
            tx.commit().await?;
            return Ok(view);
        };
        if tx.customer(customer_id).await?.is_none() {
            return Err(ApiError::new(
                ErrorCode::NotFound,
                format!("Customer {customer_id} does not exist."),
            ));
        }
        let open_is_empty = match &open {
            Some(cart) => tx.cart_lines(cart.id, None).await?.is_empty(),
            None => true,
        };
        let previous = if reload && open_is_empty {
            tx.latest_customer_cart(customer_id).await?
        } else {
            None
        };
        let cart_id = match (previous, &open) {
            (Some(previous), _) => {
                self.set_aside_open_cart(&mut tx, Some(previous), now)
                    .await?;
                tx.open_cart_at(previous, &self.register.register_code, now)
                    .await?;
                previous
            }
            (None, Some(cart)) => cart.id,
            (None, None) => tx.create_cart(&self.register.register_code, now).await?,
        };
        tx.set_cart_customer(cart_id, customer_id).await?;
        let cart = tx.cart(cart_id).await?;
        let view = cart_view(&mut tx, &settings, cart.as_ref(), now).await?;
        tx.commit().await?;
        Ok(view)
    }

    /// The cart settings (reload a customer's cart, abandoned after how many hours).
    pub async fn cart_settings(&self) -> ApiResult<CartSettings> {
        let stored = self.store.settings().await?;
        Ok(CartSettings {
            reload_customer_cart: stored
                .get("reload_customer_cart")
                .is_some_and(|value| value == "1"),
            abandoned_cart_hours: stored
                .get("abandoned_cart_hours")
                .and_then(|value| value.parse().ok())
                .unwrap_or(DEFAULT_ABANDONED_HOURS),
        })
    }

    /// Saves the cart settings.
    pub async fn save_cart_settings(&self, input: CartSettings) -> ApiResult<CartSettings> {
        self.authorize(Permission::Settings).await?;
        if !(1..=MAX_ABANDONED_HOURS).contains(&input.abandoned_cart_hours) {
            return Err(ApiError::new(
                ErrorCode::InvalidInput,
                format!(
                    "abandoned_cart_hours: a cart counts as abandoned after 1 to {MAX_ABANDONED_HOURS} hours, not {}.",
                    input.abandoned_cart_hours
                ),
            ));
        }
        let mut tx = self.store.begin_write().await?;
        tx.set_setting(
            "reload_customer_cart",
            if input.reload_customer_cart { "1" } else { "0" },
        )
        .await?;
        tx.set_setting(
            "abandoned_cart_hours",
            &input.abandoned_cart_hours.to_string(),
        )
        .await?;
        tx.commit().await?;
        self.cart_settings().await
    }

    /// Carts with items and a customer that did not become an order for the store's
    /// `abandoned_cart_hours`, oldest first, with their value.
    pub async fn abandoned_carts(&self) -> ApiResult<Vec<CartSummary>> {
        let settings = self.settings().await?;
        let hours = self.cart_settings().await?.abandoned_cart_hours;
        let before = self.clock.now() - Duration::hours(i64::from(hours));
        Ok(self
            .store
            .abandoned_carts(before, LIST_LIMIT)
            .await?
            .into_iter()
            .map(|row| cart_summary(&settings, row))
            .collect())
    }

    /// Records that the recovery e-mail of an abandoned cart was sent.
    ///
    /// The recovery mail is queued in the mail outbox in the same transaction (once per
    /// cart); a cart whose customer has no e-mail address is refused.
    pub async fn mark_recovery_sent(&self, request: CartRequest) -> ApiResult<()> {
        self.authorize(Permission::Customers).await?;
        let now = self.clock.now();
        let mut tx = self.store.begin_write().await?;
        let cart = tx
            .cart(request.cart_id)
            .await?
            .ok_or_else(|| no_cart(request.cart_id))?;
        let customer = match cart.customer_id {
            Some(id) => tx.customer(id).await?,
            None => None,
        };
        let Some(customer) = customer.filter(|customer| {
            customer
                .email
                .as_deref()
                .is_some_and(|email| !email.trim().is_empty())
        }) else {
            return Err(ApiError::new(
                ErrorCode::InvalidEmail,
                format!(
                    "Cart {} has no customer with an e-mail address to send the recovery mail to.",
                    request.cart_id
                ),
            ));
        };
        if !tx.mark_recovery_sent(request.cart_id, now).await? {
            return Err(no_cart(request.cart_id));
        }
        tx.enqueue_outbox(
            "mail",
            "cart_recovery",
            &format!("cart:{}", request.cart_id),
            &serde_json::json!({ "cart_id": request.cart_id, "customer_id": customer.id, "by": self.acting_staff() }),
            now,
        )
        .await?;
        tx.commit().await?;
        Ok(())
    }
}
