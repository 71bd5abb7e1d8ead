//! Request and response bodies of the sync API.

use serde::{Deserialize, Serialize};
use serde_json::value::RawValue;
use talentdesk_domain::effects::Conflict;
use talentdesk_domain::mutation::Mutation;
pub use talentdesk_domain::record::RecordKind;
use talentdesk_domain::user::{Role, User};
use talentdesk_domain::{DomainError, Timestamp};
use ts_rs::TS;
use uuid::Uuid;

/// `POST /v1/auth/login`.
#[derive(Debug, Clone, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct LoginRequest {
    pub email: String,
    pub password: String,
}

#[derive(Debug, Clone, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct LoginResponse {
    /// Sent back as `Authorization: Bearer <token>`; the desktop keeps it in the OS keychain.
    pub token: String,
    #[cfg_attr(feature = "openapi", schema(value_type = Object))]
    pub user: User,
    pub org_id: Uuid,
}

/// `POST /v1/sync/push`: a client's mutations in its own order, numbered 1, 2, 3, ...
#[derive(Debug, Clone, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct PushRequest {
    pub client_id: Uuid,
    pub mutations: Vec<PushedMutation>,
}

#[derive(Debug, Clone, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct PushedMutation {
    pub seq: i64,
    /// `name` and `args` of a mutation, e.g. `"name": "tags.add", "args": {...}`.
    #[serde(flatten)]
    #[cfg_attr(feature = "openapi", schema(value_type = Object))]
    pub mutation: Pushed,
    #[cfg_attr(feature = "openapi", schema(value_type = String, format = DateTime))]
    pub created_at: Timestamp,
    /// The mutation's fingerprint as it was made (`talentdesk_domain::mutation::digest`): a
    /// retry carries the same one; another mutation under the same number is refused. A
    /// desktop from before digests sends none, and is answered as before.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub digest: Option<String>,
}

impl PushedMutation {
    /// A mutation made now-ish, with its digest.
    pub fn new(seq: i64, mutation: Mutation, created_at: Timestamp) -> Self {
        let digest = Some(talentdesk_domain::mutation::digest(&mutation, created_at));
        Self { seq, mutation: Pushed::Known(mutation), created_at, digest }
    }
}

/// A pushed mutation's `name` and `args` as its receiver read them. A desktop newer than its
/// server may push a change the server does not know (a name it has not heard of, or arguments
/// it cannot read): that one is kept as it came, to be refused on its own. Failing to read the
/// whole push instead would refuse the changes around it too, and the desktop, sending the
/// same push again and again, would never get past it.
#[derive(Debug, Clone, PartialEq)]
// Nearly every one is known: boxing those would allocate for each to save room on the rare other.
#[allow(clippy::large_enum_variant)]
pub enum Pushed {
    Known(Mutation),
    Unknown {
        name: String,
        args: serde_json::Value,
        /// Why it could not be read, for the receiver's log.
        problem: String,
    },
}

impl Pushed {
    pub fn name(&self) -> String {
        match self {
            Pushed::Known(mutation) => mutation.name(),
            Pushed::Unknown { name, .. } => name.clone(),
        }
    }
}

impl From<Mutation> for Pushed {
    fn from(mutation: Mutation) -> Self {
        Pushed::Known(mutation)
    }
}

/// `name` and `args` alone, as any version writes them.
#[derive(Serialize, Deserialize)]
struct NameAndArgs<T> {
    name: T,
    #[serde(default)]
    args: serde_json::Value,
}

impl Serialize for Pushed {
    fn serialize<S: serde::Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        match self {
            Pushed::Known(mutation) => mutation.serialize(s),
            Pushed::Unknown { name, args, .. } => NameAndArgs { name, args: args.clone() }.serialize(s),
        }
    }
}

