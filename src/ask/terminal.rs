//! The full-screen terminal prompter (dialoguer), drawn on standard error.

use dialoguer::console::{Style, Term};
use dialoguer::theme::{ColorfulTheme, SimpleTheme, Theme};
use dialoguer::{Input, MultiSelect, Select};

use crate::answers::{describe, Answer};
use crate::interrupt::IN_PROMPT;
use crate::report::{crisis_block, wrap_text};
use crate::rules::model::{Question, QuestionKind, Respondent};
use crate::words;

use super::prompter::{
    AfterResult, Ask, CrisisChoice, PromptError, Prompter, Reply, ReviewChoice, ReviewItem,
};

use std::sync::atomic::Ordering;

/// Marks a prompt as active for as long as it lives: Ctrl-C then arrives
/// as a key, and the prompt returns `Interrupted`.
///
/// The terminal library also raises SIGINT when it reads that key, and the
/// signal thread may look at the flag only after the prompt has returned.
/// So a prompt that ended with Ctrl-C leaves the flag set: the run is
/// ending through the questionnaire's own stop (the offer to keep the
/// answers), which the signal must not cut short.
struct Active;

/// A prompt read Ctrl-C as a key; see [`Active`].
static CTRL_C_READ: std::sync::atomic::AtomicBool = std::sync::atomic::AtomicBool::new(false);

impl Active {
    fn new() -> Self {
        IN_PROMPT.store(true, Ordering::SeqCst);
        Active
    }
}

impl Drop for Active {
    fn drop(&mut self) {
        if !CTRL_C_READ.load(Ordering::SeqCst) {
            IN_PROMPT.store(false, Ordering::SeqCst);
        }
    }
}

/// The menu items after a question's options.
#[derive(Clone, Copy, PartialEq, Eq)]
enum Extra {
    Skip,
    Back,
    Help,
}

/// Prompts on the terminal behind standard error.
pub struct Terminal {
    term: Term,
    theme: Box<dyn Theme>,
    color: bool,
    /// The language of the run (the crisis block's heading).
    lang: String,
    /// The title was shown at the first step: the introduction goes on
    /// under it.
    titled: bool,
}

impl Terminal {
    /// A prompter on standard error; `color` as `--color` and `NO_COLOR` decide.
    pub fn new(color: bool) -> Self {
        let term = Term::stderr();
        dialoguer::console::set_colors_enabled_stderr(color);
        let theme: Box<dyn Theme> = if color {
            Box::new(ColorfulTheme::default())
        } else {
            Box::new(SimpleTheme)
        };
        Terminal {
            term,
            theme,
            color,
            lang: "en".to_owned(),
            titled: false,
        }
    }

    /// Speak `lang` (a language code) where the prompter has words of its own.
    pub fn speaking(mut self, lang: &str) -> Self {
        lang.clone_into(&mut self.lang);
        self
    }

