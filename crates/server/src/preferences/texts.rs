//! The preferences page's words, in English and German. `{date}`, `{reason}` and `{org}` are
//! put in by the page (escaped there).

use crate::public_page::Lang;

pub struct Texts {
    pub title: &'static str,
    pub greeting: &'static str,
    pub interests: &'static str,
    pub interests_hint: &'static str,
    pub no_areas: &'static str,
    pub save_interests: &'static str,
    pub interests_saved: &'static str,
    pub campaigns: &'static str,
    pub subscribed: &'static str,
    pub unsubscribe: &'static str,
    pub unsubscribed: &'static str,
    pub forget: &'static str,
    pub forget_intro: &'static str,
    pub forget_confirm: &'static str,
    pub forget_button: &'static str,
    pub forget_asked: &'static str,
    pub forget_declined: &'static str,
    pub forget_unconfirmed: &'static str,
    pub not_saved: &'static str,
    pub forged_title: &'static str,
    pub forged: &'static str,
    pub expired_title: &'static str,
    pub expired: &'static str,
    pub gone_title: &'static str,
    pub gone: &'static str,
    pub unavailable_title: &'static str,
    pub unavailable: &'static str,
    pub one_click_title: &'static str,
    pub one_click: &'static str,
}

pub fn of(lang: Lang) -> &'static Texts {
    match lang {
        Lang::En => &EN,
        Lang::De => &DE,
    }
}

const EN: Texts = Texts {
    title: "Your preferences",
    greeting: "Hello {name}, here you choose what {org} may send you and what it keeps about you.",
    interests: "Areas of interest",
    interests_hint: "We tell you about roles in the areas you choose.",
    no_areas: "There are no areas to choose from yet.",
    save_interests: "Save my areas of interest",
    interests_saved: "Your areas of interest are saved.",
    campaigns: "Emails about roles and events",
    subscribed: "You receive our emails about roles and events.",
    unsubscribe: "Unsubscribe",
    unsubscribed: "You are unsubscribed: we send you no more emails about roles and events.",
    forget: "Be forgotten",
    forget_intro: "Ask us to delete everything we keep about you: your profile, documents, notes and messages. \
                   A person on our team handles the request.",
    forget_confirm: "Yes, delete everything {org} keeps about me",
    forget_button: "Ask to be forgotten",
    forget_asked: "You asked to be forgotten on {date}. Our team handles the request; you need to do nothing more.",
    forget_declined: "We could not delete your data yet: {reason}. You may ask again.",
    forget_unconfirmed: "Tick the box to confirm that everything about you should be deleted.",
    not_saved: "This could not be saved: {reason}",
    forged_title: "This link does not work",
    forged: "The link is incomplete or was changed. Open it again from the email, or ask the sender for a new one.",
    expired_title: "This link has expired",
    expired: "For your protection, links to your preferences work for a limited time. Use the link in a newer \
              email from us, or ask the sender for a new one.",
    gone_title: "Nothing to manage",
    gone: "We keep no profile for this link any more.",
    unavailable_title: "Please try again later",
    unavailable: "The page cannot be shown right now. Nothing was changed.",
    one_click_title: "You are unsubscribed",
    one_click: "We send you no more emails about roles and events.",
};

const DE: Texts = Texts {
    title: "Ihre Einstellungen",
    greeting: "Hallo {name}, hier legen Sie fest, was {org} Ihnen schicken darf und was über Sie gespeichert bleibt.",
    interests: "Interessensgebiete",
    interests_hint: "Wir informieren Sie über Stellen in den Gebieten, die Sie wählen.",
    no_areas: "Es gibt noch keine Gebiete zur Auswahl.",
    save_interests: "Interessensgebiete speichern",
    interests_saved: "Ihre Interessensgebiete sind gespeichert.",
    campaigns: "E-Mails zu Stellen und Veranstaltungen",
    subscribed: "Sie erhalten unsere E-Mails zu Stellen und Veranstaltungen.",
    unsubscribe: "Abmelden",
    unsubscribed: "Sie sind abgemeldet: Wir senden Ihnen keine E-Mails zu Stellen und Veranstaltungen mehr.",
    forget: "Daten löschen lassen",
    forget_intro: "Bitten Sie uns, alles zu löschen, was wir über Sie speichern: Ihr Profil, Dokumente, Notizen und \
                   Nachrichten. Eine Person aus unserem Team bearbeitet die Anfrage.",
    forget_confirm: "Ja, {org} soll alles löschen, was über mich gespeichert ist",
    forget_button: "Löschung beantragen",
    forget_asked: "Sie haben am {date} um Löschung gebeten. Unser Team bearbeitet die Anfrage; Sie müssen nichts \
                   weiter tun.",
    forget_declined: "Wir konnten Ihre Daten noch nicht löschen: {reason}. Sie können erneut darum bitten.",
    forget_unconfirmed: "Bitte bestätigen Sie mit dem Häkchen, dass alles über Sie gelöscht werden soll.",
    not_saved: "Das konnte nicht gespeichert werden: {reason}",
    forged_title: "Dieser Link funktioniert nicht",
    forged: "Der Link ist unvollständig oder wurde verändert. Öffnen Sie ihn erneut aus der E-Mail oder bitten Sie \
             den Absender um einen neuen.",
    expired_title: "Dieser Link ist abgelaufen",
    expired: "Zu Ihrem Schutz gelten Links zu Ihren Einstellungen nur begrenzte Zeit. Nutzen Sie den Link in einer \
              neueren E-Mail von uns oder bitten Sie den Absender um einen neuen.",
    gone_title: "Nichts zu verwalten",
    gone: "Zu diesem Link ist kein Profil mehr gespeichert.",
    unavailable_title: "Bitte versuchen Sie es später erneut",
    unavailable: "Die Seite kann gerade nicht angezeigt werden. Es wurde nichts geändert.",
    one_click_title: "Sie sind abgemeldet",
    one_click: "Wir senden Ihnen keine E-Mails zu Stellen und Veranstaltungen mehr.",
};
