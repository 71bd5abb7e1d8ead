//! Kiosk mode: the recruiter hands the laptop over and visitors check themselves in, or sign
//! up, one at a time. While it lasts the window is full screen, shows a visitor nothing but
//! their own first name (the lookup is exact, by email or code, and the person found stays
//! here: the window never gets their id), the recruiter's commands at the door are refused,
//! and closing the window (its button, Alt+F4) is ignored. Only the PIN the recruiter set
//! when entering ends it; only a salted hash of the PIN is kept.

use std::sync::{Mutex, MutexGuard};
use std::time::{Duration, Instant};

use serde::{Deserialize, Serialize};
use sha2::{Digest, Sha256};
use talentdesk_domain::DomainError;
use talentdesk_domain::candidate::Profile;
use talentdesk_store::checkin::KioskPerson;
use talentdesk_store::{AppError, StoreError};
use tauri::{Manager, State, Window, WindowEvent};
use ts_rs::TS;
use uuid::Uuid;

use super::walk_in::{self, WalkIn};
use super::{CheckIn, check_in_once};
use crate::commands::with_store;
use crate::state::AppState;

/// Wrong PINs allowed before each further try must wait.
const FREE_TRIES: u32 = 3;
/// The wait between tries after that: a visitor cannot try PINs one after another.
const TRY_AGAIN_AFTER: Duration = Duration::from_secs(30);

/// The kiosk, while the window is one.
#[derive(Default)]
pub struct Kiosk(Mutex<Option<Session>>);

struct Session {
    event_id: Uuid,
    event_name: String,
    pin: Pin,
    wrong: u32,
    next_try: Option<Instant>,
    /// The visitor found last: the only person the kiosk may check in.
    visitor: Option<KioskPerson>,
}

struct Pin {
    salt: [u8; 16],
    hash: [u8; 32],
}

impl Pin {
    fn new(pin: &str) -> Self {
        let salt = rand::random();
        Self { salt, hash: Self::digest(&salt, pin) }
    }

    fn digest(salt: &[u8; 16], pin: &str) -> [u8; 32] {
        Sha256::new().chain_update(salt).chain_update(pin.as_bytes()).finalize().into()
    }

    fn matches(&self, pin: &str) -> bool {
        Self::digest(&self.salt, pin) == self.hash
    }
}

/// The event a kiosk is for, as its welcome shows it.
#[derive(Debug, Clone, Serialize, TS)]
#[ts(export)]
pub struct KioskEvent {
    pub event_id: Uuid,
    pub event_name: String,
}

/// All a visitor is shown of the person their email or code found.
#[derive(Debug, Clone, Serialize, TS)]
#[ts(export)]
pub struct Visitor {
    pub first_name: String,
    /// Already checked in: nothing more to do.
    pub attended: bool,
}

/// A visitor's sign-up, as the kiosk's short form sends it.
#[derive(Debug, Clone, Deserialize, TS)]
#[ts(export)]
pub struct SignUp {
    pub profile: Profile,
    pub interests: Vec<String>,
    pub consent: bool,
}

/// How a sign-up went.
#[derive(Debug, Clone, Serialize, TS)]
#[serde(tag = "outcome", rename_all = "snake_case")]
#[ts(export)]
pub enum SignedUp {
    /// Registered and checked in.
    Welcome { first_name: String },
    /// Their email is known here already: they confirm it is them, and are checked in.
    Known(Visitor),
}

impl Session {
    /// Whether `pin` ends the kiosk at `now`: a wrong one counts, and after a few each try
    /// must wait; the refusal says why.
    fn unlock(&mut self, pin: &str, now: Instant) -> Result<(), String> {
        if let Some(wait) = self.next_try.and_then(|at| at.checked_duration_since(now)).filter(|w| !w.is_zero()) {
            return Err(format!("Too many wrong PINs: try again in {} s", wait.as_secs() + 1));
        }
        if self.pin.matches(pin) {
            return Ok(());
        }
        self.wrong += 1;
        if self.wrong >= FREE_TRIES {
            self.next_try = Some(now + TRY_AGAIN_AFTER);
        }
        Err("That PIN is not the one set for this kiosk".into())
    }
}