    fn words(&self) -> &'static words::Words {
        words::of(&self.lang)
    }

    /// The width prose is wrapped to.
    fn width(&self) -> usize {
        usize::from(self.term.size().1).clamp(40, 100)
    }

    /// The terminal's real width, for menu lines that must never wrap.
    fn columns(&self) -> usize {
        usize::from(self.term.size().1).max(20)
    }

    fn say(&self, text: &str) -> Result<(), PromptError> {
        let wrapped = wrap_text(text, self.width());
        self.term.write_line(&wrapped).map_err(PromptError::from)
    }

    /// Wrap first, then style each line: escape codes take no columns.
    fn say_styled(&self, text: &str, style: Style) -> Result<(), PromptError> {
        let wrapped = wrap_text(text, self.width());
        for line in wrapped.lines() {
            self.term
                .write_line(&style.apply_to(line).to_string())
                .map_err(PromptError::from)?;
        }
        Ok(())
    }

    /// Map a dialoguer error, and give the cursor back after Ctrl-C.
    fn fail(&self, e: dialoguer::Error) -> PromptError {
        let dialoguer::Error::IO(e) = e;
        if e.kind() == std::io::ErrorKind::Interrupted {
            // Still inside the prompt: the flag is set, and stays so.
            CTRL_C_READ.store(true, Ordering::SeqCst);
        }
        let _ = self.term.show_cursor();
        PromptError::from(e)
    }

    /// A menu; `None` on Esc. Items are wrapped by [`menu_item`] first.
    fn choose(
        &self,
        prompt: &str,
        items: &[String],
        default: usize,
    ) -> Result<Option<usize>, PromptError> {
        let _active = Active::new();
        let items: Vec<String> = items.iter().map(|i| self.menu_item(i, 2)).collect();
        Select::with_theme(self.theme.as_ref())
            .with_prompt(prompt)
            .report(false)
            .items(&items)
            .default(default)
            .interact_on_opt(&self.term)
            .map_err(|e| self.fail(e))
    }

    /// A menu item wrapped to the terminal at word boundaries, later lines
    /// indented under the first. The menu's prefix takes `prefix` columns.
    /// dialoguer clears a menu by counting its lines, so no line may wrap on
    /// its own; it also measures lines in bytes, so accented text is wrapped
    /// narrower until every line's bytes fit too.
    fn menu_item(&self, text: &str, prefix: usize) -> String {
        menu_item(text, self.columns(), prefix)
    }

    /// Confirm a recorded answer on its own line, in words; a long answer
    /// hangs under itself.
    fn answered(&self, text: &str) -> Result<(), PromptError> {
        let line = format!(
            "✔ {}",
            self.words()
                .with("answered", &[("answer", words::text(text))])
        );
        let wrapped = crate::report::wrap_text_from(&line, self.width(), 0, "  ");
        let wrapped = match wrapped.strip_prefix('✔') {
            Some(rest) => format!("{}{rest}", Style::new().green().for_stderr().apply_to('✔')),
            None => wrapped,
        };
        self.term.write_line(&wrapped).map_err(PromptError::from)
    }

    /// The number of the answer to change, from 1 to `n`; `None` when the
    /// person types nothing (or presses Esc) and goes back to the menu.
    fn which_answer(&self, n: usize) -> Result<Option<usize>, PromptError> {
        let w = self.words();
        let wrong = w.with("type-number", &[("max", words::number(n))]);
        let _active = Active::new();
        let text = Input::<String>::with_theme(self.theme.as_ref())
            .with_prompt(w.with("review-which", &[("max", words::number(n))]))
            .report(false)
            .allow_empty(true)
            .validate_with(|s: &String| -> Result<(), String> {
                match s.trim() {
                    "" => Ok(()),
                    t => match t.parse::<usize>() {
                        Ok(k) if (1..=n).contains(&k) => Ok(()),
                        _ => Err(wrong.clone()),
                    },
                }
            })
            .interact_text_on(&self.term)
            .map_err(|e| self.fail(e))?;
        Ok(text.trim().parse().ok())
    }

    fn help(&self, q: &Question) -> Result<(), PromptError> {
        let none = self.words().get("no-more-help");
        let text = q.help.as_deref().map_or(none.as_str(), str::trim);
        self.say_styled(text, Style::new().italic().for_stderr())
    }

    fn ask_choice(&self, ask: &Ask<'_>) -> Result<Reply, PromptError> {
        let q = ask.question;
        let shown: Vec<usize> = q.shown_options().map(|(i, _)| i).collect();
        let mut items: Vec<String> = shown
            .iter()
            .map(|&i| q.options[i].label.to_string())
            .collect();
        let n = items.len();
        let w = self.words();
        let extra: Vec<Extra> = [
            (!q.required).then_some(Extra::Skip),
            ask.can_go_back.then_some(Extra::Back),
            q.help.is_some().then_some(Extra::Help),
        ]
        .into_iter()
        .flatten()
        .collect();
        items.extend(extra.iter().map(|e| {
            w.get(match e {
                Extra::Skip => "menu-skip",
                Extra::Back => "menu-back",
                Extra::Help => "menu-help",
            })
        }));
        let default = match ask.current {
            Some(Answer::Code(c)) => q
                .option(c)
                .and_then(|(i, _)| shown.iter().position(|&s| s == i))
                .unwrap_or(0),
            _ => 0,
        };
        loop {
            match self.choose(&w.get("your-answer-prompt"), &items, default)? {
                None if ask.can_go_back => return Ok(Reply::Back),
                None => continue,
                Some(k) if k < n => {
                    let answer = Answer::Code(q.options[shown[k]].code.as_str().into());
                    self.answered(&describe(q, &answer))?;
                    return Ok(Reply::Answer(answer));
                }
                Some(k) => match extra[k - n] {
                    Extra::Skip => return Ok(Reply::Skip),
                    Extra::Back => return Ok(Reply::Back),
                    Extra::Help => self.help(q)?,
                },
            }
        }
    }

    fn ask_multi(&self, ask: &Ask<'_>) -> Result<Reply, PromptError> {
        let q = ask.question;
        if q.help.is_some() {
            self.help(q)?;
        }
        let shown: Vec<usize> = q.shown_options().map(|(i, _)| i).collect();
        let chosen: Vec<bool> = shown
            .iter()
            .map(|&i| matches!(ask.current, Some(Answer::Codes(cs)) if cs.iter().any(|c| *c == q.options[i].code)))
            .collect();
        let labels: Vec<String> = shown
            .iter()
            .map(|&i| self.menu_item(&q.options[i].label, 6))
            .collect();
        loop {
            let _active = Active::new();
            let picked = MultiSelect::with_theme(self.theme.as_ref())
                .with_prompt(self.words().get("multi-prompt"))
                .report(false)
                .items(&labels)
                .defaults(&chosen)
                .interact_on_opt(&self.term)
                .map_err(|e| self.fail(e))?;
            drop(_active);
            let Some(picked) = picked else {
                if ask.can_go_back {
                    return Ok(Reply::Back);
                }
                continue;
            };
            let mut codes: Vec<usize> = picked.into_iter().map(|k| shown[k]).collect();
            codes.sort_unstable();
            let declines = codes.iter().any(|&i| q.options[i].off_scale());
            if declines && codes.len() > 1 {
                self.say(&self.words().get("multi-declines"))?;
                continue;
            }
            let answer = Answer::Codes(
                codes
                    .iter()
                    .map(|&i| q.options[i].code.as_str().into())
                    .collect(),
            );
            self.answered(&describe(q, &answer))?;
            return Ok(Reply::Answer(answer));
        }
    }

    fn ask_integer(&self, ask: &Ask<'_>) -> Result<Reply, PromptError> {
        let q = ask.question;
        let (lo, hi) = (q.min.unwrap_or(i64::MIN), q.max.unwrap_or(i64::MAX));
        let unit = q
            .unit
            .as_deref()
            .map(|u| format!(" {u}"))
            .unwrap_or_default();
        let w = self.words();
        let mut keys = vec![format!("{lo}-{hi}{unit}")];
        if ask.can_go_back {
            keys.push(w.get("key-back"));
        }
        if q.help.is_some() {
            keys.push(w.get("key-help"));
        }
        if !q.required {
            keys.push(w.get("key-skip"));
        }
        let wrong = w.with(
            "whole-number",
            &[
                ("min", words::number_i64(lo)),
                ("max", words::number_i64(hi)),
            ],
        );
        loop {
            let _active = Active::new();
            let mut input = Input::<String>::with_theme(self.theme.as_ref())
                .with_prompt(format!(
                    "{} ({})",
                    w.get("your-answer-prompt"),
                    keys.join(", ")
                ))
                .report(false)
                .allow_empty(!q.required)
                .validate_with(|s: &String| -> Result<(), String> {
                    let s = s.trim();
                    if s.is_empty() || matches!(s, "b" | "?") {
                        return Ok(());
                    }
                    match s.parse::<i64>() {
                        Ok(n) if (lo..=hi).contains(&n) => Ok(()),
                        _ => Err(wrong.clone()),
                    }
                });
            if let Some(Answer::Int(n)) = ask.current {
                input = input.with_initial_text(n.to_string());
            }
            let text = input
                .interact_text_on(&self.term)
                .map_err(|e| self.fail(e))?;
            drop(_active);
            match text.trim() {
                "" => return Ok(Reply::Skip),
                "b" if ask.can_go_back => return Ok(Reply::Back),
                "b" => self.say(&w.get("first-question"))?,
                "?" => self.help(q)?,
                n => {
                    let answer = Answer::Int(n.parse().unwrap_or(lo));
                    self.answered(&describe(q, &answer))?;
                    return Ok(Reply::Answer(answer));
                }
            }
        }
    }
}

