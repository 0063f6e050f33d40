//! The plain prompter: numbered options and typed answers, one line at a
//! time, with no cursor movement and no color. Suits screen readers and
//! simple terminals, and can be driven through a pipe.

use crate::words;
use std::io::{BufRead, Write};

use crate::answers::{describe, Answer, Code};
use crate::rules::model::{Question, QuestionKind, Respondent};

use super::prompter::{
    AfterResult, Ask, CrisisChoice, PromptError, Prompter, Reply, ReviewChoice, ReviewItem,
};

/// The longest line read; the rest of a longer line is skipped, so that a
/// runaway input cannot fill the memory.
const MAX_LINE: usize = 4096;

/// Reads answers from `input`, writes prompts to `output`.
pub struct Plain<R, W> {
    input: R,
    output: W,
    /// The language of the run (the crisis block's heading).
    lang: String,
    /// The title was shown at the first step.
    titled: bool,
    /// Lines are typed on the terminal behind standard input: wait for one
    /// in a way that Ctrl-C can end (see [`wait_for_typing`]).
    interruptible: bool,
    /// Text is wrapped to this many columns, at word boundaries.
    width: usize,
}

impl<R: BufRead, W: Write> Plain<R, W> {
    pub fn new(input: R, output: W) -> Self {
        Plain {
            input,
            output,
            lang: "en".to_owned(),
            titled: false,
            interruptible: false,
            width: 80,
        }
    }

    /// Speak `lang` (a language code) where the prompter has words of its own.
    pub fn speaking(mut self, lang: &str) -> Self {
        lang.clone_into(&mut self.lang);
        self
    }

    /// Standard input is the terminal a person types on: Ctrl-C at a
    /// prompt stops the questionnaire there (with the offer to keep the
    /// answers) instead of ending the program at once.
    pub fn interruptible(mut self, yes: bool) -> Self {
        self.interruptible = yes;
        self
    }

    /// Wrap text to `columns` (the terminal's width; at least 40).
    pub fn width(mut self, columns: usize) -> Self {
        self.width = columns.max(40);
        self
    }

    fn words(&self) -> &'static words::Words {
        words::of(&self.lang)
    }

    /// Write `text`, wrapped to the width at word boundaries.
    fn say(&mut self, text: &str) -> Result<(), PromptError> {
        let wrapped = crate::report::wrap_text(text, self.width);
        writeln!(self.output, "{wrapped}")?;
        Ok(())
    }

    /// One numbered choice, its later lines under its first word.
    fn item(&mut self, n: usize, label: &str) -> Result<(), PromptError> {
        let prefix = format!("  {n}. ");
        let label = label.split_whitespace().collect::<Vec<_>>().join(" ");
        let hang = " ".repeat(prefix.len());
        let wrapped = crate::report::wrap_text_from(&label, self.width, prefix.len(), &hang);
        writeln!(self.output, "{prefix}{wrapped}")?;
        Ok(())
    }

    /// The title, underlined, and a blank line.
    fn heading(&mut self, title: &str) -> Result<(), PromptError> {
        self.say(title)?;
        let underline = title.chars().count().min(self.width);
        self.say(&"=".repeat(underline))?;
        self.say("")
    }

    /// Read the answer back in words, for a listener who heard only the
    /// digit they typed.
    fn said(&mut self, answer: &str) -> Result<(), PromptError> {
        let line = self
            .words()
            .with("answered", &[("answer", words::text(answer))]);
        self.say(&line)
    }

    /// Print `prompt` and read one trimmed line; end of input is `Closed`.
    fn line(&mut self, prompt: &str) -> Result<String, PromptError> {
        // A long prompt wraps too; the answer is typed after its last word.
        let wrapped = crate::report::wrap_text(prompt, self.width);
        let space = if prompt.ends_with(' ') { " " } else { "" };
        write!(self.output, "{wrapped}{space}")?;
        self.output.flush()?;
        if self.interruptible {
            if let Err(e) = wait_for_typing() {
                // After the terminal's "^C", the next words start a line.
                writeln!(self.output)?;
                return Err(e);
            }
        }
        match read_line(&mut self.input, MAX_LINE)? {
            Some(line) => {
                let line = line.trim().to_owned();
                // A terminal echoes what was typed; a pipe does not, so the
                // transcript shows it, and what follows starts a new line.
                if !self.interruptible {
                    writeln!(self.output, "{}", crate::error::visible(&line))?;
                }
                Ok(line)
            }
            None => {
                writeln!(self.output)?;
                Err(PromptError::Closed)
            }
        }
    }

    /// Ask until the reply is a number from 1 to `n`.
    fn number(&mut self, prompt: &str, n: usize) -> Result<usize, PromptError> {
        loop {
            let text = self.line(prompt)?;
            match text.parse::<usize>() {
                Ok(k) if (1..=n).contains(&k) => return Ok(k),
                _ => self.say(
                    &self
                        .words()
                        .with("type-number", &[("max", words::number(n))]),
                )?,
            }
        }
    }
}

