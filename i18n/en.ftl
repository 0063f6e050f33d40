# carelevel's own words in English. Each message has the same id and the
# same $variables in every catalog (a test checks). The rule file's texts
# (questions, levels, reasons, notes) come from the rule file, not from here.

## Reports

crisis-heading = !! CRISIS: PLEASE GET HELP NOW !!
record = Record: { $id }
answered-by-other = Answered by someone else, about the person. The answers are what they know or see.
recommended-level = Recommended level of care: { $level }
partial-result = Based only on the answers given: the questionnaire ended before every question was answered.
next-step = Next step: { $step }
main-reason = Main reason: { $reason }
clinicians-decision = Clinician's decision: { $chosen }, instead of the recommended { $recommended }. Reason: { $reason } The recommendation and its reasons below are unchanged.
why-heading = Why this level
why-lead =
    { $count ->
        [one] This is what calls for this level:
       *[other] These are what call for this level:
    }
also-counted = Also counted:
on-its-own = On its own, this calls for: { $level }.
your-answers =
    { $count ->
        [one] Your answer:
       *[other] Your answers:
    }
answers-show-heading = What your answers show
in-practice-heading = What it means in practice
notes-heading = Things to keep in mind
comparison-heading = The levels of care side by side
recommended-mark = (recommended)
rules-line = Rules: { $id } { $version } (sha256 { $sha }); { $made-by }

## Markdown only

md-crisis-heading = Crisis: please get help now.
md-next-step = Next step
md-decision = Clinician's decision
md-decision-text = { $chosen }, instead of the recommended { $recommended }.
md-reason = Reason
md-unchanged = The recommendation and its reasons below are unchanged.
md-area = Area
md-concern = Concern
md-answers-behind = Answers behind it

## Ratings, in words

rating =
    { $rating ->
        [0] no concern
        [1] mild
        [2] moderate
        [3] serious
       *[4] severe
    }
rating-so-far = { $rating } so far
not-asked = not asked

## Why a level: sentences around the rule file's reasons

declined-self = You preferred not to answer { $titles }.
declined-other = You did not know, or preferred not to say, the answer to { $titles }.
declined-floor = { $declined } Because safety could not be checked, this screen suggests no less than this level.
ratings-agree-complete = Your answers overall point to this level too.
ratings-agree-partial = The answers given point to this level too.
without-deciding-complete =
    { $count ->
        [one] Without this, your answers overall would point to: { $level }.
       *[other] Without these, your answers overall would point to: { $level }.
    }
without-deciding-partial =
    { $count ->
        [one] Without this, the answers given would point to: { $level }.
       *[other] Without these, the answers given would point to: { $level }.
    }
ratings-sum = Your ratings add up to { $score }, and that total points to this level of care.
ratings-none = None of your answers points to a concern that needs more than this level of care.
ratings-lowest = Your answers show { $rating } concerns at most ({ $areas }), and nothing that calls for more than this level of care.
ratings-top =
    { $count ->
        [one] The most serious concern in your answers is { $areas }, rated { $rating }, which points to this level of care.
       *[other] The most serious concerns in your answers are { $areas }, rated { $rating }, which points to this level of care.
    }
a-question = a question
list-and = { $init } and { $last }

## Template comments

template-for = Answer file for: { $title }
template-rules = Rules: { $id } { $version }
template-fill-in = Fill it in: after each question's id, write one of the answer codes listed above it.
template-result = Then see the result: carelevel screen --answers THIS_FILE
template-guided = Or answer the questions one at a time in a terminal, saved as you go: carelevel screen --save THIS_FILE
template-follow-up = Leave a follow-up blank when its condition does not hold: it is not asked.
template-other = Answered by someone about the person:
template-codes = Answer with a list of any of these codes, e.g. [a, b]:
template-code = Answer with one of these codes:
template-number = Answer with a whole number from { $min } to { $max }{ $unit }.
template-asked-when = Asked only when { $condition }.
template-optional = Optional.
cond-and = and
cond-or = or
cond-not = not { $condition }
cond-is = { $id } is { $value }
cond-in = { $id } is one of { $value }
cond-at-least = { $id } is at least { $value }
cond-at-most = { $id } is at most { $value }