fn refused(reason: &str) -> AppError {
    AppError::Rule(DomainError::forbidden(reason))
}

impl Kiosk {
    fn session(&self) -> MutexGuard<'_, Option<Session>> {
        self.0.lock().unwrap_or_else(|p| p.into_inner())
    }

    pub fn active(&self) -> bool {
        self.session().is_some()
    }

    /// The recruiter's commands wait until the kiosk has been left with the PIN.
    pub fn refuse(&self) -> Result<(), AppError> {
        if self.active() { Err(refused("The window is a kiosk: leave kiosk mode with the PIN first")) } else { Ok(()) }
    }

    fn event(&self) -> Result<Uuid, AppError> {
        self.session().as_ref().map(|s| s.event_id).ok_or_else(|| refused("Kiosk mode has ended"))
    }

    fn visitor(&self) -> Option<KioskPerson> {
        self.session().as_ref().and_then(|s| s.visitor.clone())
    }

    fn set_visitor(&self, visitor: Option<KioskPerson>) {
        if let Some(session) = self.session().as_mut() {
            session.visitor = visitor;
        }
    }
}

/// The window's close button and Alt+F4 do nothing while the window is a kiosk.
pub fn keep_open(window: &Window, event: &WindowEvent) {
    if let WindowEvent::CloseRequested { api, .. } = event
        && window.try_state::<Kiosk>().is_some_and(|kiosk| kiosk.active())
    {
        api.prevent_close();
    }
}

fn full_screen(window: &Window, on: bool) {
    if let Err(e) = window.set_fullscreen(on) {
        tracing::warn!("the kiosk window could not be made full screen ({on}): {e}");
    }
}

/// The kiosk's event, when the window is one (a reloaded window finds its way back).
#[tauri::command]
pub fn kiosk_event(kiosk: State<'_, Kiosk>) -> Option<KioskEvent> {
    kiosk.session().as_ref().map(|s| KioskEvent { event_id: s.event_id, event_name: s.event_name.clone() })
}

/// Makes the window a full-screen kiosk for the event, until `leave_kiosk` with this PIN.
#[tauri::command]
pub async fn enter_kiosk(
    window: Window,
    state: State<'_, AppState>,
    kiosk: State<'_, Kiosk>,
    event: Uuid,
    pin: String,
) -> Result<KioskEvent, AppError> {
    if !(4..=8).contains(&pin.len()) || !pin.bytes().all(|b| b.is_ascii_digit()) {
        return Err(AppError::Rule(DomainError::invalid("PIN", "4 to 8 digits")));
    }
    kiosk.refuse()?;
    let event_name = with_store(&state, move |store, _| {
        let summary = store.events()?.into_iter().find(|s| s.event.id == event);
        summary.map(|s| s.event.name).ok_or_else(|| StoreError::from(DomainError::not_found("event", event)))
    })
    .await?;
    *kiosk.session() = Some(Session {
        event_id: event,
        event_name: event_name.clone(),
        pin: Pin::new(&pin),
        wrong: 0,
        next_try: None,
        visitor: None,
    });
    full_screen(&window, true);
    Ok(KioskEvent { event_id: event, event_name })
}

/// Ends kiosk mode with the recruiter's PIN. After a few wrong ones, each try waits a while.
#[tauri::command]
pub fn leave_kiosk(window: Window, kiosk: State<'_, Kiosk>, pin: String) -> Result<(), AppError> {
    let mut guard = kiosk.session();
    let Some(session) = guard.as_mut() else { return Ok(()) };
    session.unlock(&pin, Instant::now()).map_err(|why| refused(&why))?;
    *guard = None;
    drop(guard);
    full_screen(&window, false);
    Ok(())
}