/// Wait until standard input (a terminal) has a line to read, or Ctrl-C.
/// A terminal hands over one line per read, so nothing typed waits in a
/// buffer unseen. While waiting, the Ctrl-C handler in `main` only marks
/// the key, which ends the wait with `Interrupted`.
fn wait_for_typing() -> Result<(), PromptError> {
    use nix::errno::Errno;
    use nix::poll::{poll, PollFd, PollFlags, PollTimeout};
    use std::os::fd::AsFd;
    use std::sync::atomic::Ordering;

    struct Waiting;
    impl Drop for Waiting {
        fn drop(&mut self) {
            crate::interrupt::PLAIN_WAITING.store(false, Ordering::SeqCst);
        }
    }
    crate::interrupt::PLAIN_WAITING.store(true, Ordering::SeqCst);
    let _waiting = Waiting;
    let stdin = std::io::stdin();
    loop {
        if crate::interrupt::take_ctrl_c() {
            return Err(PromptError::Interrupted);
        }
        let mut fds = [PollFd::new(stdin.as_fd(), PollFlags::POLLIN)];
        match poll(&mut fds, PollTimeout::from(50u8)) {
            Ok(0) | Err(Errno::EINTR) => continue,
            Ok(_) => return Ok(()),
            Err(e) => return Err(PromptError::Io(e.into())),
        }
    }
}

/// One line of at most `max` bytes (the rest of a longer line is read and
/// dropped), without its line break; `None` at the end of the input.
fn read_line(input: &mut impl BufRead, max: usize) -> std::io::Result<Option<String>> {
    let mut kept = Vec::new();
    let mut any = false;
    loop {
        let buf = match input.fill_buf() {
            Ok(b) => b,
            Err(e) if e.kind() == std::io::ErrorKind::Interrupted => continue,
            Err(e) => return Err(e),
        };
        if buf.is_empty() {
            break;
        }
        any = true;
        let (chunk, done) = match buf.iter().position(|&b| b == b'\n') {
            Some(i) => (&buf[..i], i + 1),
            None => (buf, buf.len()),
        };
        let room = max.saturating_sub(kept.len());
        kept.extend_from_slice(&chunk[..chunk.len().min(room)]);
        let newline = done > chunk.len();
        input.consume(done);
        if newline {
            break;
        }
    }
    if !any {
        return Ok(None);
    }
    Ok(Some(String::from_utf8_lossy(&kept).into_owned()))
}

/// Back, in any language the program speaks (`b`, or `a` for "atrás").
fn is_back(s: &str) -> bool {
    matches!(fold(s).as_str(), "b" | "back" | "a" | "atras" | "volver")
}

fn is_help(s: &str) -> bool {
    matches!(fold(s).as_str(), "?" | "h" | "help" | "ayuda")
}

/// `s` in lower case without accents, so that `si` matches `Sí`.
fn fold(s: &str) -> String {
    s.to_lowercase()
        .chars()
        .map(|c| match c {
            'á' | 'à' | 'ä' | 'â' => 'a',
            'é' | 'è' | 'ë' | 'ê' => 'e',
            'í' | 'ì' | 'ï' | 'î' => 'i',
            'ó' | 'ò' | 'ö' | 'ô' => 'o',
            'ú' | 'ù' | 'ü' | 'û' => 'u',
            c => c,
        })
        .collect()
}

