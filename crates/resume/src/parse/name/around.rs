//! What is set around a name and is no part of it: titles before it ("Dr.", "Dipl.-Ing."),
//! a title page's words ("Lebenslauf von"), a job title or a name in another script after it,
//! and letters after it ("RN, BSN", "BEng CEng MIET").

use super::{NOT_NAMES, could_be_a_name, in_capitals, words};

/// Letters after a name without a comma ("DELA CRUZ-SANTOS RPN"), and a generation's suffix
/// ("III", "Jr."): what a recruiter would not type as the name, or types as written.
#[rustfmt::skip]
pub(super) const POST_NOMINALS: &[&str] = &[
    "rn", "rpn", "lpn", "bsn", "msn", "np", "cna", "cpa", "cma", "acca", "aca", "cfa", "mba", "phd", "md", "pmp",
    "mcipd", "chrp", "cphr", "esq", "esq.",
    // Degrees and chartered memberships set after a British or Irish name ("Gareth Moss BEng
    // CEng MIET", "Priya Shah FIA").
    "beng", "meng", "ceng", "ieng", "bsc", "msc", "llb", "llm", "fia", "fca", "fcca", "acma", "fcma", "miet",
    "mimeche", "mice", "mirse", "mciob", "rgn", "rmn", "mcsp", "(hons)", "ma", "ba", "mphil", "dphil", "mres",
    "mrics", "frics", "pgce", "fhea", "cmgr", "mcips", "pgdip",
    // Veterinary, computing, insurance and tax registers ("Kirsty MacAulay RVN").
    "rvn", "mrcvs", "frcvs", "bvsc", "bvms", "mbcs", "acii", "cta", "mcmi",
];

/// Titles set before a name that are no part of what a recruiter types as it ("Dr. Anna
/// Weber", "Dipl.-Ing. Jan Nowak", "Mgr Ewa Lis", "Dott.ssa Giulia Bianchi").
#[rustfmt::skip]
const HONORIFICS: &[&str] = &[
    "dr", "dr.", "prof", "prof.", "mr", "mr.", "mrs", "mrs.", "ms", "ms.", "mx", "dipl.-ing.",
    "dipl.-kfm.", "dipl.", "ing.", "mag.", "mgr", "mgr.", "inż.", "lic.", "dott.", "dott.ssa", "avv.", "sr.",
    "sra.", "dña.", "mme", "drs.", "ir.", "mr.drs.", "geom.", "enf.", "enf.ª", "arq.", "arq.ª", "eng.", "eng.º",
    "eng.ª", "dra.", "dr.ª", "arch.", "rag.", "prof.ssa", "dr.-ing.", "dr.med.", "hab.", "mag.a",
];

/// A line that is only titles ("DR.", "DIPL.-ING.", "ARQ."), set above a banner's name.
pub(super) fn only_honorifics(line: &str) -> bool {
    let words: Vec<&str> = line.split_whitespace().collect();
    !words.is_empty() && words.iter().all(|w| HONORIFICS.contains(&w.to_lowercase().as_str()))
}

pub(super) fn without_honorifics(line: &str) -> &str {
    let mut rest = line;
    while let Some((first, after)) = rest.split_once(' ') {
        if !HONORIFICS.contains(&first.to_lowercase().as_str()) {
            break;
        }
        rest = after.trim_start();
    }
    rest
}

/// "Lebenslauf von Anna Weber", "Curriculum vitae de Ana Pérez", "CV of Tom Hale": the name
/// after the words of a title page.
pub(super) fn without_title_page_word(line: &str) -> &str {
    // "Curriculum vitae Europass de Lucía García Ortega": such words one after another.
    let rest = without_one_title_page_word(line);
    if rest.len() < line.len() { without_title_page_word(rest) } else { line }
}

fn without_one_title_page_word(line: &str) -> &str {
    let lower = line.to_lowercase();
    let longest = NOT_NAMES
        .iter()
        .filter_map(|word| {
            let rest = lower.strip_prefix(word)?.strip_prefix(' ')?;
            let of = ["of ", "von ", "de ", "di ", "van ", "do ", "da "].iter().find(|of| rest.starts_with(*of));
            Some(word.len() + 1 + of.map_or(0, |of| of.len()))
        })
        .max();
    match longest.and_then(|at| line.get(at..)) {
        Some(rest) if !rest.trim().is_empty() => rest.trim(),
        _ => line,
    }
}

/// "LENA FISCHER Registered Nurse" as "LENA FISCHER": a job title set on the name's line with
/// no mark between them (a banner's two pieces of text on one baseline), told from the name
/// by its case (one in capitals, the other not). Without that sign the line stays whole: which
/// words are the title's ("Sous", "Registered") cannot be told from a surname.
pub(super) fn without_title_after(line: &str) -> &str {
    let words: Vec<&str> = line.split_whitespace().collect();
    let starts: Vec<usize> = words.iter().map(|w| w.as_ptr() as usize - line.as_ptr() as usize).collect();
    let capitals = |ws: &[&str]| ws.iter().all(|w| in_capitals(w));
    let mixed = |ws: &[&str]| ws.iter().all(|w| !in_capitals(w));
    (2..words.len())
        .find(|&k| {
            let (head, tail) = words.split_at(k);
            ((capitals(head) && mixed(tail)) || (mixed(head) && capitals(tail)))
                && words::names_a_job(&tail.join(" "))
                && could_be_a_name(line[..starts[k]].trim_end())
        })
        .map_or(line, |k| line[..starts[k]].trim_end())
}