impl<'de> Deserialize<'de> for Pushed {
    fn deserialize<D: serde::Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        let value = serde_json::Value::deserialize(d)?;
        match Mutation::deserialize(&value) {
            Ok(mutation) => Ok(Pushed::Known(mutation)),
            // Without a name it is no mutation from any version: the push is malformed.
            Err(problem) => NameAndArgs::<String>::deserialize(value)
                .map(|NameAndArgs { name, args }| Pushed::Unknown { name, args, problem: problem.to_string() })
                .map_err(serde::de::Error::custom),
        }
    }
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct PushResponse {
    /// The highest sequence number the server has taken from this client.
    pub last_seq: i64,
    pub results: Vec<PushResult>,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct PushResult {
    pub seq: i64,
    #[serde(flatten)]
    pub outcome: PushOutcome,
}

/// What became of one pushed mutation. A replay gets the outcome of the first time again.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[serde(tag = "status", rename_all = "snake_case")]
pub enum PushOutcome {
    /// Applied at `version`; `conflicts` lists fields someone else had changed meanwhile.
    Applied {
        version: i64,
        affected: u64,
        #[cfg_attr(feature = "openapi", schema(value_type = Vec<Object>))]
        conflicts: Vec<Conflict>,
    },
    /// The rules refused it; nothing changed. The client shows the reason to its user.
    Rejected {
        #[cfg_attr(feature = "openapi", schema(value_type = Object))]
        #[serde(with = "rule")]
        reason: DomainError,
    },
}

/// `GET /v1/sync/pull?cursor=C&client_id=ID`: what changed after the cursor.
#[derive(Debug, Clone, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct PullResponse {
    pub changes: Vec<Change>,
    /// Where the next pull starts. An empty cursor means from the beginning.
    pub cursor: String,
    /// More changes wait beyond this page: pull again at once.
    pub more: bool,
    /// This client's last sequence number the server has taken: outbox entries up to it are done.
    pub last_seq: i64,
    /// The digest of that mutation, so a replica can tell whether it was its own (a copy of a
    /// replica pushing under the same client id would otherwise make it drop unsent work).
    #[serde(default)]
    pub last_digest: Option<String>,
}

/// One record as of `version`; `data` is absent for a deletion or a record this user may no
/// longer see (a tombstone).
#[derive(Debug, Clone, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct Change {
    pub version: i64,
    #[cfg_attr(feature = "openapi", schema(value_type = String))]
    pub kind: RecordKind,
    pub id: String,
    #[cfg_attr(feature = "openapi", schema(value_type = Object))]
    pub data: Option<Box<RawValue>>,
}

/// `GET /v1/sync/snapshot?after=kind/id`: a gzip-compressed stream of JSON lines, the first a
/// [`SnapshotHeader`], then one [`SnapshotRecord`] per line in (kind, id) order. A broken
/// download resumes with `after` set to the last complete record's `kind/id`.
#[derive(Debug, Clone, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct SnapshotHeader {
    /// The records are the state at this version (or, after a resume, later): pull from it.
    pub version: i64,
    /// How many records follow (from the resume point), for the progress bar.
    pub total: u64,
    /// The history `version` counts in when it is not the first (the server was restored from
    /// a backup): the pull cursor names it, `"<history>:<version>"`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub history: Option<uuid::Uuid>,
}

#[derive(Debug, Clone, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct SnapshotRecord {
    #[cfg_attr(feature = "openapi", schema(value_type = String))]
    pub kind: RecordKind,
    pub id: String,
    #[cfg_attr(feature = "openapi", schema(value_type = Object))]
    pub data: Box<RawValue>,
}

/// Every error body of the API: a stable code for programs and a sentence for people.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct ErrorBody {
    pub error: ErrorDetail,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct ErrorDetail {
    pub code: String,
    pub message: String,
    /// For a sequence gap: the sequence number the server expects next.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub expected_seq: Option<i64>,
    /// The rule that refused the request, for a client to say it in its user's language.
    #[serde(default, skip_serializing_if = "Option::is_none", with = "rule::optional")]
    #[cfg_attr(feature = "openapi", schema(value_type = Option<Object>))]
    pub rule: Option<DomainError>,
}

/// `GET /v1/features`: what this server does beyond the sync protocol, so that a desktop
/// offers only what works. Unknown to an older server (404): nothing beyond sync.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Serialize, Deserialize, TS)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[ts(export)]
pub struct ServerFeatures {
    /// Text messages are sent: a provider is configured. Without one the server refuses
    /// `text.send`, which would otherwise stay queued forever.
    #[serde(default)]
    pub texts: bool,
}

/// `GET /v1/team`: one person of the caller's organisation.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[ts(export)]
pub struct TeamMember {
    #[cfg_attr(feature = "openapi", schema(value_type = Object))]
    pub user: User,
    /// A deactivated user keeps their records but cannot sign in.
    pub active: bool,
    /// When they last signed in, if the server still knows.
    #[cfg_attr(feature = "openapi", schema(value_type = Option<String>, format = DateTime))]
    #[ts(type = "string | null")]
    pub last_sign_in: Option<Timestamp>,
}