/// Turn typed text into an answer, or say what is wrong. Numbers are the
/// positions shown: the severity scale, then "prefer not to say" last.
fn parse(w: &words::Words, q: &Question, text: &str) -> Result<Answer, String> {
    let shown: Vec<&crate::rules::model::AnswerOption> =
        q.shown_options().map(|(_, o)| o).collect();
    let pick = |t: &str| -> Result<Code, String> {
        if let Ok(n) = t.parse::<usize>() {
            return shown
                .get(n.wrapping_sub(1))
                .map(|o| Code::from(o.code.as_str()))
                .ok_or_else(|| w.with("type-number", &[("max", words::number(shown.len()))]));
        }
        shown
            .iter()
            .find(|o| o.code.eq_ignore_ascii_case(t) || fold(&o.label) == fold(t))
            .map(|o| Code::from(o.code.as_str()))
            .ok_or_else(|| w.with("not-an-answer", &[("text", words::text(t))]))
    };
    match q.kind {
        QuestionKind::YesNo | QuestionKind::Choice => pick(text).map(Answer::Code),
        QuestionKind::Multi => {
            if matches!(text, "0" | "none") {
                return Ok(Answer::Codes(vec![]));
            }
            let mut codes = Vec::new();
            for part in text.split([',', ' ']).filter(|p| !p.is_empty()) {
                let c = pick(part)?;
                if !codes.contains(&c) {
                    codes.push(c);
                }
            }
            let declines = codes
                .iter()
                .any(|c| q.option(c).is_some_and(|(_, o)| o.off_scale()));
            if declines && codes.len() > 1 {
                return Err(w.get("multi-declines"));
            }
            codes.sort_by_key(|c| q.option(c).map(|(i, _)| i));
            Ok(Answer::Codes(codes))
        }
        QuestionKind::Integer => {
            let (lo, hi) = (q.min.unwrap_or(i64::MIN), q.max.unwrap_or(i64::MAX));
            match text.parse::<i64>() {
                Ok(n) if (lo..=hi).contains(&n) => Ok(Answer::Int(n)),
                _ => Err(w.with(
                    "type-whole-number",
                    &[
                        ("min", words::number_i64(lo)),
                        ("max", words::number_i64(hi)),
                    ],
                )),
            }
        }
    }
}

impl<R: BufRead, W: Write> Prompter for Plain<R, W> {
    fn who_answers(
        &mut self,
        title: &str,
        question: &str,
        choices: [&str; 2],
    ) -> Result<Respondent, PromptError> {
        self.heading(title)?;
        self.titled = true;
        self.say(question)?;
        for (i, label) in choices.iter().enumerate() {
            self.item(i + 1, label)?;
        }
        let w = self.words();
        let k = self.number(&format!("{} [1-2]: ", w.get("plain-answer")), 2)?;
        self.said(choices[k - 1])?;
        Ok(if k == 1 {
            Respondent::Myself
        } else {
            Respondent::Other
        })
    }

    fn intro(&mut self, title: &str, text: &str) -> Result<(), PromptError> {
        if self.titled {
            self.say("")?;
        } else {
            self.heading(title)?;
        }
        self.say(text)?;
        self.say(&format!("\n{}", self.words().get("plain-keys")))
    }

    fn ask(&mut self, ask: Ask<'_>) -> Result<Reply, PromptError> {
        let q = ask.question;
        let w = self.words();
        self.say(&format!(
            "\n{}",
            w.with(
                "question-of",
                &[
                    ("number", words::number(ask.number)),
                    ("total", words::number(ask.total)),
                ],
            )
        ))?;
        self.say(q.prompt.trim())?;
        let shown: Vec<String> = q
            .shown_options()
            .map(|(_, o)| o.label.to_string())
            .collect();
        for (i, label) in shown.iter().enumerate() {
            self.item(i + 1, label)?;
        }
        let mut hint = match q.kind {
            QuestionKind::Integer => w.with(
                "hint-number",
                &[
                    ("min", words::number_i64(q.min.unwrap_or(0))),
                    ("max", words::number_i64(q.max.unwrap_or(0))),
                    (
                        "unit",
                        words::text(
                            &q.unit
                                .as_deref()
                                .map(|u| format!(" ({u})"))
                                .unwrap_or_default(),
                        ),
                    ),
                ],
            ),
            QuestionKind::Multi => w.get("hint-multi"),
            _ => format!("1-{}", shown.len()),
        };
        if ask.can_go_back {
            hint.push_str(&format!(", {}", w.get("key-back")));
        }
        if q.help.is_some() {
            hint.push_str(&format!(", {}", w.get("key-help")));
        }
        if !q.required {
            hint.push_str(&format!(", {}", w.get("key-skip-s")));
        }
        if let Some(a) = ask.current {
            hint.push_str(&format!(
                ", {}",
                w.with("key-keep", &[("answer", words::text(&describe(q, a)))])
            ));
        }
        loop {
            let text = self.line(&format!("{} [{hint}]: ", w.get("plain-answer")))?;
            if text.is_empty() {
                match ask.current {
                    Some(a) => {
                        self.said(&describe(q, a))?;
                        return Ok(Reply::Answer(a.clone()));
                    }
                    None => {
                        self.say(&w.get("type-an-answer"))?;
                        continue;
                    }
                }
            }
            if is_back(&text) {
                if ask.can_go_back {
                    return Ok(Reply::Back);
                }
                self.say(&w.get("first-question"))?;
                continue;
            }
            if is_help(&text) {
                let none = w.get("no-more-help");
                let help = q.help.as_deref().map_or(none.as_str(), str::trim);
                self.say(help)?;
                continue;
            }
            if !q.required && fold(&text) == fold(&w.get("skip-key")) {
                self.said(&w.get("skipped"))?;
                return Ok(Reply::Skip);
            }
            match parse(w, q, &text) {
                Ok(a) => {
                    self.said(&describe(q, &a))?;
                    return Ok(Reply::Answer(a));
                }
                Err(why) => self.say(&why)?,
            }
        }
    }

