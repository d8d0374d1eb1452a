//! Customers as checkout needs them: search, create (guest or account) with a first
//! address, their addresses, and store credit with its ledger.

use kassa_domain::staff::Permission;
use kassa_store::WriteTx;
use kassa_store::customers::{AddressRow, CustomerRow, CustomerUpdate, NewCustomer};
use kassa_store::gift_cards::LedgerRow;
use rust_decimal::Decimal;

use crate::api::{
    AddressInput, AddressView, CreateCustomerRequest, CustomerKind, CustomerPage, CustomerRequest,
    CustomerSummary, DeleteAddressRequest, GrantStoreCreditRequest, LedgerEntryView,
    NewCustomerInput, SaveAddressRequest, SearchCustomersRequest, StoreCreditView,
    UpdateCustomerRequest,
};
use crate::checkout::minor;
use crate::settings::StoreSettings;
use crate::{ApiError, ApiResult, ErrorCode, Kassa};

const MAX_FIELD: usize = 200;
const MAX_NOTES: usize = 4_000;

pub(crate) fn customer_summary(settings: &StoreSettings, row: CustomerRow) -> CustomerSummary {
    CustomerSummary {
        id: row.id,
        name: row.name,
        email: row.email,
        phone: row.phone,
        kind: if row.kind == "guest" {
            CustomerKind::Guest
        } else {
            CustomerKind::Account
        },
        customer_group: row.customer_group,
        newsletter: row.newsletter,
        store_credit: settings
            .pricing
            .currency
            .from_minor_units(row.store_credit_minor),
    }
}

fn field<'a>(name: &str, value: &'a str, required: bool) -> ApiResult<&'a str> {
    let value = value.trim();
    if required && value.is_empty() {
        return Err(ApiError::new(
            ErrorCode::InvalidInput,
            format!("The {name} is required."),
        ));
    }
    if value.chars().count() > MAX_FIELD {
        return Err(ApiError::new(
            ErrorCode::InvalidInput,
            format!("The {name} is longer than {MAX_FIELD} characters."),
        ));
    }
    Ok(value)
}

fn optional<'a>(name: &str, value: Option<&'a String>) -> ApiResult<Option<&'a str>> {
    Ok(match value {
        Some(value) => Some(field(name, value, false)?).filter(|value| !value.is_empty()),
        None => None,
    })
}

/// The mail crate's check, so that every address the store keeps can be mailed to.
fn checked_email(email: Option<&str>) -> ApiResult<Option<&str>> {
    if let Some(email) = email {
        kassa_mail::parse_address(email)
            .map_err(|error| ApiError::new(ErrorCode::InvalidEmail, format!("e-mail: {error}.")))?;
    }
    Ok(email)
}

/// A checked address: every part present, the country a two-letter ISO code.
pub(crate) fn checked_address(address: &AddressInput) -> ApiResult<AddressInput> {
    let country = field("country", &address.country_code, true)?.to_uppercase();
    if country.len() != 2 || !country.chars().all(|c| c.is_ascii_uppercase()) {
        return Err(ApiError::new(
            ErrorCode::InvalidInput,
            format!("The country must be a two-letter code such as BE or FR, not “{country}”."),
        ));
    }
    Ok(AddressInput {
        name: field("addressee's name", &address.name, true)?.to_owned(),
        line1: field("street and number", &address.line1, true)?.to_owned(),
        line2: field("second address line", &address.line2, false)?.to_owned(),
        postal_code: field("postal code", &address.postal_code, true)?.to_owned(),
        city: field("city", &address.city, true)?.to_owned(),
        country_code: country,
    })
}

/// Creates a customer (and their first address) inside the caller's transaction.
pub(crate) async fn create_customer_in_tx(
    tx: &mut WriteTx,
    customer: &NewCustomerInput,
    address: Option<&AddressInput>,
    now: chrono::DateTime<chrono::Utc>,
) -> ApiResult<i64> {
    let name = field("customer's name", &customer.name, true)?;
    let email = checked_email(optional("e-mail", customer.email.as_ref())?)?;
    let phone = optional("phone", customer.phone.as_ref())?;
    let group = optional("customer group", customer.customer_group.as_ref())?.unwrap_or("retail");
    let id = tx
        .create_customer(
            &NewCustomer {
                kind: match customer.kind {
                    CustomerKind::Guest => "guest",
                    CustomerKind::Account => "account",
                },
                name,
                email,
                phone,
                customer_group: group,
                newsletter: customer.newsletter.unwrap_or(false),
            },
            now,
        )
        .await?;
    if let Some(address) = address {
        let address = checked_address(address)?;
        tx.add_customer_address(id, &address_row(&address, true))
            .await?;
    }
    Ok(id)
}