/// `text` wrapped for a menu `columns` wide whose prefix takes `prefix`
/// columns: no line wider than the terminal, in columns or in bytes.
pub fn menu_item(text: &str, columns: usize, prefix: usize) -> String {
    let text = text.split_whitespace().collect::<Vec<_>>().join(" ");
    let indent = " ".repeat(prefix);
    let mut width = columns.saturating_sub(1).max(prefix + 8);
    loop {
        let wrapped = crate::report::wrap_strict(&text, width, prefix, &indent);
        if width <= prefix + 8 || wrapped.lines().all(|l| l.len() + prefix <= columns) {
            return wrapped;
        }
        width -= 1;
    }
}

impl Prompter for Terminal {
    fn who_answers(
        &mut self,
        title: &str,
        question: &str,
        choices: [&str; 2],
    ) -> Result<Respondent, PromptError> {
        self.say_styled(title, Style::new().bold().for_stderr())?;
        self.term.write_line("")?;
        self.titled = true;
        let items = choices.map(str::to_owned);
        loop {
            if let Some(k) = self.choose(question, &items, 0)? {
                self.answered(choices[k])?;
                return Ok(if k == 0 {
                    Respondent::Myself
                } else {
                    Respondent::Other
                });
            }
        }
    }

    fn intro(&mut self, title: &str, text: &str) -> Result<(), PromptError> {
        if self.titled {
            self.term.write_line("")?;
        } else {
            self.say_styled(title, Style::new().bold().for_stderr())?;
            self.term.write_line("")?;
        }
        self.say(text)?;
        self.term.write_line("")?;
        self.say(&self.words().get("terminal-keys"))
    }