    fn notice(&mut self, text: &str) -> Result<(), PromptError> {
        self.say(&self.words().with("note", &[("text", words::text(text))]))
    }

    fn crisis(&mut self, message: &str) -> Result<CrisisChoice, PromptError> {
        self.say("")?;
        let block = crate::report::crisis_block(&self.lang, message, self.width.min(80), false);
        self.say(block.trim_end())?;
        let w = self.words();
        self.say(&format!(
            "\n{}\n  1. {}\n  2. {}",
            w.get("crisis-what-now"),
            w.get("crisis-continue"),
            w.get("crisis-stop")
        ))?;
        let k = self.number(&format!("{} [1-2]: ", w.get("plain-answer")), 2)?;
        Ok(if k == 1 {
            self.said(&w.get("crisis-continue"))?;
            CrisisChoice::Continue
        } else {
            self.said(&w.get("crisis-stop"))?;
            CrisisChoice::Stop
        })
    }

    fn review(&mut self, items: &[ReviewItem]) -> Result<ReviewChoice, PromptError> {
        let w = self.words();
        self.say(&format!("\n{}", w.get("review-heading")))?;
        for (i, item) in items.iter().enumerate() {
            self.item(i + 1, &format!("{}: {}", item.title, item.answer))?;
        }
        loop {
            let text = self.line(&format!("{} ", w.get("plain-review-prompt")))?;
            if text.is_empty() {
                return Ok(ReviewChoice::Submit);
            }
            if is_back(&text) {
                return Ok(ReviewChoice::Back);
            }
            match text.parse::<usize>() {
                Ok(n) if (1..=items.len()).contains(&n) => {
                    return Ok(ReviewChoice::Edit(items[n - 1].question))
                }
                _ => {
                    self.say(&w.with("plain-review-again", &[("max", words::number(items.len()))]))?
                }
            }
        }
    }

    fn after_result(&mut self, can_show: bool, can_save: bool) -> Result<AfterResult, PromptError> {
        let w = self.words();
        let mut choices = Vec::new();
        if can_show {
            choices.push((w.get("plain-full-report"), AfterResult::FullReport));
        }
        if can_save {
            choices.push((w.get("after-save"), AfterResult::Save));
        }
        choices.push((w.get("after-finish"), AfterResult::Finish));
        self.say(&format!("\n{}", w.get("after-prompt")))?;
        for (i, (label, _)) in choices.iter().enumerate() {
            self.item(i + 1, label)?;
        }
        let n = choices.len();
        let k = self.number(&format!("{} [1-{n}]: ", w.get("plain-answer")), n)?;
        self.said(&choices[k - 1].0)?;
        Ok(choices[k - 1].1)
    }

    fn file_name(&mut self, prompt: &str, default: &str) -> Result<Option<String>, PromptError> {
        // The question on its own lines, the name typed on a short one.
        self.say(prompt)?;
        let short = self.words().get("file-name-prompt");
        let text = self.line(&format!("{short} [Enter = {default}]: "))?;
        Ok(Some(if text.is_empty() {
            default.to_owned()
        } else {
            text
        }))
    }

    fn confirm(&mut self, question: &str, default: bool) -> Result<bool, PromptError> {
        let w = self.words();
        let keys = w.get(if default {
            "confirm-keys-yes"
        } else {
            "confirm-keys-no"
        });
        loop {
            let text = self.line(&format!("{question} [{keys}]: "))?;
            // Yes and no in any language the program speaks.
            match fold(&text).as_str() {
                "" => return Ok(default),
                "y" | "yes" | "s" | "si" => {
                    self.said(&w.get("yes"))?;
                    return Ok(true);
                }
                "n" | "no" => {
                    self.said(&w.get("no"))?;
                    return Ok(false);
                }
                _ => self.say(&w.get("type-yes-no"))?,
            }
        }
    }

