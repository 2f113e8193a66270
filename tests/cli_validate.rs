//! The `validate` command: exit codes and output, as a script would see them.

use std::path::Path;
use std::process::Command;

fn run(args: &[&str]) -> (i32, String, String) {
    let out = Command::new(env!("CARGO_BIN_EXE_partnership-atlas"))
        .args(args)
        .current_dir(env!("CARGO_MANIFEST_DIR"))
        .output()
        .expect("the binary runs");
    (
        out.status.code().unwrap_or(-1),
        String::from_utf8_lossy(&out.stdout).into_owned(),
        String::from_utf8_lossy(&out.stderr).into_owned(),
    )
}

#[test]
fn a_valid_store_exits_zero_with_a_one_line_summary() {
    let (code, out, _) = run(&["validate", "tests/fixtures/good/minimal.ron"]);
    assert_eq!(code, 0);
    assert_eq!(out.lines().count(), 1);
    assert!(out.contains("1 partnerships"), "{out}");
}

#[test]
fn the_shipped_seeds_folder_validates() {
    assert!(Path::new(env!("CARGO_MANIFEST_DIR")).join("seeds").is_dir());
    let (code, out, err) = run(&["validate", "seeds"]);
    assert_eq!(code, 0, "{out}{err}");
}

#[test]
fn an_invalid_store_exits_one_and_prints_every_problem_with_position() {
    let (code, out, _) = run(&["validate", "tests/fixtures/bad/semantic.ron"]);
    assert_eq!(code, 1);
    let lines: Vec<&str> = out.lines().collect();
    assert!(lines.len() >= 9, "{out}");
    for l in lines {
        let mut parts = l.splitn(4, ':');
        let (file, line, col) = (parts.next(), parts.next(), parts.next());
        assert!(file.is_some_and(|f| f.ends_with("semantic.ron")), "{l}");
        assert!(line.is_some_and(|n| n.parse::<usize>().is_ok()), "{l}");
        assert!(col.is_some_and(|n| n.parse::<usize>().is_ok()), "{l}");
    }
}

#[test]
fn an_unreadable_path_exits_two() {
    let (code, _, err) = run(&["validate", "tests/fixtures/nope.ron"]);
    assert_eq!(code, 2);
    assert!(err.contains("cannot read"), "{err}");
}

#[test]
fn wrong_arguments_exit_two_with_usage() {
    let (code, _, err) = run(&["validate"]);
    assert_eq!(code, 2);
    assert!(err.to_lowercase().contains("usage"), "{err}");
}

#[test]
fn help_explains_every_command() {
    let (code, out, _) = run(&["--help"]);
    assert_eq!(code, 0);
    for word in ["validate", "--store", "--smoke", "--notes"] {
        assert!(out.contains(word), "help lacks {word}:\n{out}");
    }
}

#[test]
fn several_paths_are_all_checked_and_the_worst_status_wins() {
    let (code, out, _) = run(&[
        "validate",
        "tests/fixtures/good/minimal.ron",
        "tests/fixtures/bad/syntax.ron",
    ]);
    assert_eq!(code, 1);
    assert!(out.contains("valid"));
    assert!(out.contains("syntax.ron:4:"));
}