/// The visitor who typed this email (exactly) or scanned this code, if they are here: only
/// their first name, and whether they already checked in.
#[tauri::command]
pub async fn kiosk_lookup(
    state: State<'_, AppState>,
    kiosk: State<'_, Kiosk>,
    input: String,
) -> Result<Option<Visitor>, AppError> {
    let event = kiosk.event()?;
    let found = with_store(&state, move |store, _| store.kiosk_lookup(event, &input)).await?;
    kiosk.set_visitor(found.clone());
    Ok(found.map(|p| Visitor { first_name: p.first_name, attended: p.attended }))
}

/// Checks in the visitor the last lookup found (they confirmed their name).
#[tauri::command]
pub async fn kiosk_check_in(state: State<'_, AppState>, kiosk: State<'_, Kiosk>) -> Result<Visitor, AppError> {
    let event = kiosk.event()?;
    let visitor = kiosk.visitor().ok_or_else(|| refused("Type your email or scan your code first"))?;
    let candidate = visitor.candidate_id;
    let outcome = with_store(&state, move |store, user| check_in_once(store, user, event, candidate, true)).await?;
    kiosk.set_visitor(None);
    if matches!(outcome, CheckIn::CheckedIn { .. }) {
        state.changed();
    }
    Ok(Visitor { first_name: visitor.first_name, attended: matches!(outcome, CheckIn::Already { .. }) })
}

/// A visitor signs up: registered and checked in as a walk-in — unless their email is known
/// here, when they are asked to confirm it is them instead (no duplicate made).
#[tauri::command]
pub async fn kiosk_sign_up(
    state: State<'_, AppState>,
    kiosk: State<'_, Kiosk>,
    sign_up: SignUp,
) -> Result<SignedUp, AppError> {
    let event = kiosk.event()?;
    let email = sign_up.profile.email.clone().unwrap_or_default();
    let known = with_store(&state, move |store, _| store.kiosk_lookup(event, &email)).await?;
    if let Some(person) = known {
        kiosk.set_visitor(Some(person.clone()));
        return Ok(SignedUp::Known(Visitor { first_name: person.first_name, attended: person.attended }));
    }
    let first_name = sign_up.profile.first_name.trim().to_owned();
    let walk_in =
        WalkIn { profile: sign_up.profile, interests: sign_up.interests, consent: sign_up.consent, resume: None };
    with_store(&state, move |store, user| walk_in::save(store, user, event, walk_in, None, true)).await?;
    kiosk.set_visitor(None);
    state.changed();
    Ok(SignedUp::Welcome { first_name })
}

/// The next visitor: whoever was found is forgotten (idle, or "Start over").
#[tauri::command]
pub fn kiosk_forget(kiosk: State<'_, Kiosk>) {
    kiosk.set_visitor(None);
}

#[cfg(test)]
mod tests {
    use super::*;

    fn session(pin: &str) -> Session {
        Session {
            event_id: Uuid::nil(),
            event_name: "Fair".into(),
            pin: Pin::new(pin),
            wrong: 0,
            next_try: None,
            visitor: None,
        }
    }

    #[test]
    fn only_the_pin_set_unlocks_and_it_is_kept_salted() {
        let (a, b) = (Pin::new("2468"), Pin::new("2468"));
        assert!(a.matches("2468") && !a.matches("2469") && !a.matches(""));
        assert_ne!(a.hash, b.hash, "the same PIN hashes differently under each salt");
        assert!(session("2468").unlock("2468", Instant::now()).is_ok());
    }

    #[test]
    fn after_three_wrong_pins_each_try_waits_even_with_the_right_one() {
        let mut kiosk = session("2468");
        let start = Instant::now();
        for _ in 0..FREE_TRIES {
            assert_eq!(kiosk.unlock("0000", start).unwrap_err(), "That PIN is not the one set for this kiosk");
        }
        let waiting = kiosk.unlock("2468", start + Duration::from_secs(10)).unwrap_err();
        assert_eq!(waiting, "Too many wrong PINs: try again in 21 s");
        assert!(kiosk.unlock("2468", start + TRY_AGAIN_AFTER).is_ok(), "the wait over, the PIN works");
    }
}
