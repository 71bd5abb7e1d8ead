//! Who acts on the server besides the people who sign in: the candidates themselves, through
//! the pages the server serves them (sign-up, preferences, replies to texts), and partners,
//! through their API keys. Each is a user that never signs in and is not on the team, so what
//! they do is a mutation like a recruiter's: checked by the same rules, taken exactly once
//! (`push::take_as`), and named in the candidate's history by the label kept as their email.

use sqlx::PgConnection;
use talentdesk_domain::user::User;
use uuid::Uuid;

use crate::db::users;

/// How history names what candidates did themselves.
pub const SELF_SERVICE_LABEL: &str = "Candidate (self-service)";

/// The org's self-service actor: what candidates do on the server's pages is theirs.
pub async fn self_service(conn: &mut PgConnection, org: Uuid) -> sqlx::Result<User> {
    users::self_service_actor(conn, org, SELF_SERVICE_LABEL).await
}

/// A new partner key's actor, named after the key ("Crosschq (partner)"): one per key.
pub async fn partner(conn: &mut PgConnection, org: Uuid, name: &str) -> sqlx::Result<User> {
    users::insert_partner_actor(conn, org, &format!("{name} (partner)")).await
}

#[cfg(test)]
mod tests {
    use talentdesk_domain::candidate::{Profile, ProfileType};
    use talentdesk_domain::history::HistoryEntry;
    use talentdesk_domain::mutation::Mutation;
    use talentdesk_sync::wire::{PushOutcome, RecordKind};

    use super::*;
    use crate::db::records;
    use crate::push::take_as;

    fn sign_up(id: Uuid, first: &str) -> Mutation {
        let profile = Profile { first_name: first.into(), last_name: "Okafor".into(), ..Profile::default() };
        Mutation::CandidateCreate { candidate_id: id, profile, profile_type: ProfileType::CandidateAuthenticated }
    }

    #[tokio::test(flavor = "multi_thread")]
    async fn what_candidates_do_themselves_is_taken_once_each_and_named_in_their_history() {
        let pool = crate::db::connect(&crate::testing::postgres::new_database().await, 4).await.unwrap();
        let org = crate::admin::create_org(&pool, "Acme").await.unwrap();
        let mut conn = pool.acquire().await.unwrap();
        // Made once, however many pages ask for it at once.
        let (a, b) = tokio::join!(self_service(&mut conn, org), async {
            let mut other = pool.acquire().await.unwrap();
            self_service(&mut other, org).await
        });
        let actor = a.unwrap();
        assert_eq!(actor.id, b.unwrap().id);
        // Nobody signs in as it, and the team does not list it.
        assert!(users::by_email(&mut conn, SELF_SERVICE_LABEL).await.unwrap().is_none());
        assert!(users::members(&mut conn, org, None).await.unwrap().is_empty());

        let (ada, bo) = (talentdesk_domain::new_id(), talentdesk_domain::new_id());
        let first = take_as(&pool, org, &actor, vec![sign_up(ada, "Ada")]).await.unwrap();
        assert!(matches!(first[..], [PushOutcome::Applied { .. }]), "{first:?}");
        // Numbered after the first: the second is a new change, not a replay of it.
        let second = take_as(&pool, org, &actor, vec![sign_up(bo, "Bo"), sign_up(ada, "Ada")]).await.unwrap();
        assert!(matches!(second[0], PushOutcome::Applied { .. }), "{second:?}");
        assert!(matches!(second[1], PushOutcome::Rejected { .. }), "the same person twice: {second:?}");

        for id in [ada, bo] {
            let history: Vec<HistoryEntry> =
                records::of_candidate(&mut conn, org, RecordKind::History, id).await.unwrap();
            assert_eq!(history.len(), 1, "{history:?}");
            assert_eq!(history[0].actor_email, SELF_SERVICE_LABEL);
        }
    }

    #[tokio::test(flavor = "multi_thread")]
    async fn each_partner_key_acts_under_its_own_name() {
        let pool = crate::db::connect(&crate::testing::postgres::new_database().await, 4).await.unwrap();
        let org = crate::admin::create_org(&pool, "Acme").await.unwrap();
        let mut conn = pool.acquire().await.unwrap();
        let one = partner(&mut conn, org, "Crosschq").await.unwrap();
        // Two keys may carry the same name; each is its own actor.
        let two = partner(&mut conn, org, "Crosschq").await.unwrap();
        assert_ne!(one.id, two.id);
        assert_eq!(one.email, "Crosschq (partner)");
        assert!(users::members(&mut conn, org, None).await.unwrap().is_empty());
        let id = talentdesk_domain::new_id();
        let taken = take_as(&pool, org, &two, vec![sign_up(id, "Cy")]).await.unwrap();
        assert!(matches!(taken[..], [PushOutcome::Applied { .. }]), "{taken:?}");
        let history: Vec<HistoryEntry> = records::of_candidate(&mut conn, org, RecordKind::History, id).await.unwrap();
        assert_eq!(history[0].actor_email, "Crosschq (partner)");
    }
}