/// `POST /v1/team/invitations`: a new teammate.
#[derive(Debug, Clone, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct Invitation {
    pub name: String,
    pub email: String,
    #[cfg_attr(feature = "openapi", schema(value_type = String, example = "recruiter"))]
    pub role: Role,
    /// Their System ID in iCIMS (digits), which Submit to Job needs; none if left out.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[cfg_attr(feature = "openapi", schema(example = "4711"))]
    pub ats_id: Option<String>,
}

/// A password that lets its holder in until they are given or choose another: shown once to
/// the admin, who hands it over.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[ts(export)]
pub struct OneTimePassword {
    pub member: TeamMember,
    pub password: String,
    /// Sign-ins that ended with it (a reset ends every sign-in; an invitation has none).
    #[ts(type = "number")]
    pub ended_sign_ins: u64,
}

/// `PUT /v1/team/{id}/role`.
#[derive(Debug, Clone, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct RoleChange {
    #[cfg_attr(feature = "openapi", schema(value_type = String, example = "recruiter_admin"))]
    pub role: Role,
}

/// `PUT /v1/team/{id}/ats-id`: the teammate's System ID in iCIMS (digits); `null` or empty
/// takes it away.
#[derive(Debug, Clone, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct AtsIdChange {
    #[cfg_attr(feature = "openapi", schema(example = "4711"))]
    pub ats_id: Option<String>,
}

/// `PUT /v1/team/{id}/active`.
#[derive(Debug, Clone, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct Activation {
    pub active: bool,
}

/// `DELETE /v1/team/{id}/sign-ins`: how many were live.
#[derive(Debug, Clone, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct SignInsEnded {
    pub ended: u64,
}

/// A rule's refusal as it travels: its structured form (`kind` and values, for the client to
/// say it in its user's language) and its English sentence (`message`). A desktop older than
/// its server does not know a kind the server added since, or a value inside a kind it knows;
/// it reads such a refusal as `Forbidden` with the server's sentence, rather than failing to
/// read the whole response (and with it every other outcome of the push).
mod rule {
    use serde::de::Error as _;
    use serde::ser::Error as _;
    use serde::{Deserialize, Deserializer, Serialize, Serializer};
    use serde_json::Value;
    use talentdesk_domain::DomainError;

    pub fn serialize<S: Serializer>(rule: &DomainError, s: S) -> Result<S::Ok, S::Error> {
        let mut value = serde_json::to_value(rule).map_err(S::Error::custom)?;
        let Some(fields) = value.as_object_mut() else { return Err(S::Error::custom("a rule is an object")) };
        fields.insert("message".into(), rule.to_string().into());
        value.serialize(s)
    }

    pub fn deserialize<'de, D: Deserializer<'de>>(d: D) -> Result<DomainError, D::Error> {
        let value = Value::deserialize(d)?;
        if !value.is_object() {
            return Err(D::Error::custom("a rule is an object"));
        }
        Ok(understood(value))
    }

    /// The rule, or, for one this version does not know, `Forbidden` with its sentence.
    fn understood(value: Value) -> DomainError {
        DomainError::deserialize(&value).unwrap_or_else(|_| {
            let said = |key: &str| value.get(key).and_then(Value::as_str).map(str::to_owned);
            let reason = said("message").unwrap_or_else(|| {
                format!("refused by a rule this version does not know ({})", said("kind").unwrap_or_default())
            });
            DomainError::Forbidden { reason }
        })
    }

    pub mod optional {
        use super::*;

        pub fn serialize<S: Serializer>(rule: &Option<DomainError>, s: S) -> Result<S::Ok, S::Error> {
            match rule {
                Some(rule) => super::serialize(rule, s),
                None => s.serialize_none(),
            }
        }