    fn crisis_reminder(&mut self, message: &str) -> Result<(), PromptError> {
        self.say("")?;
        let block = crate::report::crisis_block(&self.lang, message, self.width.min(80), false);
        self.say(block.trim_end())
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::rules::Rules;

    fn plain(input: &str) -> Plain<&[u8], Vec<u8>> {
        Plain::new(input.as_bytes(), Vec::new())
    }

    fn question(rules: &Rules, id: &str) -> Question {
        rules.question(id).unwrap().clone()
    }

    fn ask(q: &Question) -> Ask<'_> {
        Ask {
            question: q,
            number: 2,
            total: 5,
            current: None,
            can_go_back: true,
        }
    }

    #[test]
    fn numbered_options_and_a_typed_number() {
        let r = Rules::builtin().unwrap();
        let q = question(&r, "harm_others");
        let mut p = plain("9\n3\n");
        assert_eq!(
            p.ask(ask(&q)).unwrap(),
            Reply::Answer(Answer::Code("thoughts".into()))
        );
        let out = String::from_utf8(p.output).unwrap();
        assert!(
            out.contains("Question 2 of 5\nIn the past month, have you had thoughts"),
            "{out}"
        );
        assert!(out.contains("  1. No\n  2. Only unwanted"), "{out}");
        assert!(out.contains("Please type a number from 1 to 7."), "{out}");
    }

    #[test]
    fn help_back_and_codes() {
        let r = Rules::builtin().unwrap();
        let q = question(&r, "readiness");
        let mut p = plain("?\nunsure\n");
        assert_eq!(
            p.ask(ask(&q)).unwrap(),
            Reply::Answer(Answer::Code("unsure".into()))
        );
        let out = String::from_utf8(p.output).unwrap();
        assert!(out.contains(
            q.help
                .as_deref()
                .unwrap()
                .split_whitespace()
                .next()
                .unwrap()
        ));
        let mut p = plain("b\n");
        assert_eq!(p.ask(ask(&q)).unwrap(), Reply::Back);
    }

    #[test]
    fn integers_are_range_checked_and_enter_keeps_the_current_answer() {
        let r = Rules::builtin().unwrap();
        let q = question(&r, "hours_available");
        let mut p = plain("500\nten\n12\n");
        assert_eq!(p.ask(ask(&q)).unwrap(), Reply::Answer(Answer::Int(12)));
        assert!(String::from_utf8(p.output)
            .unwrap()
            .contains("Please type a whole number from 0 to 168."));
        let current = Answer::Int(7);
        let mut p = plain("\n");
        let a = Ask {
            current: Some(&current),
            ..ask(&q)
        };
        assert_eq!(p.ask(a).unwrap(), Reply::Answer(Answer::Int(7)));
    }

    #[test]
    fn end_of_input_is_closed() {
        let r = Rules::builtin().unwrap();
        let q = question(&r, "readiness");
        assert!(matches!(plain("").ask(ask(&q)), Err(PromptError::Closed)));
    }

    #[test]
    fn the_crisis_choice_is_numbered_and_a_wrong_entry_is_explained() {
        let mut p = plain("s\n3\n2\n");
        assert_eq!(p.crisis("Call 988.").unwrap(), CrisisChoice::Stop);
        let out = String::from_utf8(p.output).unwrap();
        assert!(
            out.starts_with("\n!! CRISIS: PLEASE GET HELP NOW !!\n   Call 988.\n"),
            "{out}"
        );
        assert!(
            out.contains("  1. Continue with the questions\n  2. Stop here and see the result"),
            "{out}"
        );
        assert_eq!(
            out.matches("Please type a number from 1 to 2.").count(),
            2,
            "both wrong entries are answered: {out}"
        );
        assert_eq!(plain("1\n").crisis("x").unwrap(), CrisisChoice::Continue);
    }