    fn ask(&mut self, ask: Ask<'_>) -> Result<Reply, PromptError> {
        let heading = self.words().with(
            "question-of",
            &[
                ("number", words::number(ask.number)),
                ("total", words::number(ask.total)),
            ],
        );
        self.term.write_line("")?;
        self.say_styled(&heading, Style::new().dim().for_stderr())?;
        self.say_styled(ask.question.prompt.trim(), Style::new().bold().for_stderr())?;
        match ask.question.kind {
            QuestionKind::YesNo | QuestionKind::Choice => self.ask_choice(&ask),
            QuestionKind::Multi => self.ask_multi(&ask),
            QuestionKind::Integer => self.ask_integer(&ask),
        }
    }

    fn notice(&mut self, text: &str) -> Result<(), PromptError> {
        self.say_styled(text, Style::new().yellow().for_stderr())
    }

    fn crisis(&mut self, message: &str) -> Result<CrisisChoice, PromptError> {
        self.crisis_reminder(message)?;
        self.term.write_line("")?;
        let w = self.words();
        let items = [w.get("crisis-continue"), w.get("crisis-stop")];
        loop {
            match self.choose(&w.get("crisis-what-now"), &items, 0)? {
                Some(0) => return Ok(CrisisChoice::Continue),
                Some(_) => return Ok(CrisisChoice::Stop),
                None => continue,
            }
        }
    }

    fn review(&mut self, items: &[ReviewItem]) -> Result<ReviewChoice, PromptError> {
        self.term.write_line("")?;
        let w = self.words();
        self.say_styled(&w.get("review-heading"), Style::new().bold().for_stderr())?;
        // The answers as numbered lines, and a short menu below them: a
        // menu of every answer would be taller than most terminals, and the
        // terminal library would page it (in English).
        for (i, it) in items.iter().enumerate() {
            let prefix = format!("  {}. ", i + 1);
            let line = crate::report::wrap_text_from(
                &format!("{}: {}", it.title, it.answer),
                self.width(),
                prefix.len(),
                &" ".repeat(prefix.len()),
            );
            self.term.write_line(&format!("{prefix}{line}"))?;
        }
        let choices = [
            format!("✓ {}", w.get("review-submit")),
            w.get("review-change"),
            w.get("menu-back"),
        ];
        loop {
            match self.choose(&w.get("review-prompt"), &choices, 0)? {
                Some(0) => return Ok(ReviewChoice::Submit),
                Some(1) => {
                    if let Some(k) = self.which_answer(items.len())? {
                        return Ok(ReviewChoice::Edit(items[k - 1].question));
                    }
                }
                _ => return Ok(ReviewChoice::Back),
            }
        }
    }