        pub fn deserialize<'de, D: Deserializer<'de>>(d: D) -> Result<Option<DomainError>, D::Error> {
            Ok(Option::<Value>::deserialize(d)?.filter(Value::is_object).map(super::understood))
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_pushed_mutation_is_seq_name_args_time_and_digest() {
        let json = r#"{"seq":3,"name":"tag.define","args":{"name":"Veteran"},"created_at":"2026-01-02T03:04:05Z","digest":"ab"}"#;
        let m: PushedMutation = serde_json::from_str(json).unwrap();
        assert_eq!(m.seq, 3);
        assert_eq!(m.mutation, Pushed::Known(Mutation::TagDefine { name: "Veteran".into() }));
        let back = serde_json::to_value(&m).unwrap();
        assert_eq!(back["name"], "tag.define");
        assert_eq!(back["args"]["name"], "Veteran");
        assert_eq!(back["digest"], "ab");
        let before_digests =
            r#"{"seq":3,"name":"tag.define","args":{"name":"Veteran"},"created_at":"2026-01-02T03:04:05Z"}"#;
        assert_eq!(serde_json::from_str::<PushedMutation>(before_digests).unwrap().digest, None);
    }

    #[test]
    fn a_mutation_this_version_does_not_know_reads_as_its_name_and_args() {
        let read = |name: &str, args: serde_json::Value| {
            let json =
                serde_json::json!({ "seq": 1, "name": name, "args": args, "created_at": "2026-01-02T03:04:05Z" });
            serde_json::from_value::<PushedMutation>(json).unwrap().mutation
        };
        let newer = read("candidate.teleport", serde_json::json!({ "to": "Mars" }));
        let Pushed::Unknown { name, args, problem } = &newer else { panic!("{newer:?}") };
        assert_eq!((name.as_str(), &args["to"]), ("candidate.teleport", &serde_json::json!("Mars")));
        assert!(problem.contains("candidate.teleport"), "{problem}");
        // A name this version knows, with arguments it cannot read (a field it does not have yet).
        let Pushed::Unknown { name, problem, .. } = read("tag.define", serde_json::json!({ "label": "Veteran" }))
        else {
            panic!("not read")
        };
        assert_eq!(name, "tag.define");
        assert!(problem.contains("name"), "{problem}");
        // Written again as it came.
        let again = serde_json::to_value(PushedMutation {
            seq: 1,
            mutation: newer,
            created_at: Timestamp::default(),
            digest: None,
        })
        .unwrap();
        assert_eq!(
            (&again["name"], &again["args"]["to"]),
            (&serde_json::json!("candidate.teleport"), &serde_json::json!("Mars"))
        );
        // Without a name it is no mutation at all.
        let nameless = serde_json::json!({ "seq": 1, "args": {}, "created_at": "2026-01-02T03:04:05Z" });
        assert!(serde_json::from_value::<PushedMutation>(nameless).is_err());
    }

    fn outcome(json: serde_json::Value) -> PushOutcome {
        serde_json::from_value(json).unwrap()
    }

    #[test]
    fn a_refusal_travels_as_its_kind_and_its_sentence_and_a_newer_kind_still_reads() {
        let rule = DomainError::NotYours { what: "pipeline".into(), id: "p-1".into() };
        let sent = serde_json::to_value(PushOutcome::Rejected { reason: rule.clone() }).unwrap();
        assert_eq!(sent["reason"]["kind"], "not_yours");
        assert_eq!(sent["reason"]["message"], rule.to_string());
        assert_eq!(outcome(sent), PushOutcome::Rejected { reason: rule });

        // A kind a newer server added: its sentence stands in.
        let newer = serde_json::json!({ "status": "rejected", "reason": {
            "kind": "quota_reached", "limit": 5, "message": "The organisation has used its 5 seats" } });
        let forbidden = DomainError::Forbidden { reason: "The organisation has used its 5 seats".into() };
        assert_eq!(outcome(newer), PushOutcome::Rejected { reason: forbidden });
        // A kind this version knows, with a value inside it that it does not.
        let odd = serde_json::json!({ "status": "rejected", "reason": {
            "kind": "over_bulk_limit", "action": { "x": 1 }, "limit": 1, "requested": 2, "message": "Too many" } });
        assert_eq!(
            outcome(odd),
            PushOutcome::Rejected { reason: DomainError::Forbidden { reason: "Too many".into() } }
        );
        // From a server that sent no sentence: the kind is named.
        let bare = serde_json::json!({ "status": "rejected", "reason": { "kind": "quota_reached" } });
        let PushOutcome::Rejected { reason } = outcome(bare) else { panic!("a refusal") };
        assert!(reason.to_string().contains("quota_reached"), "{reason}");
    }

    #[test]
    fn an_error_body_with_a_rule_this_version_does_not_know_still_reads() {
        let body = serde_json::json!({ "error": { "code": "forbidden", "message": "No seats left",
            "rule": { "kind": "quota_reached", "message": "No seats left" } } });
        let body: ErrorBody = serde_json::from_value(body).unwrap();
        assert_eq!(body.error.rule, Some(DomainError::Forbidden { reason: "No seats left".into() }));
        let known = ErrorBody {
            error: ErrorDetail {
                code: "forbidden".into(),
                message: "x".into(),
                expected_seq: None,
                rule: Some(DomainError::forbidden("only admins")),
            },
        };
        let back: ErrorBody = serde_json::from_value(serde_json::to_value(&known).unwrap()).unwrap();
        assert_eq!(back, known);
    }
}