pub(crate) fn address_row(address: &AddressInput, default: bool) -> AddressRow {
    AddressRow {
        id: 0,
        name: address.name.clone(),
        line1: address.line1.clone(),
        line2: address.line2.clone(),
        postal_code: address.postal_code.clone(),
        city: address.city.clone(),
        country_code: address.country_code.clone(),
        is_default_shipping: default,
        is_default_invoice: default,
    }
}

pub(crate) fn ledger_view(settings: &StoreSettings, row: LedgerRow) -> LedgerEntryView {
    let currency = &settings.pricing.currency;
    LedgerEntryView {
        kind: row.kind,
        amount: currency.from_minor_units(row.amount_minor),
        balance_after: currency.from_minor_units(row.balance_after_minor),
        order_reference: row.order_reference,
        note: row.note,
        at: row.created_at,
    }
}

impl Kassa {
    /// Customers by name, e-mail or phone prefix.
    pub async fn search_customers(
        &self,
        request: SearchCustomersRequest,
    ) -> ApiResult<Vec<CustomerSummary>> {
        let settings = self.settings().await?;
        let query = request.query.trim();
        Ok(self
            .store
            .search_customers(query, 20)
            .await?
            .into_iter()
            .map(|row| customer_summary(&settings, row))
            .collect())
    }

    /// Creates a customer (guest or account) with an optional first address, which
    /// becomes the default for shipping and invoices.
    pub async fn create_customer(
        &self,
        request: CreateCustomerRequest,
    ) -> ApiResult<CustomerSummary> {
        self.authorize(Permission::Customers).await?;
        let settings = self.settings().await?;
        let mut tx = self.store.begin_write().await?;
        let id = create_customer_in_tx(
            &mut tx,
            &request.customer,
            request.address.as_ref(),
            self.clock.now(),
        )
        .await?;
        let row = tx.customer(id).await?.ok_or_else(|| {
            ApiError::new(ErrorCode::Internal, "The new customer cannot be read back.")
        })?;
        tx.commit().await?;
        Ok(customer_summary(&settings, row))
    }

    /// A customer's addresses, defaults first.
    pub async fn customer_addresses(
        &self,
        request: CustomerRequest,
    ) -> ApiResult<Vec<AddressView>> {
        self.customer_row(request.customer_id).await?;
        Ok(self
            .store
            .customer_addresses(request.customer_id)
            .await?
            .into_iter()
            .map(|row| AddressView {
                id: row.id,
                is_default_shipping: row.is_default_shipping,
                is_default_invoice: row.is_default_invoice,
                address: AddressInput {
                    name: row.name,
                    line1: row.line1,
                    line2: row.line2,
                    postal_code: row.postal_code,
                    city: row.city,
                    country_code: row.country_code,
                },
            })
            .collect())
    }

    async fn customer_row(&self, customer_id: i64) -> ApiResult<CustomerRow> {
        self.store.customer(customer_id).await?.ok_or_else(|| {
            ApiError::new(
                ErrorCode::NotFound,
                format!("Customer {customer_id} does not exist."),
            )
        })
    }

    /// Everything the customer page shows: details and notes, addresses, recent orders,
    /// unordered carts and what the customer spent.
    pub async fn customer_page(&self, request: CustomerRequest) -> ApiResult<CustomerPage> {
        let settings = self.settings().await?;
        let currency = &settings.pricing.currency;
        let customer = self.customer_row(request.customer_id).await?;
        let id = customer.id;
        let totals = self.store.customer_totals(id).await?;
        Ok(CustomerPage {
            notes: self.store.customer_notes(id).await?.unwrap_or_default(),
            addresses: self.customer_addresses(request).await?,
            orders: self
                .store
                .customer_orders(id, 50)
                .await?
                .into_iter()
                .map(|row| crate::orders::summary(currency, row))
                .collect::<ApiResult<_>>()?,
            carts: self
                .store
                .customer_carts(id)
                .await?
                .into_iter()
                .map(|row| crate::carts::cart_summary(&settings, row))
                .collect(),
            order_count: totals.order_count,
            total_spent: currency.from_minor_units(totals.spent_minor),
            customer: customer_summary(&settings, customer),
        })
    }