    #[test]
    fn review_lists_titles_and_explains_a_wrong_entry() {
        let items = vec![ReviewItem {
            question: 7,
            title: "Home situation".into(),
            answer: "Stable and safe".into(),
        }];
        let mut p = plain("9\n1\n");
        assert_eq!(p.review(&items).unwrap(), ReviewChoice::Edit(7));
        let out = String::from_utf8(p.output).unwrap();
        assert!(
            out.contains("  1. Home situation: Stable and safe\n"),
            "{out}"
        );
        assert!(
            out.contains("Please press Enter, type a number from 1 to 1, or b."),
            "{out}"
        );
        assert_eq!(plain("\n").review(&items).unwrap(), ReviewChoice::Submit);
    }

    #[test]
    fn not_knowing_and_prefer_not_to_say_are_listed_last_and_numbered_as_shown() {
        let r = Rules::builtin().unwrap();
        let q = question(&r, "harm_others");
        let mut p = plain("7\n");
        assert_eq!(
            p.ask(ask(&q)).unwrap(),
            Reply::Answer(Answer::Code("declined".into()))
        );
        let out = String::from_utf8(p.output).unwrap();
        assert!(
            out.contains("  5. I intend to hurt someone, have a plan to, or I'm not sure whether I would\n  6. I'm not sure how to answer\n  7. Prefer not to say\n"),
            "{out}"
        );
        let mut p = plain("6\n");
        assert_eq!(
            p.ask(ask(&q)).unwrap(),
            Reply::Answer(Answer::Code("dont_know".into()))
        );
        let mut p = plain("5\n");
        assert_eq!(
            p.ask(ask(&q)).unwrap(),
            Reply::Answer(Answer::Code("intent".into()))
        );
    }

    #[test]
    fn spanish_keys_and_answers_without_accents_are_understood() {
        let r = Rules::builtin().unwrap();
        let mut es = r.clone();
        es.file.select(&crate::rules::model::Variant {
            respondent: crate::rules::model::Respondent::Myself,
            lang: Some("es".into()),
        });
        let q = question(&es, "means_at_hand");
        let yes = q
            .options
            .iter()
            .find(|o| o.label.trim() == "Sí")
            .map(|o| o.code.clone());
        assert!(yes.is_some(), "a plain «Sí» answer");
        // "atrás" and "a" go back; "ayuda" shows the help.
        assert_eq!(plain("atrás\n").ask(ask(&q)).unwrap(), Reply::Back);
        assert_eq!(plain("a\n").ask(ask(&q)).unwrap(), Reply::Back);
        let mut p = plain("ayuda\nb\n").speaking("es");
        assert_eq!(p.ask(ask(&q)).unwrap(), Reply::Back);
        let out = String::from_utf8(p.output).unwrap();
        assert!(!out.contains("no es una de las respuestas"), "{out}");
        // A label typed without its accent.
        if let Some(code) = yes {
            let label = q.option(&code).unwrap().1.label.clone();
            let typed = label.replace('í', "i").to_uppercase();
            let input = format!("{typed}\n");
            let mut p = plain(&input).speaking("es");
            assert_eq!(
                p.ask(ask(&q)).unwrap(),
                Reply::Answer(Answer::Code(code.as_str().into()))
            );
        }
        // Yes and no, in either language.
        for (typed, want) in [
            ("sí\n", true),
            ("si\n", true),
            ("S\n", true),
            ("n\n", false),
        ] {
            assert_eq!(
                plain(typed).speaking("es").confirm("¿?", !want).unwrap(),
                want
            );
        }
    }

    #[test]
    fn a_huge_line_is_read_in_bounded_memory() {
        let mut input = "9".repeat(10 * MAX_LINE).into_bytes();
        input.extend_from_slice(b"\nnext\n");
        let mut r = &input[..];
        let first = read_line(&mut r, MAX_LINE).unwrap().unwrap();
        assert_eq!(first.len(), MAX_LINE);
        assert_eq!(
            read_line(&mut r, MAX_LINE).unwrap().as_deref(),
            Some("next")
        );
        assert_eq!(read_line(&mut r, MAX_LINE).unwrap(), None);
    }

    #[test]
    fn after_the_result_and_file_names() {
        let mut p = plain("7\n2\n");
        assert_eq!(p.after_result(true, true).unwrap(), AfterResult::Save);
        assert_eq!(
            plain("2\n").after_result(true, false).unwrap(),
            AfterResult::Finish
        );
        assert_eq!(
            plain("1\n").after_result(false, true).unwrap(),
            AfterResult::Save
        );
        assert_eq!(
            plain("\n")
                .file_name("Save to", "r.txt")
                .unwrap()
                .as_deref(),
            Some("r.txt")
        );
        assert!(plain("\n").confirm("Replace?", false).map(|y| !y).unwrap());
    }
}
