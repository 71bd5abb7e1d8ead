//! Many resumes at once: folders and .zip archives become a queue (archive entries unpacked
//! only into the folder given, whatever their names say; a zip bomb refused before it is
//! written), and the queue is read in isolated readers in parallel, each file's fate in order.

use std::io::Write;
use std::path::{Path, PathBuf};
use std::sync::Mutex;

use talentdesk_resume::batch::{self, RefusedBecause, Step};
use talentdesk_resume::{Isolated, ResumeError};

fn reader() -> Isolated {
    Isolated::new(env!("CARGO_BIN_EXE_talentdesk-extract"), &[])
}

fn resume(name: &str) -> String {
    format!(
        "{name}\n{}@example.com\n+44 20 7946 0000\n\nSkills\nRust, SQL, Kubernetes\n",
        name.to_lowercase().replace(' ', ".")
    )
}

fn zip_of(entries: &[(&str, &[u8])]) -> Vec<u8> {
    let mut zip = zip::ZipWriter::new(std::io::Cursor::new(Vec::new()));
    let options = zip::write::SimpleFileOptions::default().compression_method(zip::CompressionMethod::Deflated);
    for (name, bytes) in entries {
        zip.start_file(*name, options).unwrap();
        zip.write_all(bytes).unwrap();
    }
    zip.finish().unwrap().into_inner()
}

fn names(c: &batch::Collected) -> Vec<&str> {
    c.queued.iter().map(|q| q.name.as_str()).collect()
}

#[test]
fn a_folder_gives_its_files_and_its_subfolders_files_but_not_hidden_ones() {
    let dropped = tempfile::tempdir().unwrap();
    let folder = dropped.path().join("fair");
    std::fs::create_dir_all(folder.join("day 2")).unwrap();
    std::fs::write(folder.join("ana.txt"), resume("Ana Lind")).unwrap();
    std::fs::write(folder.join("day 2/ben.txt"), resume("Ben Okoro")).unwrap();
    std::fs::write(folder.join(".DS_Store"), b"\0\0").unwrap();
    let single = dropped.path().join("cara.txt");
    std::fs::write(&single, resume("Cara Diaz")).unwrap();
    let unpack = tempfile::tempdir().unwrap();

    let c = batch::collect(&[folder, single], unpack.path());
    assert_eq!(names(&c), ["fair/ana.txt", "fair/day 2/ben.txt", "cara.txt"]);
    assert!(c.refused.is_empty(), "{:?}", c.refused);
}

#[test]
fn an_archive_unpacks_only_into_the_folder_given_whatever_its_names_say() {
    let dropped = tempfile::tempdir().unwrap();
    let archive = dropped.path().join("cvs.zip");
    let (ana, ben, cara) = (resume("Ana Lind"), resume("Ben Okoro"), resume("Cara Diaz"));
    let entries: [(&str, &[u8]); 6] = [
        ("../../escaped.txt", ana.as_bytes()),
        ("/etc/absolute.txt", ben.as_bytes()),
        ("nested/dir/cara.txt", cara.as_bytes()),
        ("other/cara.txt", cara.as_bytes()),
        ("__MACOSX/._cara.txt", b"resource fork"),
        ("folder/", b""),
    ];
    std::fs::write(&archive, zip_of(&entries)).unwrap();
    let unpack = tempfile::tempdir().unwrap();

    let c = batch::collect(std::slice::from_ref(&archive), unpack.path());
    assert_eq!(
        names(&c),
        ["cvs.zip › escaped.txt", "cvs.zip › absolute.txt", "cvs.zip › cara.txt", "cvs.zip › cara.txt"]
    );
    for q in &c.queued {
        assert_eq!(q.path.parent(), Some(unpack.path()), "{} unpacked at {}", q.name, q.path.display());
    }
    let files: Vec<PathBuf> = c.queued.iter().map(|q| q.path.clone()).collect();
    assert_ne!(files[2], files[3], "two entries of one name are two files");
    assert_eq!(std::fs::read_to_string(&files[3]).unwrap(), cara);
    assert!(!dropped.path().join("escaped.txt").exists() && !Path::new("/etc/absolute.txt").exists());
}

#[test]
fn a_zip_bomb_is_refused_before_anything_of_it_is_written() {
    let dropped = tempfile::tempdir().unwrap();
    let archive = dropped.path().join("bomb.zip");
    // 26 MB of zeros deflate to a few KB; the header may say anything.
    let zeros = vec![0u8; (talentdesk_resume::MAX_BYTES + 1024) as usize];
    std::fs::write(&archive, zip_of(&[("huge.txt", &zeros)])).unwrap();
    assert!(std::fs::metadata(&archive).unwrap().len() < 1 << 20);
    std::fs::write(dropped.path().join("not-a-zip.zip"), b"plain text, named .zip").unwrap();
    let unpack = tempfile::tempdir().unwrap();

    let c = batch::collect(&[archive, dropped.path().join("not-a-zip.zip")], unpack.path());
    assert!(c.queued.is_empty());
    assert_eq!(c.refused[0].name, "bomb.zip");
    assert_eq!(c.refused[0].reason, RefusedBecause::TooLarge { limit_mb: 25 });
    assert_eq!(c.refused[1].name, "not-a-zip.zip");
    assert!(matches!(c.refused[1].reason, RefusedBecause::Unreadable { .. }));
    assert_eq!(std::fs::read_dir(unpack.path()).unwrap().count(), 0, "nothing unpacked");
}

#[test]
fn the_queue_is_read_in_parallel_each_file_in_its_place_a_corrupt_one_with_its_reason() {
    let dir = tempfile::tempdir().unwrap();
    let mut files = Vec::new();
    for (i, name) in ["Ana Lind", "Ben Okoro", "Cara Diaz", "Dev Patel", "Eli Moreau"].iter().enumerate() {
        let path = dir.path().join(format!("{i}.txt"));
        std::fs::write(&path, resume(name)).unwrap();
        files.push(path);
    }
    let corrupt = dir.path().join("corrupt.pdf");
    std::fs::write(&corrupt, b"%PDF-1.7\n1 0 obj << /Type /Catalog /Pages 9 0 R >> endobj\ntrailer << /Root 1 0 R >>")
        .unwrap();
    files.insert(2, corrupt);
    let heard = Mutex::new(Vec::new());

    let results = batch::read_all(&reader(), &files, 3, |i, step| heard.lock().unwrap().push((i, step.clone())));
    assert_eq!(results.len(), 6);
    let names: Vec<String> =
        results.iter().map(|r| r.as_ref().ok().and_then(|p| p.name.clone()).unwrap_or_default()).collect();
    assert_eq!(names, ["Ana Lind", "Ben Okoro", "", "Cara Diaz", "Dev Patel", "Eli Moreau"]);
    assert!(matches!(results[2], Err(ResumeError::Damaged(_) | ResumeError::Failed(_))), "{:?}", results[2]);
    assert_eq!(results[0].as_ref().unwrap().email.as_deref(), Some("ana.lind@example.com"));
    let heard = heard.into_inner().unwrap();
    for i in 0..6 {
        let steps: Vec<&Step> = heard.iter().filter(|(j, _)| *j == i).map(|(_, s)| s).collect();
        assert_eq!(steps[0], &Step::Reading, "file {i} starts");
        let ended_well = matches!(steps[1], Step::Read);
        assert_eq!(ended_well, i != 2, "file {i} ends as it went: {:?}", steps[1]);
    }
}