    /// Edits a customer's details, group, newsletter opt-in and notes.
    pub async fn update_customer(&self, request: UpdateCustomerRequest) -> ApiResult<CustomerPage> {
        self.authorize(Permission::Customers).await?;
        let name = field("customer's name", &request.name, true)?;
        let email = checked_email(optional("e-mail", request.email.as_ref())?)?;
        let phone = optional("phone", request.phone.as_ref())?;
        let group = field("customer group", &request.customer_group, true)?;
        if request.notes.chars().count() > MAX_NOTES {
            return Err(ApiError::new(
                ErrorCode::InvalidInput,
                format!("The notes are longer than {MAX_NOTES} characters."),
            ));
        }
        let mut tx = self.store.begin_write().await?;
        let update = CustomerUpdate {
            name,
            email,
            phone,
            customer_group: group,
            newsletter: request.newsletter,
            notes: request.notes.trim(),
        };
        if !tx.update_customer(request.customer_id, &update).await? {
            return Err(ApiError::new(
                ErrorCode::NotFound,
                format!("Customer {} does not exist.", request.customer_id),
            ));
        }
        tx.commit().await?;
        self.customer_page(CustomerRequest {
            customer_id: request.customer_id,
        })
        .await
    }

    /// Adds or changes one of a customer's addresses.
    pub async fn save_customer_address(
        &self,
        request: SaveAddressRequest,
    ) -> ApiResult<Vec<AddressView>> {
        self.authorize(Permission::Customers).await?;
        let address = checked_address(&request.address)?;
        self.customer_row(request.customer_id).await?;
        let mut row = address_row(&address, false);
        row.is_default_shipping = request.is_default_shipping;
        row.is_default_invoice = request.is_default_invoice;
        let mut tx = self.store.begin_write().await?;
        match request.address_id {
            Some(address_id) => {
                row.id = address_id;
                if !tx
                    .replace_customer_address(request.customer_id, &row)
                    .await?
                {
                    return Err(ApiError::new(
                        ErrorCode::NotFound,
                        format!("Address {address_id} is not one of this customer's."),
                    ));
                }
            }
            None => {
                tx.add_customer_address(request.customer_id, &row).await?;
            }
        }
        tx.commit().await?;
        self.customer_addresses(CustomerRequest {
            customer_id: request.customer_id,
        })
        .await
    }

    /// Deletes one of a customer's addresses (orders keep their own copy).
    pub async fn delete_customer_address(
        &self,
        request: DeleteAddressRequest,
    ) -> ApiResult<Vec<AddressView>> {
        self.authorize(Permission::Customers).await?;
        let mut tx = self.store.begin_write().await?;
        if !tx
            .delete_customer_address(request.customer_id, request.address_id)
            .await?
        {
            return Err(ApiError::new(
                ErrorCode::NotFound,
                format!(
                    "Address {} is not one of this customer's.",
                    request.address_id
                ),
            ));
        }
        tx.commit().await?;
        self.customer_addresses(CustomerRequest {
            customer_id: request.customer_id,
        })
        .await
    }

    /// A customer's store credit and its ledger.
    pub async fn store_credit(&self, request: CustomerRequest) -> ApiResult<StoreCreditView> {
        let settings = self.settings().await?;
        let customer = self.customer_row(request.customer_id).await?;
        let ledger = self.store.store_credit_ledger(customer.id).await?;
        Ok(StoreCreditView {
            balance: settings
                .pricing
                .currency
                .from_minor_units(customer.store_credit_minor),
            ledger: ledger
                .into_iter()
                .map(|row| ledger_view(&settings, row))
                .collect(),
        })
    }

    /// Gives a customer store credit.
    pub async fn grant_store_credit(
        &self,
        request: GrantStoreCreditRequest,
    ) -> ApiResult<StoreCreditView> {
        self.authorize(Permission::Refund).await?;
        let settings = self.settings().await?;
        let currency = &settings.pricing.currency;
        if request.amount <= Decimal::ZERO || !currency.is_rounded(request.amount) {
            return Err(ApiError::new(
                ErrorCode::InvalidInput,
                format!(
                    "Store credit must be a positive amount in whole cents, not {}.",
                    request.amount
                ),
            ));
        }
        let note = field("note", &request.note, true)?;
        let customer = self.customer_row(request.customer_id).await?;
        let mut tx = self.store.begin_write().await?;
        tx.change_store_credit(
            customer.id,
            "granted",
            minor(currency, request.amount)?,
            None,
            note,
            self.clock.now(),
        )
        .await?;
        tx.commit().await?;
        self.store_credit(CustomerRequest {
            customer_id: customer.id,
        })
        .await
    }
}
