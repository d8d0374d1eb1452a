//! Staff, sign-in and permissions.
//!
//! While the store has no staff account it runs without sign-in (a fresh install, the demo,
//! the tests of everything else): every command is allowed and acts as the register. The
//! first account must be an owner; from then on every command that changes something
//! checks the permission matrix (`kassa_domain::staff`) for whoever is signed in at this
//! register, before it writes anything: [`Kassa::authorize`]. Owner and manager sign in
//! with a password; everyone switches with a PIN; five wrong PINs in a row lock the account
//! for five minutes. A manager's PIN approves one refused action on the spot. Passwords and
//! PINs are stored as salted Argon2id hashes, checked on the blocking pool.

use argon2::Argon2;
use argon2::password_hash::rand_core::OsRng;
use argon2::password_hash::{PasswordHash, PasswordHasher, PasswordVerifier, SaltString};
use kassa_domain::staff::{Permission, Role, after_wrong_pin, check_pin};
use kassa_store::staff::StaffRow;

use crate::api::{
    ApproveRequest, SignInRequest, StaffInput, StaffOverview, StaffView, SwitchStaffRequest,
};
use crate::{ApiError, ApiResult, ErrorCode, Kassa};

/// Who is signed in at a register.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) struct Actor {
    pub id: i64,
    pub name: String,
    pub role: Role,
}

/// The signed-in member and a pending approval, per register (per `Kassa`).
#[derive(Debug, Default)]
pub(crate) struct Session {
    actor: Option<Actor>,
    /// A manager approved the next action needing this permission.
    approval: Option<(Permission, String)>,
}

/// The longest name.
const MAX_NAME: usize = 80;
/// The shortest password of an owner or manager.
const MIN_PASSWORD: usize = 8;

fn invalid(message: String) -> ApiError {
    ApiError::new(ErrorCode::InvalidInput, message)
}

fn wrong() -> ApiError {
    ApiError::new(
        ErrorCode::WrongCredentials,
        "The name, password or PIN is not right.",
    )
}

async fn hash_secret(secret: String) -> ApiResult<String> {
    tokio::task::spawn_blocking(move || {
        let salt = SaltString::generate(&mut OsRng);
        Argon2::default()
            .hash_password(secret.as_bytes(), &salt)
            .map(|hash| hash.to_string())
    })
    .await
    .map_err(|error| ApiError::new(ErrorCode::Internal, format!("Hashing failed: {error}")))?
    .map_err(|error| ApiError::new(ErrorCode::Internal, format!("Hashing failed: {error}")))
}

async fn secret_matches(secret: String, hash: String) -> ApiResult<bool> {
    tokio::task::spawn_blocking(move || {
        PasswordHash::new(&hash)
            .map(|parsed| {
                Argon2::default()
                    .verify_password(secret.as_bytes(), &parsed)
                    .is_ok()
            })
            .unwrap_or(false)
    })
    .await
    .map_err(|error| ApiError::new(ErrorCode::Internal, format!("Checking failed: {error}")))
}

fn role_of(row: &StaffRow) -> ApiResult<Role> {
    Role::from_code(&row.role).ok_or_else(|| {
        ApiError::new(
            ErrorCode::Internal,
            format!(
                "Staff member {} has an unknown role “{}”.",
                row.name, row.role
            ),
        )
    })
}

fn view(row: &StaffRow) -> StaffView {
    StaffView {
        id: row.id,
        name: row.name.clone(),
        role: row.role.clone(),
        locked_until: row.locked_until,
    }
}

