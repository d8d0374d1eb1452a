//! Order status transitions: which changes are allowed and what each one sets off.
//!
//! Statuses are configurable (SPEC §6), so the rules speak of their flags, not their names:
//! * a canceled or refunded order is final: it never changes again;
//! * an order becomes paid only by recording payments, never by picking a paid status;
//! * only paid orders can be fulfilled or shipped (a status with the `shipped` or
//!   `delivered` flag);
//! * only fulfilled or delivered orders can be returned (a status with both `refunded` and
//!   `shipped`), and a return refunds and restocks;
//! * a shipped order cannot be canceled (it is returned instead); canceling a paid order
//!   refunds it with a credit note and restocks its items; canceling an unpaid one voids its
//!   invoice;
//! * refunding without a return (a `refunded` status without `shipped`) needs a paid,
//!   unshipped order, and restocks.

use serde::{Deserialize, Serialize};

/// The flags of a status, as stored with it.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct StatusFlags {
    /// The order is paid.
    pub paid: bool,
    /// The goods left the shop (fulfilled).
    pub shipped: bool,
    /// The customer has the goods.
    pub delivered: bool,
    /// The order is canceled.
    pub canceled: bool,
    /// The money went back.
    pub refunded: bool,
}

impl StatusFlags {
    fn is_final(self) -> bool {
        self.canceled || self.refunded
    }

    fn is_fulfilled(self) -> bool {
        self.shipped || self.delivered
    }
}

/// What a permitted transition sets off.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct TransitionEffects {
    /// Issue a credit note for the paid amount and record the refund.
    pub refund: bool,
    /// Put the sold units back in stock.
    pub restock: bool,
    /// Void the unpaid invoice.
    pub void_invoice: bool,
}

/// A forbidden transition; the message names the rule.
#[derive(Debug, Clone, Copy, PartialEq, Eq, thiserror::Error)]
pub enum TransitionError {
    /// The order already has that status.
    #[error("the order already has this status")]
    Unchanged,
    /// Canceled and refunded orders are final.
    #[error("a canceled or refunded order is final and cannot change status")]
    Final,
    /// Payment must be recorded, not picked as a status.
    #[error("an order becomes paid when its payment is recorded, not by choosing a paid status")]
    PaymentNotRecorded,
    /// Only paid orders can be fulfilled or shipped.
    #[error("only paid orders can be fulfilled or shipped")]
    NotPaid,
    /// Only fulfilled or delivered orders can be returned.
    #[error("only fulfilled or delivered orders can be returned")]
    NotFulfilled,
    /// A shipped order is returned, not canceled.
    #[error("a fulfilled order cannot be canceled; return it instead")]
    AlreadyFulfilled,
    /// A refund needs money to give back.
    #[error("only paid orders can be refunded")]
    NothingToRefund,
}

/// Decides whether an order with status flags `from` may move to `to` (a different
/// status), and what that sets off.
pub fn plan_transition(
    from: StatusFlags,
    to: StatusFlags,
    same_status: bool,
) -> Result<TransitionEffects, TransitionError> {
    if same_status {
        return Err(TransitionError::Unchanged);
    }
    if from.is_final() {
        return Err(TransitionError::Final);
    }
    let is_return = to.refunded && to.shipped;
    if is_return {
        if !from.is_fulfilled() {
            return Err(TransitionError::NotFulfilled);
        }
        return Ok(TransitionEffects {
            refund: true,
            restock: true,
            void_invoice: false,
        });
    }
    if to.canceled {
        if from.is_fulfilled() {
            return Err(TransitionError::AlreadyFulfilled);
        }
        return Ok(if from.paid {
            TransitionEffects {
                refund: true,
                restock: true,
                void_invoice: false,
            }
        } else {
            TransitionEffects {
                refund: false,
                restock: false,
                void_invoice: true,
            }
        });
    }
    if to.refunded {
        if !from.paid {
            return Err(TransitionError::NothingToRefund);
        }
        if from.is_fulfilled() {
            return Err(TransitionError::AlreadyFulfilled);
        }
        return Ok(TransitionEffects {
            refund: true,
            restock: true,
            void_invoice: false,
        });
    }
    if to.is_fulfilled() && !from.paid {
        return Err(TransitionError::NotPaid);
    }
    if to.paid && !from.paid {
        return Err(TransitionError::PaymentNotRecorded);
    }
    Ok(TransitionEffects::default())
}

#[cfg(test)]
mod tests {
    use super::*;