    fn after_result(&mut self, can_show: bool, can_save: bool) -> Result<AfterResult, PromptError> {
        let w = self.words();
        let mut choices = Vec::new();
        if can_show {
            choices.push((w.get("after-full-report"), AfterResult::FullReport));
        }
        if can_save {
            choices.push((w.get("after-save"), AfterResult::Save));
        }
        choices.push((w.get("after-finish"), AfterResult::Finish));
        let labels: Vec<String> = choices.iter().map(|(l, _)| l.clone()).collect();
        self.term.write_line("")?;
        Ok(match self.choose(&w.get("after-prompt"), &labels, 0)? {
            Some(k) => choices[k].1,
            None => AfterResult::Finish,
        })
    }

    fn file_name(&mut self, prompt: &str, default: &str) -> Result<Option<String>, PromptError> {
        // A prompt too long for one line with its answer is said first,
        // wrapped at words: the terminal would break it anywhere.
        let short = self.words().get("file-name-prompt");
        let prompt = if prompt.chars().count() + default.chars().count() + 8 > self.columns() {
            self.say(prompt)?;
            short.as_str()
        } else {
            prompt
        };
        let _active = Active::new();
        let text = Input::<String>::with_theme(self.theme.as_ref())
            .with_prompt(prompt)
            .default(default.to_owned())
            .report(false)
            .interact_text_on(&self.term)
            .map_err(|e| self.fail(e))?;
        let text = text.trim();
        Ok((!text.is_empty()).then(|| text.to_owned()))
    }

    fn confirm(&mut self, question: &str, default: bool) -> Result<bool, PromptError> {
        // A menu of the two answers, in the language of the run (the
        // terminal library's own yes-or-no prompt knows only y and n).
        let w = self.words();
        self.say(question)?;
        let items = [w.get("yes"), w.get("no")];
        let choice = self.choose(&w.get("your-answer-prompt"), &items, usize::from(!default))?;
        let yes = choice.map_or(default, |k| k == 0);
        self.answered(&items[usize::from(!yes)])?;
        Ok(yes)
    }

    fn crisis_reminder(&mut self, message: &str) -> Result<(), PromptError> {
        let block = crisis_block(&self.lang, message, self.width(), self.color);
        self.term.write_line("")?;
        self.term.write_str(&block).map_err(PromptError::from)
    }
}

#[cfg(test)]
mod tests {
    use super::menu_item;
    use unicode_width::UnicodeWidthStr;

    #[test]
    fn menu_items_wrap_at_words_and_never_reach_the_edge() {
        let label = "Strong shaking, seizures, seeing things or confusion, or I have needed medically supervised detox before";
        for columns in [40, 80, 100] {
            let item = menu_item(label, columns, 2);
            for (i, line) in item.lines().enumerate() {
                let shown = if i == 0 { 2 } else { 0 } + line.width();
                assert!(shown < columns, "{columns}: {line:?}");
                assert!(line.len() + 2 <= columns, "bytes, {columns}: {line:?}");
            }
            assert!(
                item.contains("medically"),
                "no word is cut at {columns}: {item}"
            );
        }
        assert_eq!(menu_item("No", 80, 2), "No");
    }

    #[test]
    fn accented_menu_items_fit_in_bytes_too() {
        let label = "Sí, a menudo o con fuerza, incluso pensamientos de hacerme daño o de quitarme la vida ñáéíóú";
        let item = menu_item(label, 40, 2);
        assert!(item.lines().all(|l| l.len() + 2 <= 40), "{item}");
    }
}