impl Kassa {
    fn session(&self) -> std::sync::MutexGuard<'_, Session> {
        self.staff_session
            .lock()
            .unwrap_or_else(std::sync::PoisonError::into_inner)
    }

    /// Who acts at this register: the signed-in member, or the register itself while the
    /// store has no staff.
    pub(crate) fn acting_staff(&self) -> String {
        self.session().actor.as_ref().map_or_else(
            || format!("Register {}", self.register.register_code),
            |actor| actor.name.clone(),
        )
    }

    /// Refuses the command unless the signed-in member may do it (or a manager approved
    /// it just now). Always allowed while the store has no staff.
    pub(crate) async fn authorize(&self, permission: Permission) -> ApiResult<()> {
        if self.store.count_staff().await? == 0 {
            return Ok(());
        }
        let mut session = self.session();
        let Some(actor) = session.actor.clone() else {
            return Err(ApiError::new(
                ErrorCode::SignInRequired,
                "Sign in, or switch to yourself with your PIN, first.",
            ));
        };
        if actor.role.allows(permission) {
            return Ok(());
        }
        if session
            .approval
            .as_ref()
            .is_some_and(|(approved, _)| *approved == permission)
        {
            session.approval = None;
            return Ok(());
        }
        Err(ApiError::new(
            ErrorCode::PermissionDenied,
            format!(
                "{} ({}) may not do this ({}): a manager or the owner can approve it with their PIN.",
                actor.name,
                actor.role.code(),
                permission.code()
            ),
        ))
    }

    /// Staff, who is signed in here, and what they may do.
    pub async fn staff_overview(&self) -> ApiResult<StaffOverview> {
        let rows = self.store.staff().await?;
        let open_mode = rows.is_empty();
        let current = self.session().actor.clone();
        let permissions = Permission::ALL
            .into_iter()
            .filter(|permission| {
                open_mode
                    || current
                        .as_ref()
                        .is_some_and(|actor| actor.role.allows(*permission))
            })
            .map(|permission| permission.code().to_owned())
            .collect();
        Ok(StaffOverview {
            open_mode,
            current: current.and_then(|actor| rows.iter().find(|row| row.id == actor.id).map(view)),
            staff: rows.iter().map(view).collect(),
            permissions,
        })
    }

    /// Adds a staff member. The first must be an owner (and is signed in at once); later
    /// ones need the owner.
    pub async fn create_staff(&self, input: StaffInput) -> ApiResult<StaffView> {
        let role = Role::from_code(&input.role).ok_or_else(|| {
            invalid(format!(
                "role: a staff member is an owner, manager, clerk or warehouse worker, not “{}”.",
                input.role
            ))
        })?;
        let name = input.name.trim().to_owned();
        if name.is_empty() || name.chars().count() > MAX_NAME {
            return Err(invalid(format!("name: 1 to {MAX_NAME} characters.")));
        }
        check_pin(&input.pin).map_err(|rule| invalid(format!("pin: {rule}.")))?;
        let password = match (role.has_password(), input.password) {
            (true, Some(password)) if password.chars().count() >= MIN_PASSWORD => Some(password),
            (true, _) => {
                return Err(invalid(format!(
                    "password: an owner or manager signs in with a password of at least {MIN_PASSWORD} characters."
                )));
            }
            (false, _) => None,
        };
        let first = self.store.count_staff().await? == 0;
        if first && role != Role::Owner {
            return Err(invalid(
                "role: the first staff member is the owner.".to_owned(),
            ));
        }
        if !first {
            self.authorize(Permission::ManageStaff).await?;
        }
        if self.store.staff_by_name(&name).await?.is_some() {
            return Err(invalid(format!(
                "name: there is already a staff member “{name}”."
            )));
        }
        let pin_hash = hash_secret(input.pin).await?;
        let password_hash = match password {
            Some(password) => Some(hash_secret(password).await?),
            None => None,
        };
        let mut tx = self.store.begin_write().await?;
        if first && tx.count_staff().await? != 0 {
            return Err(invalid(
                "role: another register created the owner a moment ago; sign in.".to_owned(),
            ));
        }
        let id = tx
            .insert_staff(
                &name,
                role.code(),
                password_hash.as_deref(),
                &pin_hash,
                self.clock.now(),
            )
            .await?;
        tx.commit().await?;
        if first {
            self.session().actor = Some(Actor {
                id,
                name: name.clone(),
                role,
            });
        }
        let row =
            self.store.staff_member(id).await?.ok_or_else(|| {
                ApiError::new(ErrorCode::Internal, "The new staff member is gone.")
            })?;
        Ok(view(&row))
    }

    /// Signs in an owner or manager with their password.
    pub async fn sign_in(&self, request: SignInRequest) -> ApiResult<StaffOverview> {
        let row = self
            .store
            .staff_by_name(request.name.trim())
            .await?
            .filter(|row| row.active)
            .ok_or_else(wrong)?;
        let role = role_of(&row)?;
        let Some(hash) = row.password_hash.clone() else {
            return Err(wrong());
        };
        if !secret_matches(request.password, hash).await? {
            return Err(wrong());
        }
        self.session().actor = Some(Actor {
            id: row.id,
            name: row.name,
            role,
        });
        self.staff_overview().await
    }

    /// Checks a member's PIN with the lockout; returns their row and role.
    async fn check_member_pin(&self, staff_id: i64, pin: String) -> ApiResult<(StaffRow, Role)> {
        let now = self.clock.now();
        let row = self
            .store
            .staff_member(staff_id)
            .await?
            .filter(|row| row.active)
            .ok_or_else(wrong)?;
        if let Some(until) = row.locked_until.filter(|until| *until > now) {
            return Err(ApiError::new(
                ErrorCode::AccountLocked,
                format!(
                    "{} is locked after too many wrong PINs until {} UTC.",
                    row.name,
                    until.format("%H:%M")
                ),
            ));
        }
        let role = role_of(&row)?;
        let matches = secret_matches(pin, row.pin_hash.clone()).await?;
        let mut tx = self.store.begin_write().await?;
        if matches {
            tx.set_pin_failures(row.id, 0, None).await?;
            tx.commit().await?;
            return Ok((row, role));
        }
        let (failures, locked) = after_wrong_pin(row.failed_attempts, now);
        tx.set_pin_failures(row.id, failures, locked).await?;
        tx.commit().await?;
        Err(match locked {
            Some(until) => ApiError::new(
                ErrorCode::AccountLocked,
                format!(
                    "Wrong PIN again: {} is locked until {} UTC.",
                    row.name,
                    until.format("%H:%M")
                ),
            ),
            None => wrong(),
        })
    }

    /// Switches this register to a staff member with their PIN.
    pub async fn switch_staff(&self, request: SwitchStaffRequest) -> ApiResult<StaffOverview> {
        let (row, role) = self.check_member_pin(request.staff_id, request.pin).await?;
        {
            let mut session = self.session();
            session.actor = Some(Actor {
                id: row.id,
                name: row.name,
                role,
            });
            session.approval = None;
        }
        self.staff_overview().await
    }

    /// Signs out of this register.
    pub async fn sign_out(&self) -> ApiResult<StaffOverview> {
        {
            let mut session = self.session();
            session.actor = None;
            session.approval = None;
        }
        self.staff_overview().await
    }

    /// A manager or the owner approves the next action that needs `permission` for
    /// whoever is signed in here, with their PIN.
    pub async fn approve(&self, request: ApproveRequest) -> ApiResult<()> {
        let permission = Permission::from_code(&request.permission).ok_or_else(|| {
            invalid(format!(
                "permission: there is no permission “{}”.",
                request.permission
            ))
        })?;
        let (row, role) = self.check_member_pin(request.staff_id, request.pin).await?;
        if !matches!(role, Role::Owner | Role::Manager) || !role.allows(permission) {
            return Err(ApiError::new(
                ErrorCode::PermissionDenied,
                format!(
                    "{} cannot approve this: only a manager or the owner can.",
                    row.name
                ),
            ));
        }
        self.session().approval = Some((permission, row.name));
        Ok(())
    }
}