    const AWAITING: StatusFlags = StatusFlags {
        paid: false,
        shipped: false,
        delivered: false,
        canceled: false,
        refunded: false,
    };
    const PAID: StatusFlags = StatusFlags {
        paid: true,
        ..AWAITING
    };
    const PROCESSING: StatusFlags = PAID;
    const SHIPPED: StatusFlags = StatusFlags {
        paid: true,
        shipped: true,
        ..AWAITING
    };
    const DELIVERED: StatusFlags = StatusFlags {
        paid: true,
        shipped: true,
        delivered: true,
        ..AWAITING
    };
    const CANCELED: StatusFlags = StatusFlags {
        canceled: true,
        ..AWAITING
    };
    const REFUNDED: StatusFlags = StatusFlags {
        paid: true,
        refunded: true,
        ..AWAITING
    };
    const RETURNED: StatusFlags = StatusFlags {
        paid: true,
        shipped: true,
        delivered: true,
        refunded: true,
        ..AWAITING
    };

    fn plan(from: StatusFlags, to: StatusFlags) -> Result<TransitionEffects, TransitionError> {
        plan_transition(from, to, false)
    }

    #[test]
    fn only_paid_orders_can_be_fulfilled_or_shipped() {
        assert_eq!(plan(AWAITING, SHIPPED), Err(TransitionError::NotPaid));
        assert_eq!(plan(AWAITING, DELIVERED), Err(TransitionError::NotPaid));
        assert_eq!(plan(PAID, SHIPPED), Ok(TransitionEffects::default()));
        assert_eq!(
            plan(PROCESSING, DELIVERED),
            Ok(TransitionEffects::default())
        );
        assert_eq!(plan(SHIPPED, DELIVERED), Ok(TransitionEffects::default()));
    }

    #[test]
    fn becoming_paid_goes_through_a_recorded_payment() {
        assert_eq!(
            plan(AWAITING, PAID),
            Err(TransitionError::PaymentNotRecorded)
        );
        assert_eq!(
            plan(AWAITING, PROCESSING),
            Err(TransitionError::PaymentNotRecorded)
        );
    }

    #[test]
    fn only_fulfilled_or_delivered_orders_can_be_returned_and_returns_refund_and_restock() {
        assert_eq!(plan(PAID, RETURNED), Err(TransitionError::NotFulfilled));
        assert_eq!(plan(AWAITING, RETURNED), Err(TransitionError::NotFulfilled));
        let refund_and_restock = TransitionEffects {
            refund: true,
            restock: true,
            void_invoice: false,
        };
        assert_eq!(plan(SHIPPED, RETURNED), Ok(refund_and_restock));
        assert_eq!(plan(DELIVERED, RETURNED), Ok(refund_and_restock));
    }

    #[test]
    fn canceling_a_paid_order_refunds_and_restocks_and_an_unpaid_one_voids_the_invoice() {
        assert_eq!(
            plan(PAID, CANCELED),
            Ok(TransitionEffects {
                refund: true,
                restock: true,
                void_invoice: false
            })
        );
        assert_eq!(
            plan(AWAITING, CANCELED),
            Ok(TransitionEffects {
                refund: false,
                restock: false,
                void_invoice: true
            })
        );
        assert_eq!(
            plan(SHIPPED, CANCELED),
            Err(TransitionError::AlreadyFulfilled)
        );
    }

    #[test]
    fn refunds_need_a_paid_unshipped_order() {
        assert_eq!(
            plan(AWAITING, REFUNDED),
            Err(TransitionError::NothingToRefund)
        );
        assert_eq!(
            plan(SHIPPED, REFUNDED),
            Err(TransitionError::AlreadyFulfilled)
        );
        assert_eq!(
            plan(PAID, REFUNDED),
            Ok(TransitionEffects {
                refund: true,
                restock: true,
                void_invoice: false
            })
        );
    }

    #[test]
    fn final_statuses_never_change_and_unchanged_is_an_error() {
        for final_status in [CANCELED, REFUNDED, RETURNED] {
            for target in [
                AWAITING, PAID, SHIPPED, DELIVERED, CANCELED, REFUNDED, RETURNED,
            ] {
                assert_eq!(
                    plan(final_status, target),
                    Err(TransitionError::Final),
                    "{final_status:?} is final"
                );
            }
        }
        assert_eq!(
            plan_transition(PAID, PAID, true),
            Err(TransitionError::Unchanged)
        );
    }
}
