//! Request and response types of staff accounts, sign-in, PIN switching and approvals.

use chrono::{DateTime, Utc};
use serde::{Deserialize, Serialize};
use ts_rs::TS;

/// A staff member as the UI shows them (never their secrets).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[ts(export)]
pub struct StaffView {
    /// Id.
    #[ts(type = "number")]
    pub id: i64,
    /// Name.
    pub name: String,
    /// `owner`, `manager`, `clerk` or `warehouse`.
    pub role: String,
    /// Locked after wrong PINs until then.
    pub locked_until: Option<DateTime<Utc>>,
}

/// Who works here and who is signed in at this register.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[ts(export)]
pub struct StaffOverview {
    /// No staff yet: the store runs without sign-in until the first owner is created.
    pub open_mode: bool,
    /// Signed in at this register.
    pub current: Option<StaffView>,
    /// Everyone.
    pub staff: Vec<StaffView>,
    /// What the signed-in member may do (permission codes); every code in open mode.
    pub permissions: Vec<String>,
}

/// A new staff member. The first one must be an owner.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[ts(export)]
pub struct StaffInput {
    /// Name (unique).
    pub name: String,
    /// `owner`, `manager`, `clerk` or `warehouse`.
    pub role: String,
    /// Password (owner and manager: at least 8 characters; others: none).
    pub password: Option<String>,
    /// PIN for switching at the register: 4 to 8 digits.
    pub pin: String,
}

/// Sign in with a password (owner, manager).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[ts(export)]
pub struct SignInRequest {
    /// Name.
    pub name: String,
    /// Password.
    pub password: String,
}

/// Switch to a staff member with their PIN.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[ts(export)]
pub struct SwitchStaffRequest {
    /// Who.
    #[ts(type = "number")]
    pub staff_id: i64,
    /// Their PIN.
    pub pin: String,
}

/// A manager (or the owner) approves one action for the signed-in clerk with their PIN.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[ts(export)]
pub struct ApproveRequest {
    /// The approving manager or owner.
    #[ts(type = "number")]
    pub staff_id: i64,
    /// Their PIN.
    pub pin: String,
    /// The permission code the next action needs (e.g. `refund`).
    pub permission: String,
}