/// "Dmitri Volkov (Дмитрий Волков)" as "Dmitri Volkov": the name in another script, or a
/// nickname, in parentheses after it.
pub(super) fn without_parenthesis(line: &str) -> &str {
    match line.split_once(" (") {
        Some((name, rest)) if rest.ends_with(')') => name.trim(),
        _ => line,
    }
}

/// "Rosa Delgado, RN, BSN" as "Rosa Delgado": letters after a name, each a short
/// abbreviation with capitals (ACA, MBA, PhD), or a job title ("Sofia Rossi, Receptionist").
pub(super) fn without_credentials(line: &str) -> &str {
    let line = without_trailing_post_nominals(line);
    let mut pieces = line.split(", ");
    let name = pieces.next().unwrap_or(line);
    let abbreviation = |w: &str| w.chars().count() <= 6 && w.chars().filter(|c| c.is_uppercase()).count() >= 2;
    // A membership of a word or three around an abbreviation ("Assoc CIPD", "Chartered MCIPD").
    let membership = |p: &str| {
        let words: Vec<&str> = p.split_whitespace().collect();
        (2..=3).contains(&words.len())
            && words.iter().any(|w| abbreviation(w))
            && words.iter().all(|w| w.chars().count() <= 9 && w.starts_with(char::is_uppercase))
    };
    // A credential's name in words after its letters ("CFA Level III Candidate").
    let named_after_letters = |p: &str| {
        let first = p.split_whitespace().next().unwrap_or_default().to_lowercase();
        POST_NOMINALS.contains(&first.as_str()) && p.split_whitespace().count() <= 4
    };
    let credential = |p: &str| {
        (abbreviation(p) && !p.contains(' ')) || membership(p) || named_after_letters(p) || words::names_a_job(p)
    };
    let mut rest = pieces.peekable();
    // "Rosa Delgado MSc, Registered Nurse": the first letters stand before the comma.
    if rest.peek().is_some() && rest.all(credential) { without_trailing_post_nominals(name.trim()) } else { line }
}

/// "MARIA DELA CRUZ-SANTOS RPN" without its post-nominal letters set after a space.
/// Beside a name in small letters, letters as a degree sets them are one too: two capitals
/// or more and as many small letters at most ("BEng", "PhD"; not "McKay", "DeShawn", and not
/// a surname in capitals, "Claire DUBOIS"). A word in capitals after known letters is one
/// more ("BSc (Hons) MRICS", "MBA CMBE"): a surname is never set after a degree.
fn without_trailing_post_nominals(line: &str) -> &str {
    let line = line.trim_end();
    let cased = |t: &str| t.chars().any(char::is_lowercase);
    let letters = |w: &str| {
        let upper = w.chars().filter(|c| c.is_uppercase()).count();
        let lower = w.chars().filter(|c| c.is_lowercase()).count();
        upper >= 2 && lower >= 1 && upper >= lower && w.chars().all(char::is_alphabetic)
    };
    let words: Vec<&str> = line.split_whitespace().collect();
    // "Ma" and "Ba" are surnames too ("Wei Ming Ma", "Tran Van Ba"): degrees only in capitals
    // beside a name in small letters ("Niamh O'Rourke MA").
    let surname_too = |w: &str| ["ma", "ba"].contains(&w.to_lowercase().as_str());
    let known = |w: &str, head: &str| {
        let listed = POST_NOMINALS.contains(&w.to_lowercase().as_str());
        if surname_too(w) { w.chars().all(char::is_uppercase) && cased(head) } else { listed || letters(w) }
    };
    let capitals = |w: &str| (2..=6).contains(&w.chars().count()) && w.chars().all(char::is_uppercase);
    // The letters at the end, each known or in capitals after a known one.
    let mut keep = words.len();
    let mut after_known = false;
    for (i, word) in words.iter().enumerate().skip(2) {
        let w = word.trim_end_matches(',');
        let head = words[..i].join(" ");
        if (known(w, &head) && (cased(&head) || POST_NOMINALS.contains(&w.to_lowercase().as_str())))
            || (after_known && capitals(w))
        {
            keep = keep.min(i);
            after_known = true;
        } else {
            keep = words.len();
            after_known = false;
        }
    }
    let end = words.get(keep).map_or(line.len(), |w| w.as_ptr() as usize - line.as_ptr() as usize);
    without_glued_letters(line[..end].trim_end_matches([',', ' ']))
}

/// "Mary-Kate O'SullivanRN": letters a PDF's text ran into the surname, split off when they
/// are known letters after a small one.
fn without_glued_letters(line: &str) -> &str {
    let last = line.rsplit(' ').next().unwrap_or(line);
    let cut = last.char_indices().find(|&(i, c)| {
        c.is_uppercase()
            && last[..i].ends_with(char::is_lowercase)
            && POST_NOMINALS.contains(&last[i..].to_lowercase().as_str())
    });
    match cut {
        Some((i, _)) if line.split_whitespace().count() >= 2 => &line[..line.len() - last.len() + i],
        _ => line,
    }
}
